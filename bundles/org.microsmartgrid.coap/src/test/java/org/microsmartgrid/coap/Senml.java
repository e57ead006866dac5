package org.microsmartgrid.coap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-side decoding of SenML JSON and CBOR responses into records (label → value), with Jackson's parsers. */
final class Senml {

    private Senml() {
    }

    static List<Map<String, Object>> json(byte[] body) throws IOException {
        return read(new JsonFactory().createParser(body));
    }

    /** CBOR records keyed by the integer labels as text ("-2" bn, "-3" bt, "0" n, "1" u, "2" v, "3" vs, "4" vb). */
    static List<Map<String, Object>> cbor(byte[] body) throws IOException {
        return read(new CBORFactory().createParser(body));
    }

    private static List<Map<String, Object>> read(JsonParser p) throws IOException {
        List<Map<String, Object>> records = new ArrayList<>();
        if (p.nextToken() != JsonToken.START_ARRAY) throw new IOException("not a SenML pack");
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Map<String, Object> r = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                r.put(name, switch (t) {
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                    case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
                    default -> p.getText();
                });
            }
            records.add(r);
        }
        return records;
    }

    /** The record named {@code name} (the "n" or 0 label), or fails. */
    static Map<String, Object> named(List<Map<String, Object>> records, String nameLabel, String name) {
        return records.stream().filter(r -> name.equals(r.get(nameLabel))).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + name + " in " + records));
    }
}
