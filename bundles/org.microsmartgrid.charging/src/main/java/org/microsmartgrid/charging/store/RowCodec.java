package org.microsmartgrid.charging.store;

import static org.microsmartgrid.charging.store.EntryFormat.readNullableDouble;
import static org.microsmartgrid.charging.store.EntryFormat.readNullableInstant;
import static org.microsmartgrid.charging.store.EntryFormat.readNullableString;
import static org.microsmartgrid.charging.store.EntryFormat.readUuid;
import static org.microsmartgrid.charging.store.EntryFormat.writeNullableDouble;
import static org.microsmartgrid.charging.store.EntryFormat.writeNullableInstant;
import static org.microsmartgrid.charging.store.EntryFormat.writeNullableString;
import static org.microsmartgrid.charging.store.EntryFormat.writeUuid;

import java.io.DataInputStream;
import java.io.IOException;
import java.time.Instant;

import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.charging.session.Row;

/**
 * A session row as stored, format version 1, in this order: id (2 longs), socket (int), mode (its name, UTF),
 * target Wh (double), deadline (nullable epoch ms), started (epoch ms), ended (nullable epoch ms), energy Wh, solar Wh,
 * cost EUR (doubles), end reason (nullable UTF), started by (UTF), ended by (nullable UTF), meter Wh (nullable double).
 * Times are kept to the millisecond, as the SQL table before. A new field means version 2, read next to version 1.
 */
final class RowCodec {
    static final byte VERSION = 1;

    private RowCodec() {
    }

    static byte[] encode(Row row) throws IOException {
        ChargingSession s = row.session();
        return EntryFormat.encode(VERSION, out -> {
            writeUuid(out, s.id());
            out.writeInt(s.socket());
            out.writeUTF(s.mode().name());
            out.writeDouble(s.targetWh());
            writeNullableInstant(out, s.deadline());
            out.writeLong(s.started().toEpochMilli());
            writeNullableInstant(out, s.ended());
            out.writeDouble(s.energyWh());
            out.writeDouble(s.solarWh());
            out.writeDouble(s.costEur());
            writeNullableString(out, s.endReason());
            out.writeUTF(s.startedBy());
            writeNullableString(out, s.endedBy());
            writeNullableDouble(out, row.meterWh());
        });
    }

    static Row decode(byte[] value) throws CorruptEntryException {
        DataInputStream in = EntryFormat.decode(value, VERSION);
        try {
            ChargingSession s = new ChargingSession(readUuid(in), in.readInt(), ChargingMode.valueOf(in.readUTF()),
                    in.readDouble(), readNullableInstant(in), Instant.ofEpochMilli(in.readLong()),
                    readNullableInstant(in), in.readDouble(), in.readDouble(), in.readDouble(), readNullableString(in),
                    in.readUTF(), readNullableString(in));
            Double meter = readNullableDouble(in);
            EntryFormat.requireEnd(in);
            return new Row(s, meter);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptEntryException("not a session: " + e.getMessage(), e);
        }
    }
}
