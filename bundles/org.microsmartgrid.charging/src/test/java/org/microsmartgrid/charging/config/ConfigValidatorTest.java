package org.microsmartgrid.charging.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.charging.ChargingMode;

class ConfigValidatorTest {

    private static final String PID = ChargingConfig.PID;

    private static Settings validate(Configs c, String msgData) {
        return ConfigValidator.validate(PID, c.build(), name -> name.equals("msg.data") ? msgData : null);
    }

    @Test
    void theDefaultsAreValidAndTheDatabaseLivesUnderMsgData() {
        Settings s = validate(new Configs(), "/var/lib/msg");
        assertEquals("/var/lib/msg/sessions", s.databasePath());
        assertEquals(ChargingMode.NOW, s.defaultMode());
        assertEquals(20, s.plugDetectW());
        assertEquals(Duration.ofSeconds(120), s.unplugAfter());
        assertEquals(Map.of("F1", 0.30, "F2", 0.25, "F3", 0.20), s.priceEurKwhBand());
        assertTrue(s.tokenHashes().isEmpty(), "no tokens: only plug-in starts");
        assertEquals("data/sessions", validate(new Configs(), null).databasePath(), "msg.data unset: ./data");
    }

    @Test
    void anUnknownBandIsPricedAtTheDearestSoACostIsNeverUnderstated() {
        Settings s = validate(new Configs(), "d");
        assertEquals(0.20, s.priceEurKwh("F3"));
        assertEquals(0.30, s.priceEurKwh(null));
    }

    @Test
    void everyBadPropertyIsNamedWithThePid() {
        Configs c = new Configs();
        c.databasePath = " ";
        c.defaultMode = "SOLAR_AND_CHEAP";
        c.plugDetectW = 0;
        c.unplugAfterS = 5;
        c.stopHoldS = -1;
        c.retentionDays = 99999;
        c.tariff = new String[] {"F1=0.30", "F1=0.31", "F2=abc", "F4=0.1"};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> validate(c, "d"));
        String m = e.getMessage();
        assertTrue(m.startsWith(PID + ": invalid configuration"), m);
        for (String expected : new String[] {"database.path is empty", "default.mode = SOLAR_AND_CHEAP",
                "plug.detect.w = 0.0", "unplug.after.s = 5", "lists F1 twice", "'F2=abc': price is not a number",
                "'F4=0.1': band is not F1, F2 or F3", "no price for F3", "stop.hold.s = -1", "retention.days = 99999"})
            assertTrue(m.contains(expected), "missing '" + expected + "' in: " + m);
        assertFalse(m.contains("no price for F2"), "a band with a bad entry is reported once: " + m);
    }

    @Test
    void tokensAreConfiguredAsSha256HashesNeverInClear() {
        String hash = Tokens.sha256Hex("driver-42");
        Configs c = new Configs();
        c.tokens = new String[] {hash.toUpperCase(), ""};
        assertEquals(Set.of(hash), validate(c, "d").tokenHashes(), "hex case does not matter; empty entries ignored");

        c.tokens = new String[] {"driver-42-secret"};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> validate(c, "d"));
        assertTrue(e.getMessage().contains("authorized.tokens entry 'driv…' is not a SHA-256 hash"), e.getMessage());
        assertFalse(e.getMessage().contains("driver-42-secret"), "a token in clear is never echoed to the log");

        c.tokens = new String[] {hash, hash};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> validate(c, "d")).getMessage()
                .contains("twice"));
    }

    @Test
    void theHashIsWhatSha256sumPrints() {
        // printf %s abc | sha256sum
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.sha256Hex("abc"));
        assertEquals("token:ba7816bf", Tokens.startedBy(Tokens.sha256Hex("abc")));
    }

    @Test
    void fleetVehiclesNameTheirHomeSocketOncePerSocket() {
        Configs c = new Configs();
        c.fleet = new String[] {"Bike-7=2", " van_1 = 3 ", ""};
        assertEquals(Map.of(2, "bike-7", 3, "van_1"), validate(c, "d").fleetHomes());

        c.fleet = new String[] {"bike-7=2", "bike-8=2", "bike-7=4", "cargo=0", "=1", "bike 9=5"};
        String m = assertThrows(IllegalArgumentException.class, () -> validate(c, "d")).getMessage();
        for (String expected : new String[] {"socket 2 is the home of both bike-7 and bike-8", "lists bike-7 twice",
                "'cargo=0' is not name=socket", "'=1' is not name=socket", "'bike 9=5' is not name=socket"})
            assertTrue(m.contains(expected), "missing '" + expected + "' in: " + m);
    }
}
