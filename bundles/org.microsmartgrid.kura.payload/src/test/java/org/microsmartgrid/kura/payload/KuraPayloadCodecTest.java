package org.microsmartgrid.kura.payload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class KuraPayloadCodecTest {

    private static Map<String, Object> everyType() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "Milano");
        m.put("d", 3680.5);
        m.put("f", 1.5f);
        m.put("l", 1_700_000_000_000L);
        m.put("i", 200);
        m.put("b", true);
        m.put("y", new byte[] {1, 2, 3});
        return m;
    }

    @Test
    void everyKuraValueTypeSurvivesTheRoundTripWithItsType() {
        KuraMessage in = new KuraMessage(1234L, new KuraMessage.Position(45.4642, 9.19, 120.0), everyType(),
                "body".getBytes());
        KuraMessage out = KuraPayloadCodec.decode(KuraPayloadCodec.encode(in, false));
        assertEquals(1234L, out.timestamp());
        assertEquals(45.4642, out.position().latitude());
        assertEquals(120.0, out.position().altitude());
        assertEquals("Milano", out.metrics().get("s"));
        assertEquals(3680.5, out.metrics().get("d"));
        assertEquals(1.5f, out.metrics().get("f"));
        assertEquals(1_700_000_000_000L, out.metrics().get("l"));
        assertEquals(200, out.metrics().get("i"), "an INT32 stays an Integer: Kapua reads response.code as INT32");
        assertEquals(true, out.metrics().get("b"));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) out.metrics().get("y"));
        assertArrayEquals("body".getBytes(), out.body());
    }

    @Test
    void compressesOnlyWhenThatIsShorter() {
        byte[] tiny = KuraPayloadCodec.encode(KuraMessage.of(1, Map.of("a", 1)), true);
        assertTrue(tiny[0] != 0x1f, "a tiny payload stays plain: gzip's header would make it longer");

        Map<String, Object> big = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) big.put("metric_" + i, "the same text again and again " + (i % 2));
        byte[] zipped = KuraPayloadCodec.encode(KuraMessage.of(1, big), true);
        assertEquals(0x1f, zipped[0] & 0xff);
        assertEquals(0x8b, zipped[1] & 0xff);
        assertTrue(zipped.length < KuraPayloadCodec.encode(KuraMessage.of(1, big), false).length);
        assertEquals(big, KuraPayloadCodec.decode(zipped).metrics());
    }

    @Test
    void aPlainPayloadThatHappensToStartWithGzipMagicIsStillRead() {
        // field 3 (an extension, varint) = 0x8b..: the encoding starts 0x1f? No: build bytes that start 0x1f 0x8b and
        // are valid protobuf: tag 0x1f is field 3 wire type 7 (invalid). So instead check a corrupt gzip stream of a
        // valid protobuf falls back to a clear error rather than a crash.
        byte[] notGzip = {0x1f, (byte) 0x8b, 0x00, 0x01};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KuraPayloadCodec.decode(notGzip));
        assertTrue(e.getMessage().startsWith("not a Kura payload"));
    }

    @Test
    void garbageIsRefusedWithAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KuraPayloadCodec.decode(new byte[] {(byte) 0xff, 0x00, 0x13, 0x37}));
        assertTrue(e.getMessage().startsWith("not a Kura payload"), e.getMessage());
    }

    @Test
    void anEmptyPayloadIsAnEmptyMessage() {
        KuraMessage m = KuraPayloadCodec.decode(new byte[0]);
        assertNull(m.timestamp());
        assertTrue(m.metrics().isEmpty());
    }

    @Test
    void aGzipBombIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 8; i++) gz.write(zeros); // 8 MB of zeros: ~8 kB zipped
        }
        assertThrows(IllegalArgumentException.class, () -> KuraPayloadCodec.decode(out.toByteArray()));
    }

    @Test
    void valuesWithoutAKuraTypeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> KuraMessage.of(1, Map.of("x", new Object())));
        assertThrows(IllegalArgumentException.class, () -> KuraMessage.of(1, Map.of("x", 'c')));
    }

    @Property(tries = 200)
    void anyMetricsRoundTrip(@ForAll @StringLength(max = 40) String name, @ForAll String s, @ForAll double d,
                             @ForAll long l, @ForAll int i, @ForAll boolean b, @ForAll boolean gzip) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(name + ".s", s);
        m.put(name + ".d", d);
        m.put(name + ".l", l);
        m.put(name + ".i", i);
        m.put(name + ".b", b);
        KuraMessage back = KuraPayloadCodec.decode(KuraPayloadCodec.encode(KuraMessage.of(l, m), gzip));
        assertEquals(m, back.metrics());
        assertEquals(l, back.timestamp());
    }
}
