package org.microsmartgrid.cloud.kapua.outbox;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.microsmartgrid.telemetry.MessageClass;

/**
 * How one queued message is written in the outbox's MVStore (the value of its entry; the key is its sequence number).
 * A fixed byte layout, big-endian, documented in docs/cloud.md ("Il file dell'outbox / The outbox file"):
 *
 * <pre>
 * offset size  field
 *  0      1    format version: 1
 *  1      1    message class: 0 telemetry, 1 event, 2 session ({@link MessageClass} ordinal)
 *  2      8    id, most significant bits
 * 10      8    id, least significant bits
 * 18      8    captured at, epoch ms
 * 26      4    topic length n (bytes)
 * 30      n    topic, UTF-8
 * 30+n    4    payload length m
 * 34+n    m    payload (the encoded Kura payload, as sent)
 * </pre>
 *
 * Decoding checks every length and the version: a damaged entry is refused with the reason, never guessed at.
 */
final class StoredMessageCodec {

    static final byte VERSION = 1;
    private static final int FIXED = 1 + 1 + 8 + 8 + 8 + 4 + 4;

    private StoredMessageCodec() {
    }

    static byte[] encode(UUID id, String topic, MessageClass kind, long createdMs, byte[] payload) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(FIXED + t.length + payload.length);
        b.put(VERSION).put((byte) kind.ordinal())
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .putLong(createdMs)
                .putInt(t.length).put(t)
                .putInt(payload.length).put(payload);
        return b.array();
    }

    /** The message stored under {@code seq}; throws with the reason when the bytes are not a message. */
    static OutboxMessage decode(long seq, byte[] bytes) throws CorruptEntry {
        if (bytes == null || bytes.length < FIXED)
            throw new CorruptEntry("too short (" + (bytes == null ? 0 : bytes.length) + " bytes)");
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte version = b.get();
        if (version != VERSION) throw new CorruptEntry("unknown format version " + version);
        int kind = b.get();
        if (kind < 0 || kind >= MessageClass.values().length) throw new CorruptEntry("unknown message class " + kind);
        try {
            UUID id = new UUID(b.getLong(), b.getLong());
            long created = b.getLong();
            String topic = utf8(bytes(b, "topic"));
            if (topic.isEmpty()) throw new CorruptEntry("empty topic");
            byte[] payload = bytes(b, "payload");
            if (b.hasRemaining()) throw new CorruptEntry(b.remaining() + " byte(s) after the payload");
            return new OutboxMessage(seq, id, topic, MessageClass.values()[kind], created, payload);
        } catch (BufferUnderflowException e) {
            throw new CorruptEntry("truncated");
        }
    }

    private static byte[] bytes(ByteBuffer b, String what) throws CorruptEntry {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) throw new CorruptEntry(what + " length " + n + " beyond the entry");
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    private static String utf8(byte[] b) throws CorruptEntry {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptEntry("topic is not UTF-8");
        }
    }

    /** The bytes of an entry are not a message of a known format. */
    static final class CorruptEntry extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptEntry(String reason) {
            super(reason, null, false, false);
        }
    }
}
