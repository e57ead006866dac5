package org.microsmartgrid.charging.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The frame of every stored value (docs/charging.md §4): one format-version byte, the fields in a fixed order written
 * with {@link DataOutputStream} (big-endian; strings in modified UTF-8; a nullable field is a presence byte 0/1 then the
 * value), then a CRC-32 of everything before it (4 bytes). The check sum is ours because MVStore does not check the
 * content of its pages: a flipped bit would otherwise be read back as a plausible wrong number.
 */
final class EntryFormat {

    /** Writes the fields of one value. */
    interface Fields {
        void write(DataOutputStream out) throws IOException;
    }

    private EntryFormat() {
    }

    static byte[] encode(byte version, Fields fields) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(version);
        fields.write(out);
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        out.flush();
        return bytes.toByteArray();
    }

    /** The fields of a value after its version byte, once the check sum and the version are right. */
    static DataInputStream decode(byte[] value, byte version) throws CorruptEntryException {
        if (value == null || value.length < 5) throw new CorruptEntryException("too short to be a stored value");
        int n = value.length - 4;
        CRC32 crc = new CRC32();
        crc.update(value, 0, n);
        int stored = ((value[n] & 0xff) << 24) | ((value[n + 1] & 0xff) << 16) | ((value[n + 2] & 0xff) << 8)
                | (value[n + 3] & 0xff);
        if (stored != (int) crc.getValue()) throw new CorruptEntryException("check sum mismatch");
        if (value[0] != version)
            throw new CorruptEntryException("format version " + value[0] + ", this module reads " + version);
        return new DataInputStream(new ByteArrayInputStream(value, 1, n - 1));
    }

    /** Fails unless every byte of the fields was read: a value with extra bytes is not the one we wrote. */
    static void requireEnd(DataInputStream in) throws IOException, CorruptEntryException {
        if (in.available() != 0) throw new CorruptEntryException(in.available() + " unexpected trailing byte(s)");
    }

    /** A presence byte: 1 a value follows, 0 null; anything else is damage, not "true". */
    private static boolean present(DataInputStream in) throws IOException {
        int b = in.readUnsignedByte();
        if (b > 1) throw new IOException("presence byte " + b + " is neither 0 nor 1");
        return b == 1;
    }

    static void writeUuid(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    static UUID readUuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    static void writeNullableUuid(DataOutputStream out, UUID id) throws IOException {
        out.writeBoolean(id != null);
        if (id != null) writeUuid(out, id);
    }

    static UUID readNullableUuid(DataInputStream in) throws IOException {
        return present(in) ? readUuid(in) : null;
    }

    static void writeNullableInstant(DataOutputStream out, Instant t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) out.writeLong(t.toEpochMilli());
    }

    static Instant readNullableInstant(DataInputStream in) throws IOException {
        return present(in) ? Instant.ofEpochMilli(in.readLong()) : null;
    }

    static void writeNullableString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    static String readNullableString(DataInputStream in) throws IOException {
        return present(in) ? in.readUTF() : null;
    }

    static void writeNullableDouble(DataOutputStream out, Double d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) out.writeDouble(d);
    }

    static Double readNullableDouble(DataInputStream in) throws IOException {
        return present(in) ? in.readDouble() : null;
    }
}
