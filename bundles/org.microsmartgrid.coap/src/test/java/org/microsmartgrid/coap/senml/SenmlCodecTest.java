package org.microsmartgrid.coap.senml;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The SenML writer's output reads back through the body reader, in both encodings. */
class SenmlCodecTest {

    private final SenmlPack pack = new SenmlPack("sockets/3/", 1764090000.5, List.of(
            SenmlRecord.number("power", "W", 230.5), SenmlRecord.bool("relay", true), SenmlRecord.string("availability", "CHARGING")));

    @Test
    void jsonIsRfc8428Shaped() {
        String json = new String(SenmlWriter.write(pack, SenmlFormat.SENML_JSON), StandardCharsets.UTF_8);
        assertEquals("[{\"bn\":\"sockets/3/\",\"bt\":1.7640900005E9,\"n\":\"power\",\"u\":\"W\",\"v\":230.5},"
                + "{\"n\":\"relay\",\"vb\":true},{\"n\":\"availability\",\"vs\":\"CHARGING\"}]", json);
    }

    @Test
    void bothEncodingsReadBack() {
        for (SenmlFormat f : List.of(SenmlFormat.SENML_JSON, SenmlFormat.SENML_CBOR)) {
            Map<String, Object> fields = BodyReader.read(SenmlWriter.write(pack, f), f);
            assertEquals(Map.of("power", 230.5, "relay", true, "availability", "CHARGING"), fields, f.toString());
        }
    }

    @Test
    void cborIsSmallerThanJson() {
        int json = SenmlWriter.write(pack, SenmlFormat.SENML_JSON).length;
        int cbor = SenmlWriter.write(pack, SenmlFormat.SENML_CBOR).length;
        assertEquals(true, cbor < json, cbor + " vs " + json);
    }

    @Test
    void readerRefusesWhatIsNotOneOfOurBodies() {
        assertThrows(IllegalArgumentException.class, () -> BodyReader.read(new byte[0], SenmlFormat.JSON));
        assertThrows(IllegalArgumentException.class, () -> BodyReader.read(new byte[2000], SenmlFormat.JSON));
        assertThrows(IllegalArgumentException.class, () -> BodyReader.read("{\"a\":1}{}".getBytes(), SenmlFormat.JSON));
        assertThrows(IllegalArgumentException.class, () -> BodyReader.read("[{\"n\":\"x\",\"v\":1},{\"n\":\"x\",\"v\":2}]".getBytes(), SenmlFormat.SENML_JSON));
        assertThrows(IllegalArgumentException.class, () -> BodyReader.read("[{\"n\":\"x\"}]".getBytes(), SenmlFormat.SENML_JSON));
        assertThrows(IllegalArgumentException.class, () -> BodyReader.read("[{\"n\":\"x\",\"v\":\"1\"}]".getBytes(), SenmlFormat.SENML_JSON));
        assertThrows(IllegalArgumentException.class, () -> BodyReader.read("[{\"n\":\"x\",\"zz\":1,\"v\":1}]".getBytes(), SenmlFormat.SENML_JSON));
    }
}
