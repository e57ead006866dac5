package org.microsmartgrid.kura.payload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.microsmartgrid.kura.payload.proto.KuraPayloadProto.KuraPayload;
import org.microsmartgrid.kura.payload.proto.KuraPayloadProto.KuraPayload.KuraMetric;
import org.microsmartgrid.kura.payload.proto.KuraPayloadProto.KuraPayload.KuraMetric.ValueType;
import org.microsmartgrid.kura.payload.proto.KuraPayloadProto.KuraPayload.KuraPosition;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Kura's payload on the wire: protobuf (generated from kurapayload.proto), gzip-compressed when that is shorter, as
 * Kura does. Decoding accepts both: a payload starting with gzip's magic is gunzipped, and parsed as plain protobuf
 * when that fails (a plain payload may start with the same two bytes).
 */
public final class KuraPayloadCodec {

    /** Decompressed payloads larger than this are refused: a gzip bomb must not exhaust a 1 GB board. */
    static final int MAX_DECODED_BYTES = 4 * 1024 * 1024;

    private KuraPayloadCodec() {
    }

    public static byte[] encode(KuraMessage m, boolean compress) {
        KuraPayload.Builder b = KuraPayload.newBuilder();
        if (m.timestamp() != null) b.setTimestamp(m.timestamp());
        if (m.position() != null) {
            KuraPosition.Builder p = KuraPosition.newBuilder().setLatitude(m.position().latitude())
                    .setLongitude(m.position().longitude());
            if (m.position().altitude() != null) p.setAltitude(m.position().altitude());
            b.setPosition(p);
        }
        m.metrics().forEach((name, value) -> b.addMetric(metric(name, value)));
        if (m.body().length > 0) b.setBody(ByteString.copyFrom(m.body()));
        byte[] plain = b.build().toByteArray();
        if (!compress) return plain;
        byte[] zipped = gzip(plain);
        return zipped.length < plain.length ? zipped : plain;
    }

    /** @throws IllegalArgumentException not a Kura payload (with why) */
    public static KuraMessage decode(byte[] bytes) {
        KuraPayload p = parse(bytes);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (KuraMetric metric : p.getMetricList()) metrics.put(metric.getName(), value(metric));
        KuraMessage.Position pos = p.hasPosition() ? new KuraMessage.Position(p.getPosition().getLatitude(),
                p.getPosition().getLongitude(), p.getPosition().hasAltitude() ? p.getPosition().getAltitude() : null)
                : null;
        return new KuraMessage(p.hasTimestamp() ? p.getTimestamp() : null, pos, metrics,
                p.hasBody() ? p.getBody().toByteArray() : null);
    }

    private static KuraPayload parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) return KuraPayload.getDefaultInstance();
        if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try {
                return KuraPayload.parseFrom(gunzip(bytes));
            } catch (IOException | IllegalArgumentException e) {
                // not gzip after all, or not a payload inside: try it as plain protobuf below
            }
        }
        try {
            return KuraPayload.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a Kura payload: " + e.getMessage(), e);
        }
    }

    private static KuraMetric metric(String name, Object v) {
        KuraMetric.Builder m = KuraMetric.newBuilder().setName(name);
        if (v instanceof String s) m.setType(ValueType.STRING).setStringValue(s);
        else if (v instanceof Double d) m.setType(ValueType.DOUBLE).setDoubleValue(d);
        else if (v instanceof Float f) m.setType(ValueType.FLOAT).setFloatValue(f);
        else if (v instanceof Long l) m.setType(ValueType.INT64).setLongValue(l);
        else if (v instanceof Integer i) m.setType(ValueType.INT32).setIntValue(i);
        else if (v instanceof Boolean bo) m.setType(ValueType.BOOL).setBoolValue(bo);
        else if (v instanceof byte[] by) m.setType(ValueType.BYTES).setBytesValue(ByteString.copyFrom(by));
        else throw new IllegalArgumentException("metric " + name + ": no Kura type for " + v.getClass().getName());
        return m.build();
    }

    private static Object value(KuraMetric m) {
        return switch (m.getType()) {
            case DOUBLE -> m.getDoubleValue();
            case FLOAT -> m.getFloatValue();
            case INT64 -> m.getLongValue();
            case INT32 -> m.getIntValue();
            case BOOL -> m.getBoolValue();
            case STRING -> m.getStringValue();
            case BYTES -> m.getBytesValue().toByteArray();
        };
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 32);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new IllegalStateException("gzip to memory failed", e); // cannot happen with a byte array
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] zipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_DECODED_BYTES)
                    throw new IllegalArgumentException("payload larger than " + MAX_DECODED_BYTES + " bytes unzipped");
            }
            return out.toByteArray();
        }
    }
}
