package org.microsmartgrid.cloud.management.conf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The bodies Kapua's console sends (GwtDeviceManagementServiceImpl.updateComponentConfiguration, marshalled by
 * XmlPropertiesAdapter and KuraPasswordPropertyAdapter) read as Kura reads them.
 */
class KapuaBodiesTest {
    static final AttributeInfo KEYS = new AttributeInfo("psk.identities", "Keys", "", "Password", Integer.MAX_VALUE,
            false, List.of(), null, null, List.of());
    static final AttributeInfo PORT = new AttributeInfo("port", "Port", "", "Integer", 0, false, List.of("5683"),
            "0", "65535", List.of());

    static byte[] body(String properties) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><esf:configurations "
                + "xmlns:esf=\"http://eurotech.com/esf/2.0\" xmlns:ocd=\"http://www.osgi.org/xmlns/metatype/v1.2.0\">"
                + "<esf:configuration pid=\"a.b\"><esf:properties>" + properties
                + "</esf:properties></esf:configuration></esf:configurations>").getBytes(StandardCharsets.UTF_8);
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyOptionalFieldIsSkippedAsKuraSkipsIt() {
        List<ComponentConfiguration> read = EsfXml.read(body(
                "<esf:property name=\"rate\" array=\"false\" encrypted=\"false\"/>"
                        + "<esf:property name=\"port\" array=\"false\" encrypted=\"false\" type=\"Integer\"><esf:value>1</esf:value></esf:property>"));
        assertEquals(List.of("port"), read.get(0).properties().stream().map(EsfProperty::name).toList());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EsfXml.read(body(
                "<esf:property name=\"rate\" array=\"false\" encrypted=\"false\"><esf:value>3</esf:value></esf:property>")))
                .getMessage().contains("a.b/rate"));
    }

    @Test
    void anEncryptedPasswordIsBase64AsKapuaEncodesIt() {
        EsfProperty p = EsfXml.read(body("<esf:property name=\"pw\" array=\"false\" encrypted=\"true\" type=\"Password\">"
                + "<esf:value>" + b64("città è bella") + "</esf:value></esf:property>")).get(0).properties().get(0);
        assertEquals(List.of("città è bella"), p.values());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EsfXml.read(body(
                "<esf:property name=\"pw\" array=\"false\" encrypted=\"true\" type=\"Password\"><esf:value>%%%</esf:value></esf:property>")))
                .getMessage().contains("a.b/pw"));
    }

    @Test
    void aPasswordArrayComingBackFromTheFormKeepsTheStoredKeys() {
        String[] stored = {"bms:00112233445566778899aabbccddeeff:rw", "hvac:ffeeddccbbaa99887766554433221100:ro"};
        // as the first release masked it: Kapua decoded "********" to "" and sends "" for every slot
        assertArrayEquals(stored, (String[]) convert(List.of("", "", "", "", "", "", "", "", "", ""), stored));
        // as masked now: the mask round-trips, the empty slots are unused
        assertArrayEquals(stored, (String[]) convert(List.of("********", "********", "", ""), stored));
        // one slot retyped, the other kept by its mask
        assertArrayEquals(new String[] {stored[0], "new:0123456789abcdef0123456789abcdef:ro"},
                (String[]) convert(List.of("********", "new:0123456789abcdef0123456789abcdef:ro", ""), stored));
    }

    @Property
    void noFormOfMasksAndEmptySlotsEverReplacesASecret(@ForAll @Size(max = 12) List<Boolean> masks,
                                                      @ForAll @Size(min = 1, max = 5) List<@StringLength(min = 1, max = 20) String> stored) {
        List<String> sent = masks.stream().map(m -> m ? PropertyValues.PASSWORD_MASK : "").toList();
        String[] before = stored.toArray(new String[0]);
        Object after = ValueValidator.convert("a.b", KEYS, new EsfProperty(KEYS.id(), "Password", true, true, sent), before);
        assertArrayEquals(before, (String[]) after);
    }

    @Test
    void defaultsAreWhatKuraMergesIn() {
        assertEquals(Optional.of(5683), PropertyValues.defaultValue(PORT));
        assertEquals(Optional.empty(), PropertyValues.defaultValue(KEYS));
    }

    private static Object convert(List<String> values, String[] stored) {
        return ValueValidator.convert("a.b", KEYS, new EsfProperty(KEYS.id(), "Password", true, true, values), stored);
    }
}
