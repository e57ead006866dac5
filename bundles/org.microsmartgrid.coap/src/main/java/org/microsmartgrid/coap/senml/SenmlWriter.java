package org.microsmartgrid.coap.senml;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a pack as SenML JSON or SenML CBOR with Jackson's streaming generator. The first record carries the base
 * name and base time. In CBOR the labels are the integers of RFC 8428 §6 (bn -2, bt -3, n 0, u 1, v 2, vs 3, vb 4),
 * in JSON their names; arrays and maps are written with their definite length, as RFC 8428 §6 asks (the sizes are
 * given to the generator, which otherwise writes indefinite-length items).
 */
public final class SenmlWriter {

    private SenmlWriter() {
    }

    public static byte[] write(SenmlPack pack, SenmlFormat format) {
        if (!format.senml()) throw new IllegalArgumentException(format + " is not a SenML format");
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = format.factory().createGenerator(out)) {
            g.writeStartArray(pack, pack.records().size());
            boolean first = true;
            for (SenmlRecord r : pack.records()) {
                boolean withUnit = r.unit() != null && !r.unit().isEmpty();
                g.writeStartObject(r, (first ? 2 : 0) + 1 + (withUnit ? 1 : 0) + 1);
                if (first) {
                    label(g, SenmlLabel.BASE_NAME);
                    g.writeString(pack.baseName());
                    label(g, SenmlLabel.BASE_TIME);
                    g.writeNumber(pack.baseTime());
                    first = false;
                }
                label(g, SenmlLabel.NAME);
                g.writeString(r.name());
                if (withUnit) {
                    label(g, SenmlLabel.UNIT);
                    g.writeString(r.unit());
                }
                if (r.value() != null) {
                    label(g, SenmlLabel.VALUE);
                    g.writeNumber(r.value());
                } else if (r.boolValue() != null) {
                    label(g, SenmlLabel.BOOL_VALUE);
                    g.writeBoolean(r.boolValue());
                } else {
                    label(g, SenmlLabel.STRING_VALUE);
                    g.writeString(r.stringValue());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return out.toByteArray();
    }

    private static void label(JsonGenerator g, SenmlLabel label) throws IOException {
        if (g instanceof CBORGenerator) g.writeFieldId(label.cborKey());
        else g.writeFieldName(label.jsonName());
    }
}
