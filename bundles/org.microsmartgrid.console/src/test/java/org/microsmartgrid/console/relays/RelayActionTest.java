package org.microsmartgrid.console.relays;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.relay.RelayCommand;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelayActionTest {
    static final Set<String> KNOWN = Set.of("socket1", "socket2");

    static Map<String, String[]> params(String... pairs) {
        Map<String, String[]> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String[] old = map.get(pairs[i]);
            if (old == null) map.put(pairs[i], new String[] {pairs[i + 1]});
            else map.put(pairs[i], new String[] {old[0], pairs[i + 1]});
        }
        return map;
    }

    static String refused(String... pairs) {
        return assertThrows(RelayAction.Invalid.class, () -> RelayAction.parse(params(pairs), KNOWN)).getMessage();
    }

    @Test
    void onWithMinutesBecomesALeasedOnCommandSignedByTheInstaller() throws Exception {
        RelayAction a = RelayAction.parse(params("relay", "socket1", "action", "on", "minutes", "10", "csrf", "x"), KNOWN);

        RelayCommand c = a.command("anna");

        assertEquals(new RelayAction("socket1", true, 10), a);
        assertTrue(c.on());
        assertEquals("installer:anna", c.source());
        assertEquals(Duration.ofMinutes(10), c.lease());
        assertFalse(c.safety());
    }

    @Test
    void onWithoutMinutesLeasesFifteenAndOffIsAPlainOff() throws Exception {
        assertEquals(Duration.ofMinutes(15), RelayAction.parse(params("relay", "socket2", "action", "ON"), KNOWN).command("anna").lease());
        assertEquals(Duration.ofMinutes(15), RelayAction.parse(params("relay", "socket2", "action", "on", "minutes", ""), KNOWN).command("anna").lease());

        RelayCommand off = RelayAction.parse(params("relay", "socket2", "action", "off", "minutes", "240"), KNOWN).command("marco");

        assertFalse(off.on());
        assertFalse(off.safety());
        assertEquals("installer:marco", off.source());
    }

    @Test
    void releaseEndsAHoldAndIsNeitherOnNorOff() throws Exception {
        RelayAction a = RelayAction.parse(params("relay", "socket1", "action", "Release"), KNOWN);

        assertTrue(a.release());
        assertFalse(a.on());
        assertFalse(RelayAction.parse(params("relay", "socket1", "action", "off"), KNOWN).release());
    }

    @Test
    void minutesMustBeAWholeNumberFrom1To240() {
        for (String bad : new String[] {"0", "241", "-5", "1.5", "dieci", "99999999999"})
            assertTrue(refused("relay", "socket1", "action", "on", "minutes", bad).contains("from 1 to 240"), bad);
    }

    @Test
    void missingUnknownOrRepeatedParametersAreRefusedWithAClearMessage() {
        assertTrue(refused("action", "on").contains("'relay' is missing"));
        assertEquals("Relè sconosciuto / Unknown relay 'socket9'; relè presenti / known relays: socket1, socket2",
                refused("relay", "socket9", "action", "on"));
        assertTrue(refused("relay", "socket1").contains("'action' (on|off) is missing"));
        assertTrue(refused("relay", "socket1", "action", "toggle").contains("must be on or off"));
        assertTrue(refused("relay", "socket1", "relay", "socket2", "action", "on").contains("'relay' is given more than once"));
        assertTrue(refused("relay", "socket1", "action", "on", "minutes", "5", "minutes", "6").contains("'minutes' is given more than once"));
    }

    @Test
    void withNoRelaysTheMessageSaysSo() {
        String m = assertThrows(RelayAction.Invalid.class,
                () -> RelayAction.parse(params("relay", "socket1", "action", "on"), Set.of())).getMessage();
        assertTrue(m.endsWith("nessuno / none"), m);
    }
}
