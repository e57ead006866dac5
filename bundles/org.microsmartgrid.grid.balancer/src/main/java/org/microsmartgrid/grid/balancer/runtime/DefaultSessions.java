package org.microsmartgrid.grid.balancer.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import org.microsmartgrid.grid.balancer.config.DefaultMode;
import org.microsmartgrid.grid.balancer.decision.MeterValue;
import org.microsmartgrid.grid.balancer.decision.Session;
import org.microsmartgrid.grid.balancer.decision.SiteSnapshot;
import org.microsmartgrid.grid.balancer.decision.SocketSnapshot;

/**
 * Stands in for the charging-sessions bundle: each socket has the session its configured default mode describes.
 * A SOLAR_AND_CHEAP default is a daily session: its energy is wanted by the configured time of day; when that time
 * passes a new session starts. Delivered energy is integrated from the socket's own meter while its relay is closed.
 */
final class DefaultSessions {

    /** A gap longer than this between cycles (a paused JVM) is not integrated: the power then is unknown. */
    private static final Duration MAX_STEP = Duration.ofSeconds(10);

    private final ZoneId zone;
    private final Map<Integer, Track> tracks = new HashMap<>();
    private Instant lastAccount;

    private static final class Track {
        final DefaultMode mode;
        Instant since;
        Instant deadline;
        double deliveredWh;

        Track(DefaultMode mode, Instant since, ZoneId zone) {
            this.mode = mode;
            this.since = since;
            this.deadline = mode.deadline() == null ? null : nextOccurrence(since, mode.deadline(), zone);
        }
    }

    DefaultSessions(ZoneId zone) {
        this.zone = zone;
    }

    Session session(int socket, DefaultMode mode, Instant now) {
        Track t = tracks.get(socket);
        if (t == null || !t.mode.equals(mode)) {
            t = new Track(mode, now, zone);
            tracks.put(socket, t);
        }
        while (t.deadline != null && !now.isBefore(t.deadline)) {
            t.since = t.deadline;
            t.deadline = nextOccurrence(t.deadline, mode.deadline(), zone);
            t.deliveredWh = 0;
        }
        return switch (mode.mode()) {
            case NONE -> Session.none();
            case NOW -> Session.now(t.since);
            case SOLAR_ONLY -> Session.solarOnly(t.since);
            case SOLAR_AND_CHEAP -> Session.solarAndCheap(t.since, mode.targetWh(), t.deadline, t.deliveredWh);
        };
    }

    /** Adds the energy the closed, metered sockets drew since the previous cycle. */
    void account(SiteSnapshot snap) {
        Instant now = snap.now();
        if (lastAccount != null && now.isAfter(lastAccount)) {
            Duration step = Duration.between(lastAccount, now);
            if (step.compareTo(MAX_STEP) <= 0) {
                double hours = step.toNanos() / 3.6e12;
                for (SocketSnapshot s : snap.sockets()) {
                    Track t = tracks.get(s.socket());
                    MeterValue m = s.meter().filter(MeterValue::isGood).orElse(null);
                    if (t != null && m != null && s.relay().closed()) t.deliveredWh += Math.max(0, m.powerW()) * hours;
                }
            }
        }
        lastAccount = now;
    }

    /** The first time after {@code after} at which the local clock shows {@code time}. */
    static Instant nextOccurrence(Instant after, LocalTime time, ZoneId zone) {
        ZonedDateTime local = after.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(time).atZone(zone);
        if (!candidate.toInstant().isAfter(after)) candidate = local.toLocalDate().plusDays(1).atTime(time).atZone(zone);
        return candidate.toInstant();
    }
}
