package org.microsmartgrid.coap;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.coap.config.PskEntry;
import org.microsmartgrid.coap.config.Settings;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad configuration is refused with a message naming the property (and never the key); good entries parse. */
class ConfigTest {

    @Test
    void pskEntriesInHexAndBase64() {
        PskEntry hex = PskEntry.parse("bms-1:0x00112233445566778899AABBCCDDEEFF:rw", 0);
        assertEquals("bms-1", hex.identity());
        assertTrue(hex.writable());
        assertArrayEquals(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"), hex.key());
        PskEntry b64 = PskEntry.parse("hub:cmVhZC1vbmx5LWtleS0xNg==:ro", 1);
        assertFalse(b64.writable());
        assertEquals("read-only-key-16", new String(b64.key()));
        assertEquals("hub (ro)", b64.toString());
    }

    /** Issue 20: a Base64 key made only of hex digits was read as hex, a different secret. */
    @Test
    void aBase64KeyMadeOnlyOfHexDigitsIsBase64() {
        byte[] key = java.util.Base64.getDecoder().decode("cafe1234cafe1234cafe1234");
        assertArrayEquals(key, PskEntry.parse("bms-1:cafe1234cafe1234cafe1234:rw", 0).key());
        assertEquals(18, key.length);
        // a printable key as Debian 12's coap-client-openssl -k sends it, configured as its Base64
        String text = "Dm7q2LwZr9XkP4tHs8bNcV3y";
        String b64 = java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(text, new String(PskEntry.parse("demo-bms:" + b64 + ":rw", 0).key(), java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void malformedPskEntriesAreRefusedWithoutEchoingTheKey() {
        String secret = "00112233445566778899aabbccddeeff";
        for (String bad : new String[]{"", "bms-1", "bms-1:" + secret, "bms-1:" + secret + ":admin", "bad id:" + secret + ":rw",
                ":" + secret + ":rw", "bms-1:0x0011:rw", "bms-1:%%%%:rw", "bms-1:" + secret + ":rw:extra",
                "bms-1:0x" + secret + "0:rw", "bms-1:0x" + secret.replace('0', 'g') + ":rw", "bms-1:AAAA:rw"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PskEntry.parse(bad, 2), bad);
            assertTrue(e.getMessage().startsWith("psk.identities[2]"), e.getMessage());
            assertFalse(e.getMessage().contains(secret), "the key must not be in the message: " + e.getMessage());
        }
    }

    @Test
    void settingsRefuseBadValues() {
        assertRefused("coap.port", Configs.test("coap.port", 70000));
        assertRefused("coaps.port", Configs.test("coaps.port", -1));
        assertRefused("coap.port and coaps.port", Configs.test("coap.port", 5683, "coaps.port", 5683));
        assertRefused("bind.address", Configs.test("bind.address", "building.local"));
        assertRefused("bind.address", Configs.test("bind.address", "192.168.1.300"));
        assertRefused("bind.address", Configs.test("bind.address", "fe80::zz"));
        assertRefused("rate.limit.per.s", Configs.test("rate.limit.per.s", 0.0));
        assertRefused("rate.burst", Configs.test("rate.burst", 0));
        assertRefused("observe.max.age.s", Configs.test("observe.max.age.s", 1));
        assertRefused("deadband.w", Configs.test("deadband.w", -1.0));
        assertRefused("cap.floor.w", Configs.test("cap.floor.w", -5.0));
        assertRefused("cap.floor.w", Configs.test("cap.floor.w", Double.NaN));
        assertRefused("senml.base.name", Configs.test("senml.base.name", "urn:dev:mac:0024befffe804ff1")); // no separator
        assertRefused("senml.base.name", Configs.test("senml.base.name", "è/"));
        assertRefused("senml.base.name", Configs.test("senml.base.name", "a b:"));
        assertRefused("appears twice", Configs.test("psk.identities", new String[]{Site.RW_ENTRY, Site.RW_ENTRY}));
        assertRefused("psk.identities[1]", Configs.test("psk.identities", new String[]{Site.RW_ENTRY, "oops"}));
    }

    @Test
    void aBadConfigurationDoesNotStartTheServer() {
        CoapBuildingService service = new CoapBuildingService();
        assertThrows(IllegalArgumentException.class, () -> service.activate(Configs.test("psk.identities", new String[]{"x:y:z"})));
        assertNull(service.endpoints());
    }

    @Test
    void withoutKeysThereIsNoCoapsPortButReadsWork() throws Exception {
        try (Site site = new Site(Configs.test())) {
            assertNull(site.secure());
            assertEquals(ResponseCode.CONTENT, site.clients.plain(site.plain(), "/site").get().getCode());
        }
    }

    @Test
    void modifiedRestartsTheEndpointsWithTheNewKeys() throws Exception {
        try (Site site = new Site(Configs.test())) {
            site.service.modified(Configs.test("psk.identities", new String[]{Site.RW_ENTRY}));
            var rw = site.clients.dtls(site.secure(), "/sockets/2/enabled", Site.RW_ID, Site.RW_KEY);
            assertEquals(ResponseCode.CHANGED, rw.put("false", org.eclipse.californium.core.coap.MediaTypeRegistry.TEXT_PLAIN).getCode());
            assertEquals(java.util.List.of("setSocketEnabled 2 false coap:bms-1"), site.control.calls);
        }
    }

    private static void assertRefused(String property, org.microsmartgrid.coap.config.CoapConfig config) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.from(config), property);
        assertTrue(e.getMessage().contains(property), e.getMessage());
    }
}
