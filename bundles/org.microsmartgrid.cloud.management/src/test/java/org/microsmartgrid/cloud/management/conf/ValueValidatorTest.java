package org.microsmartgrid.cloud.management.conf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values checked against a metatype attribute; passwords never leave in clear; the XML round-trips. */
class ValueValidatorTest {
    static final AttributeInfo PASSWORD = new AttributeInfo("secret", "Secret", "", "Password", 0, true, List.of(), null, null, List.of());
    static final AttributeInfo PINS = new AttributeInfo("pins", "Pins", "", "Integer", 3, false, List.of(), "1", "40", List.of());
    static final AttributeInfo NAME = new AttributeInfo("name", "Name", "", "String", 0, true, List.of(), "2", "5", List.of());

    @Test
    void aMaskedPasswordKeepsTheStoredOneAndIsNeverSent() {
        EsfProperty sent = PropertyValues.toEsf("secret", "hunter2", PASSWORD);
        assertEquals(List.of(PropertyValues.PASSWORD_MASK_ON_WIRE), sent.values());
        assertTrue(sent.encrypted());
        byte[] wire = EsfXml.write(List.of(new ComponentConfiguration("p", null, List.of(sent))));
        String xml = new String(wire, StandardCharsets.UTF_8);
        assertTrue(!xml.contains("hunter2"), xml);
        EsfProperty back = EsfXml.read(wire).get(0).properties().get(0);
        assertEquals(List.of(PropertyValues.PASSWORD_MASK), back.values(), "decoded as Kura decodes an encrypted value");
        assertEquals("hunter2", ValueValidator.convert("p", PASSWORD, back, "hunter2"));
        assertEquals("n3w", ValueValidator.convert("p", PASSWORD, new EsfProperty("secret", "Password", false, false, List.of("n3w")), "hunter2"));
    }

    @Test
    void arraysFollowCardinalityAndLimits() {
        Object pins = ValueValidator.convert("p", PINS, new EsfProperty("pins", "Integer", true, false, List.of("26", "20")), null);
        assertArrayEquals(new Integer[] {26, 20}, (Integer[]) pins);
        assertTrue(refused(PINS, "1", "2", "3", "4").contains("at most 3"));
        assertTrue(refused(PINS, "26", "41").contains("maximum 40"));
        assertTrue(refused(PINS, "x").contains("Integer"));
    }

    @Test
    void stringsFollowRequiredAndLength() {
        assertEquals("abc", ValueValidator.convert("p", NAME, new EsfProperty("name", "String", false, false, List.of("abc")), null));
        assertTrue(refused(NAME, "").contains("required"));
        assertTrue(refused(NAME, "a").contains("minimum 2 characters"));
        assertTrue(refused(NAME, "a", "b").contains("one value"));
        AttributeInfo optional = new AttributeInfo("o", "O", "", "Double", 0, false, List.of(), null, null, List.of());
        assertNull(ValueValidator.convert("p", optional, new EsfProperty("o", "Double", false, false, List.of()), 1.0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ValueValidator.convert("p", optional,
                new EsfProperty("o", "Double", false, false, List.of("NaN")), null)).getMessage().contains("finite"));
    }

    @Test
    void xmlRoundTripsAndRefusesEntities() {
        ComponentConfiguration c = new ComponentConfiguration("a.b", null, List.of(
                new EsfProperty("x", "Long", false, false, List.of("5")),
                new EsfProperty("pins", "String", true, false, List.of("CH1=26", "<&>"))));
        assertEquals(List.of(c), EsfXml.read(EsfXml.write(List.of(c))));
        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<esf:configurations xmlns:esf=\"http://eurotech.com/esf/2.0\">&b;</esf:configurations>";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EsfXml.read(billionLaughs.getBytes(StandardCharsets.UTF_8)))
                .getMessage().contains("DOCTYPE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EsfXml.read("<bundles/>".getBytes(StandardCharsets.UTF_8)))
                .getMessage().contains("esf:configurations"));
    }

    private static String refused(AttributeInfo ad, String... values) {
        return assertThrows(IllegalArgumentException.class, () -> ValueValidator.convert("p", ad,
                new EsfProperty(ad.id(), ad.type(), values.length > 1, false, List.of(values)), null)).getMessage();
    }
}
