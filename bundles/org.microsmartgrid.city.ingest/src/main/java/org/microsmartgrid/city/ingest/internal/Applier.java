package org.microsmartgrid.city.ingest.internal;

import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.ModuleBirth;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.registry.SessionRecord;
import org.microsmartgrid.city.registry.SocketUpdate;
import org.microsmartgrid.kura.payload.KuraMessage;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Applies one decoded message to the registry, by the module's contract (docs/cloud-telemetry.md, BIRTH of DESIGN.md
 * §6). Pure translation: no queue, no threads; the registry decides what is newer.
 */
final class Applier {

    enum Outcome { APPLIED, STALE, MALFORMED }

    /** A capture time this far ahead of our clock is a wrong clock, not news: refused, or it would pin the status. */
    static final long MAX_FUTURE_MS = 5 * 60_000L;

    private final Registry registry;

    Applier(Registry registry) {
        this.registry = registry;
    }

    /**
     * @param receivedAt our clock when it arrived (the time of an LWT, which carries none)
     * @throws IllegalArgumentException a metric is missing or of the wrong type (counted as malformed)
     */
    Outcome apply(Route r, KuraMessage m, long receivedAt) {
        long at = r.kind() == Route.Kind.LWT || m.timestamp() == null ? receivedAt : m.timestamp();
        if (at > receivedAt + MAX_FUTURE_MS || at <= 0) throw new IllegalArgumentException("capture time " + at
                + " is not plausible (now " + receivedAt + ")");
        boolean changed = switch (r.kind()) {
            case BIRTH, APPS -> registry.moduleBirth(birth(r, m, at));
            case DC, LWT -> registry.moduleOffline(r.account(), r.clientId(), at);
            case SITE -> {
                requireTimestamp(m);
                registry.heard(r.account(), r.clientId(), at);
                yield true;
            }
            case SOCKET -> {
                requireTimestamp(m);
                registry.heard(r.account(), r.clientId(), at);
                yield registry.socketStatus(new SocketUpdate(r.account(), r.clientId(), r.socket(),
                        EvseStatus.parse(string(m, "status", true)), dbl(m, "power_w"), at));
            }
            case AVAILABILITY -> {
                requireTimestamp(m);
                registry.heard(r.account(), r.clientId(), at);
                yield registry.socketStatus(new SocketUpdate(r.account(), r.clientId(), socket(m),
                        EvseStatus.parse(string(m, "status", true)), null, at));
            }
            case SESSIONS -> {
                requireTimestamp(m);
                registry.heard(r.account(), r.clientId(), at);
                yield registry.session(session(r, m));
            }
            case FAULT -> {
                // a driver's report the city itself sent the module (CITY-V1, docs/cloud-management.md), back as the
                // module's own event: the registry only learns the module is alive; observers see it
                requireTimestamp(m);
                String id = text(string(m, "fault_id", true), 64);
                String kind = text(string(m, "kind", true), 16);
                registry.heard(r.account(), r.clientId(), at);
                org.slf4j.LoggerFactory.getLogger(Applier.class).info("module {}/{} reports fault {} ({}) as its event",
                        r.account(), r.clientId(), id, kind);
                yield true;
            }
            case UNKNOWN -> throw new IllegalStateException("unknown topics are not applied");
        };
        return changed ? Outcome.APPLIED : Outcome.STALE;
    }

    private static void requireTimestamp(KuraMessage m) {
        if (m.timestamp() == null) throw new IllegalArgumentException("no capture timestamp");
    }

    static ModuleBirth birth(Route r, KuraMessage m, long at) {
        int sockets = 0;
        String ext = string(m, "extended_properties", false);
        if (ext != null) {
            try {
                JsonObject props = JsonParser.parseString(ext).getAsJsonObject().getAsJsonObject("properties");
                JsonObject ours = props == null ? null : props.getAsJsonObject("MicroSmartGrid");
                JsonElement n = ours == null ? null : ours.get("sockets");
                if (n != null) sockets = Integer.parseInt(n.getAsString());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("extended_properties: " + e.getMessage(), e);
            }
        }
        if (sockets < 0 || sockets > 64) throw new IllegalArgumentException("sockets out of range: " + sockets);
        String name = text(string(m, "display_name", false), 200);
        KuraMessage.Position p = m.position();
        return new ModuleBirth(r.account(), r.clientId(), name == null || name.isBlank() ? r.clientId() : name,
                text(string(m, "serial_number", false), 128), text(string(m, "firmware_version", false), 64),
                p == null ? null : p.latitude(), p == null ? null : p.longitude(), sockets, at);
    }

    private static SessionRecord session(Route r, KuraMessage m) {
        String state = string(m, "state", true);
        if (!state.equals("OPEN") && !state.equals("CLOSED")) throw new IllegalArgumentException("state " + state);
        return new SessionRecord(r.account(), r.clientId(), text(string(m, "session_id", true), 64), socket(m),
                text(string(m, "mode", false), 32), state, lng(m, "started"), lng(m, "ended"), dbl(m, "energy_wh"),
                dbl(m, "solar_wh"), dbl(m, "cost_eur"), text(string(m, "end_reason", false), 64),
                text(string(m, "started_by", false), 16));
    }

    private static int socket(KuraMessage m) {
        Object v = m.metrics().get("socket");
        if (!(v instanceof Integer n) || n < 1 || n > 64) throw new IllegalArgumentException("socket: " + v);
        return n;
    }

    private static String string(KuraMessage m, String name, boolean required) {
        Object v = m.metrics().get(name);
        if (v == null && !required) return null;
        if (!(v instanceof String s)) throw new IllegalArgumentException(name + " is not a STRING metric: " + v);
        return s;
    }

    private static Double dbl(KuraMessage m, String name) {
        Object v = m.metrics().get(name);
        if (v == null) return null;
        if (!(v instanceof Double d) || !Double.isFinite(d)) throw new IllegalArgumentException(name + ": " + v);
        return d;
    }

    private static Long lng(KuraMessage m, String name) {
        Object v = m.metrics().get(name);
        if (v == null) return null;
        if (!(v instanceof Long l)) throw new IllegalArgumentException(name + " is not INT64: " + v);
        return l;
    }

    /** Text as stored: control characters removed, length capped. Markup stays text (escaped where shown). */
    static String text(String s, int max) {
        if (s == null) return null;
        String clean = s.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
