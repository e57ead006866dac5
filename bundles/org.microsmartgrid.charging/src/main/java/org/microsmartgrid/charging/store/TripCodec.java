package org.microsmartgrid.charging.store;

import static org.microsmartgrid.charging.store.EntryFormat.readNullableInstant;
import static org.microsmartgrid.charging.store.EntryFormat.readNullableUuid;
import static org.microsmartgrid.charging.store.EntryFormat.readUuid;
import static org.microsmartgrid.charging.store.EntryFormat.writeNullableInstant;
import static org.microsmartgrid.charging.store.EntryFormat.writeNullableUuid;
import static org.microsmartgrid.charging.store.EntryFormat.writeUuid;

import java.io.DataInputStream;
import java.io.IOException;
import java.time.Instant;

import org.microsmartgrid.charging.trip.Trip;

/**
 * A fleet trip as stored, format version 1, in this order: id (2 longs), vehicle (UTF), socket (int), left (epoch ms),
 * out session (2 longs), returned (nullable epoch ms), return session (nullable, 2 longs).
 */
final class TripCodec {
    static final byte VERSION = 1;

    private TripCodec() {
    }

    static byte[] encode(Trip t) throws IOException {
        return EntryFormat.encode(VERSION, out -> {
            writeUuid(out, t.id());
            out.writeUTF(t.vehicle());
            out.writeInt(t.socket());
            out.writeLong(t.left().toEpochMilli());
            writeUuid(out, t.outSession());
            writeNullableInstant(out, t.returned());
            writeNullableUuid(out, t.returnSession());
        });
    }

    static Trip decode(byte[] value) throws CorruptEntryException {
        DataInputStream in = EntryFormat.decode(value, VERSION);
        try {
            Trip t = new Trip(readUuid(in), in.readUTF(), in.readInt(), Instant.ofEpochMilli(in.readLong()),
                    readUuid(in), readNullableInstant(in), readNullableUuid(in));
            EntryFormat.requireEnd(in);
            return t;
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptEntryException("not a trip: " + e.getMessage(), e);
        }
    }
}
