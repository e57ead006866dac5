package org.microsmartgrid.cloud.management.asset;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorAccess.CodeKind;
import org.microsmartgrid.api.building.DoorAccess.IssuedCode;
import org.microsmartgrid.api.building.DoorAccess.LiveCode;

/**
 * One-time codes of a door through its Kura asset {@code door.<id>} (docs/cloud-management.md, issue 13): a
 * technician on Kapua's console issues a code for a courier or an intervention and passes it on, as the building
 * manager does on the module's console page. {@code codes} (READ) lists the door's live codes without the codes;
 * {@code issue} (READ_WRITE) takes {@code COURIER,<starts in minutes>,<minutes>} or
 * {@code INTERVENTION,<starts in minutes>,<minutes>,<reason>} and answers {@code <code>,<id>,<ISO from>,<ISO until>}
 * once; {@code revoke} (READ_WRITE) takes a live code's id. Both writable channels read as empty text, and an empty
 * value (what Kapua's console sends back with every Apply) does nothing. The door service's rules (window, reason)
 * apply as for every issuer; a refusal is the channel's error and nothing is issued.
 */
final class DoorCodesAsset {
    static final String CODES = "codes";
    static final String ISSUE = "issue";
    static final String REVOKE = "revoke";
    static final List<AssetChannel> CHANNELS = List.of(AssetChannel.read(CODES, "STRING"),
            AssetChannel.readWrite(ISSUE, "STRING"), AssetChannel.readWrite(REVOKE, "STRING"));

    /** As on CoAP's /building/codes: a window is whole minutes; the door service bounds its length. */
    private static final long MAX_MINUTES = 100_000;
    private static final Gson GSON = new Gson();

    private DoorCodesAsset() {
    }

    static boolean owns(String channel) {
        return channel.equals(CODES) || channel.equals(ISSUE) || channel.equals(REVOKE);
    }

    static ChannelValue read(String door, AssetChannel ch, DoorAccess access, Instant now) {
        if (!ch.name().equals(CODES)) return ChannelValue.of(ch, "", now.toEpochMilli());
        JsonArray list = new JsonArray();
        for (LiveCode c : access.liveCodes()) {
            if (!c.door().equals(door)) continue;
            JsonObject o = new JsonObject();
            o.addProperty("id", c.id());
            o.addProperty("kind", c.kind().name());
            o.addProperty("from", c.from().toString());
            o.addProperty("until", c.until().toString());
            o.addProperty("by", c.issuedBy());
            list.add(o);
        }
        return ChannelValue.of(ch, GSON.toJson(list), now.toEpochMilli());
    }

    /**
     * @return the channel's value after the write: {@code <code>,<id>,<from>,<until>} for {@code issue}, the revoked
     *         id for {@code revoke}, empty when the value was empty (nothing done)
     * @throws IllegalArgumentException a bad value or the door service's refusal: nothing changed
     */
    static String write(String door, AssetChannel ch, String value, DoorAccess access, String actor, Instant now) {
        String v = value.strip();
        if (v.isEmpty()) return ""; // what the channel shows, sent back by the console's Apply
        if (ch.name().equals(REVOKE)) {
            boolean live = access.liveCodes().stream().anyMatch(c -> c.id().equals(v) && c.door().equals(door));
            if (!live || !access.revoke(v, actor))
                throw new IllegalArgumentException("Nessun codice valido " + v + " per la porta " + door
                        + " / no live code " + v + " on door " + door + " (used, ended, revoked or another door's)");
            return v;
        }
        String[] p = v.split(",", 4);
        CodeKind kind = kind(p[0].strip());
        if (p.length < 3 || (kind == CodeKind.COURIER && p.length != 3))
            throw new IllegalArgumentException(usage(door));
        long startsIn = minutes(p[1], 0, door);
        long minutes = minutes(p[2], 1, door);
        Instant from = now.plus(Duration.ofMinutes(startsIn));
        IssuedCode c = access.issue(door, kind, from, from.plus(Duration.ofMinutes(minutes)),
                p.length == 4 ? p[3].strip() : null, actor);
        return c.code() + "," + c.id() + "," + c.from() + "," + c.until();
    }

    private static CodeKind kind(String text) {
        for (CodeKind k : CodeKind.values()) if (k.name().equals(text)) return k;
        throw new IllegalArgumentException("Tipo di codice '" + text + "' sconosciuto / unknown code kind '" + text
                + "': COURIER or INTERVENTION");
    }

    private static long minutes(String text, long min, String door) {
        try {
            long m = Long.parseLong(text.strip());
            if (m >= min && m <= MAX_MINUTES) return m;
        } catch (NumberFormatException e) {
            // the same answer as a number out of bounds
        }
        throw new IllegalArgumentException("Minuti non validi '" + text.strip() + "' / bad minutes '" + text.strip()
                + "': whole numbers, starts in ≥ 0, lasts ≥ 1. " + usage(door));
    }

    private static String usage(String door) {
        return "door." + door + "/issue: COURIER,<starts in minutes>,<minutes> or INTERVENTION,<starts in minutes>,"
                + "<minutes>,<reason>, e.g. COURIER,0,120";
    }
}
