package org.microsmartgrid.cloud.management.asset;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayState;

/**
 * A socket as a Kura asset {@code socket.<n>}. Two channels can be written: {@code enabled} (through SiteControl)
 * and {@code session} (start/stop a charging session through ChargingSessions); the relay is never switched
 * directly: the balancer stays in charge of the contract limit.
 */
final class SocketAsset {
    static final String PREFIX = "socket.";
    static final String ENABLED = "enabled";
    static final String SESSION = "session";

    /** A validated write, ready to apply. */
    interface Write {
        /** @return the value now in force, as text */
        String apply();

        /** false when the value is what the channel already shows: applying it does nothing */
        default boolean changes() {
            return true;
        }

        static Write unchanged(String value) {
            return new Write() {
                public String apply() {
                    return value;
                }

                public boolean changes() {
                    return false;
                }
            };
        }
    }

    private SocketAsset() {
    }

    static List<AssetChannel> channels() {
        return List.of(AssetChannel.readWrite(ENABLED, "BOOLEAN"), AssetChannel.read("disabled_by", "STRING"),
                AssetChannel.read("relay_closed", "BOOLEAN"), AssetChannel.read("relay_fault", "STRING"),
                AssetChannel.read("relay_source", "STRING"), AssetChannel.readWrite(SESSION, "STRING"),
                AssetChannel.read("session_started_by", "STRING"), AssetChannel.read("session_energy_wh", "DOUBLE"));
    }

    static ChannelValue read(int socket, AssetChannel ch, SiteServices s, Instant now) {
        long t = now.toEpochMilli();
        switch (ch.name()) {
            case ENABLED, "disabled_by" -> {
                if (s.siteControl().isEmpty()) return ChannelValue.failed(ch, "unavailable: the balancer is not running", t);
                String by = s.siteControl().get().disabledSockets().get(socket);
                return ChannelValue.of(ch, ch.name().equals(ENABLED) ? (Object) (by == null) : by == null ? "" : by, t);
            }
            case "relay_closed", "relay_fault", "relay_source" -> {
                Optional<Relay> relay = s.relays().stream().filter(r -> r.socket() == socket).findFirst();
                if (relay.isEmpty()) return ChannelValue.failed(ch, "no relay configured for socket " + socket, t);
                RelayState st = relay.get().state();
                long at = st.since() != null ? st.since().toEpochMilli() : t;
                return switch (ch.name()) {
                    case "relay_closed" -> ChannelValue.of(ch, st.closed(), at);
                    case "relay_fault" -> ChannelValue.of(ch, st.fault() == null ? "" : st.fault(), at);
                    default -> ChannelValue.of(ch, st.source() == null ? "" : st.source(), at);
                };
            }
            default -> {
                if (s.sessions().isEmpty()) return ChannelValue.failed(ch, "unavailable: charging sessions are not running", t);
                Optional<ChargingSession> open = s.sessions().get().active(socket);
                long at = open.map(o -> o.started().toEpochMilli()).orElse(t);
                return switch (ch.name()) {
                    case SESSION -> ChannelValue.of(ch, open.map(o -> o.mode().name()).orElse("NONE"), at);
                    case "session_started_by" -> ChannelValue.of(ch, open.map(ChargingSession::startedBy).orElse(""), at);
                    default -> ChannelValue.of(ch, open.map(ChargingSession::energyWh).orElse(0.0), at);
                };
            }
        }
    }

    /**
     * Checks a write without doing it.
     *
     * @throws IllegalArgumentException a read-only channel, a bad value or a missing service (for a 400)
     */
    static Write prepare(int socket, AssetChannel ch, String value, SiteServices s, String actor) {
        if (!ch.writable()) throw new IllegalArgumentException("socket." + socket + "/" + ch.name() + " is read-only");
        if (value == null) throw new IllegalArgumentException("socket." + socket + "/" + ch.name() + ": no value to write");
        String v = value.trim();
        if (ch.name().equals(ENABLED)) {
            String b = v.toLowerCase(Locale.ROOT);
            if (!b.equals("true") && !b.equals("false"))
                throw new IllegalArgumentException("socket." + socket + "/enabled: true or false, got '" + value + "'");
            SiteControl control = s.siteControl().orElseThrow(() ->
                    new IllegalArgumentException("socket." + socket + "/enabled: unavailable, the balancer is not running"));
            boolean enabled = Boolean.parseBoolean(b);
            // as shown: nothing to do, and whoever disabled it stays recorded
            if (enabled != control.disabledSockets().containsKey(socket)) return Write.unchanged(Boolean.toString(enabled));
            return () -> {
                control.setSocketEnabled(socket, enabled, actor);
                return Boolean.toString(enabled);
            };
        }
        ChargingSessions sessions = s.sessions().orElseThrow(() ->
                new IllegalArgumentException("socket." + socket + "/session: unavailable, charging sessions are not running"));
        return session(socket, v, sessions, actor);
    }

    /**
     * "start:NOW", "start:SOLAR_ONLY", "start:SOLAR_AND_CHEAP:&lt;Wh&gt;:&lt;ISO deadline&gt;" or "stop"; or what the
     * channel shows (NONE, or the open session's mode), which Kapua's console sends back with every Apply: that
     * changes nothing. A shown value that is no longer true (the session started or ended since the form was read)
     * is refused for this channel rather than acted on: a technician disabling a socket must never stop or start a
     * driver's session by accident.
     */
    private static Write session(int socket, String v, ChargingSessions sessions, String actor) {
        String where = "socket." + socket + "/session: ";
        if (v.equalsIgnoreCase("stop")) {
            return () -> sessions.stop(socket, actor).map(x -> "NONE").orElse("NONE");
        }
        String[] parts = v.split(":", 4);
        if (parts.length == 1) {
            String shown = sessions.active(socket).map(o -> o.mode().name()).orElse("NONE");
            if (shown.equalsIgnoreCase(v)) return Write.unchanged(shown);
            throw new IllegalArgumentException(where + "is " + shown + " now, not '" + v + "': nothing done (write "
                    + "start:<mode> to start a session, stop to end it)");
        }
        if (!parts[0].equalsIgnoreCase("start"))
            throw new IllegalArgumentException(where + "expected start:NOW, start:SOLAR_ONLY, "
                    + "start:SOLAR_AND_CHEAP:<Wh>:<ISO deadline> or stop, got '" + v + "'");
        ChargingMode mode;
        try {
            mode = ChargingMode.valueOf(parts[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "unknown mode '" + parts[1] + "'");
        }
        double targetWh = 0;
        Instant deadline = null;
        if (mode == ChargingMode.SOLAR_AND_CHEAP) {
            if (parts.length != 4) throw new IllegalArgumentException(where + "SOLAR_AND_CHEAP needs :<Wh>:<ISO deadline>");
            try {
                targetWh = Double.parseDouble(parts[2]);
                deadline = Instant.parse(parts[3]);
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException(where + "bad target or deadline: " + e.getMessage());
            }
            if (!(targetWh > 0) || Double.isInfinite(targetWh)) throw new IllegalArgumentException(where + "the target must be > 0 Wh");
        } else if (parts.length != 2) {
            throw new IllegalArgumentException(where + mode + " takes no target or deadline");
        }
        double target = targetWh;
        Instant until = deadline;
        return () -> sessions.startRemote(socket, mode, target, until, actor).mode().name();
    }
}
