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
            WriteBody body = BodyReader.read(SenmlWriter.write(pack, f), f);
            assertEquals(Map.of("power", 230.5, "relay", true, "availability", "CHARGING"), body.values(), f.toString());
            assertEquals(Map.of("power", "W"), body.units(), f.toString());
        }
    }

    @Test
    void unitsAreKeptAndTheBaseUnitAppliesToRecordsWithoutOne() {
        WriteBody body = BodyReader.read(("[{\"bu\":\"kW\",\"n\":\"limit\",\"v\":3},"
                + "{\"n\":\"duration\",\"u\":\"min\",\"v\":15}]").getBytes(StandardCharsets.UTF_8), SenmlFormat.SENML_JSON);
        assertEquals(Map.of("limit", "kW", "duration", "min"), body.units());
        assertEquals(Map.of(), BodyReader.read("{\"limit\":3000}".getBytes(StandardCharsets.UTF_8), SenmlFormat.JSON).units());
    }

    /** RFC 8428 §6: "the CBOR representation ... uses definite-length arrays and maps". */
    @Test
    void cborUsesOnlyDefiniteLengths() {
        byte[] cbor = SenmlWriter.write(pack, SenmlFormat.SENML_CBOR);
        assertEquals(cbor.length, CborWalk.item(cbor, 0), "one CBOR item, nothing after it");
        assertEquals(0x83, cbor[0] & 0xff, "an array of 3 records");
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
