package org.microsmartgrid.kura.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;

/**
 * Decodes what the module sends with nothing but the schema: protoc's descriptor set of kurapayload.proto, read
 * into a {@link DynamicMessage} — none of the generated classes the encoder uses. A receiver in any language does
 * the same; if the encoder ever drifted from the schema (a field number, a type), this is where it shows.
 */
class SchemaOnlyDecodeTest {

    private static Descriptor payload;

    @BeforeAll
    static void loadSchema() throws Exception {
        FileDescriptorSet set = FileDescriptorSet.parseFrom(
                Files.readAllBytes(Path.of(System.getProperty("kurapayload.descriptor"))));
        FileDescriptor file = FileDescriptor.buildFrom(set.getFile(0), new FileDescriptor[0]);
        payload = file.findMessageTypeByName("KuraPayload");
        assertEquals("kuradatatypes.KuraPayload", payload.getFullName());
    }

    private static DynamicMessage decode(byte[] wire) throws Exception {
        byte[] bytes = wire;
        if (wire.length > 1 && (wire[0] & 0xff) == 0x1f && (wire[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(wire))) {
                bytes = in.readAllBytes();
            }
        }
        return DynamicMessage.parseFrom(payload, bytes);
    }

    @Test
    void theSchemaAloneReadsEveryMetricWithItsKuraType() throws Exception {
        Map<String, Object> metrics = new java.util.LinkedHashMap<>();
        metrics.put("response.code", 200);
        metrics.put("grid_w", 1234.5);
        metrics.put("msg.id", "0b6f3e4c-0000-4000-8000-000000000001");
        metrics.put("relay_on", true);
        metrics.put("started", 1_767_000_000_000L);
        byte[] wire = KuraPayloadCodec.encode(new KuraMessage(42L, new KuraMessage.Position(45.46, 9.19, null),
                metrics, null), true);

        DynamicMessage m = decode(wire);
        assertEquals(42L, m.getField(payload.findFieldByName("timestamp")));
        DynamicMessage pos = (DynamicMessage) m.getField(payload.findFieldByName("position"));
        assertEquals(45.46, pos.getField(pos.getDescriptorForType().findFieldByName("latitude")));

        Map<String, String[]> seen = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<DynamicMessage> list = (List<DynamicMessage>) m.getField(payload.findFieldByNumber(5000));
        for (DynamicMessage metric : list) {
            Descriptor d = metric.getDescriptorForType();
            String name = (String) metric.getField(d.findFieldByName("name"));
            String type = metric.getField(d.findFieldByName("type")).toString();
            FieldDescriptor valueField = switch (type) {
                case "DOUBLE" -> d.findFieldByName("double_value");
                case "INT32" -> d.findFieldByName("int_value");
                case "INT64" -> d.findFieldByName("long_value");
                case "BOOL" -> d.findFieldByName("bool_value");
                case "STRING" -> d.findFieldByName("string_value");
                default -> throw new AssertionError("unexpected type " + type);
            };
            seen.put(name, new String[] {type, String.valueOf(metric.getField(valueField))});
        }
        assertEquals("INT32", seen.get("response.code")[0]);
        assertEquals("200", seen.get("response.code")[1]);
        assertEquals("DOUBLE", seen.get("grid_w")[0]);
        assertEquals("1234.5", seen.get("grid_w")[1]);
        assertEquals("STRING", seen.get("msg.id")[0]);
        assertEquals("BOOL", seen.get("relay_on")[0]);
        assertEquals("INT64", seen.get("started")[0]);
        assertEquals("1767000000000", seen.get("started")[1]);
    }
}
