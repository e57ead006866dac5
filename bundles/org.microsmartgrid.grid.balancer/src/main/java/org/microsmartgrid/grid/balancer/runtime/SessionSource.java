package org.microsmartgrid.grid.balancer.runtime;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.grid.balancer.config.DefaultMode;
import org.microsmartgrid.grid.balancer.decision.Session;

/**
 * Which session a socket has in this cycle: the open session of the {@link ChargingSessions} service when one is
 * registered and a driver (token) or a remote caller started it; otherwise — no session, or one only detected from
 * the plug — the socket's configured default ({@link DefaultSessions}). The default
 * also applies to sockets without an open session while the service runs: the socket must be powered for a plugged-in
 * vehicle to draw power, which is how the sessions bundle detects it.
 */
final class SessionSource {

    private final DefaultSessions defaults;
    private final Supplier<Optional<ChargingSessions>> service;

    SessionSource(DefaultSessions defaults, Supplier<Optional<ChargingSessions>> service) {
        this.defaults = defaults;
        this.service = service;
    }

    Session session(int socket, DefaultMode mode, Instant now) {
        Optional<ChargingSession> open;
        boolean held;
        try {
            Optional<ChargingSessions> s = service.get();
            open = s.flatMap(x -> x.active(socket));
            held = open.isEmpty() && s.map(x -> x.held(socket)).orElse(false);
        } catch (RuntimeException e) {
            open = Optional.empty(); // a failing sessions service must not stop the loop: use the default
            held = false;
        }
        if (held) return Session.none(); // stopped while plugged in: off until a new start or the hold ends
        // a session opened by plugging in carries no driver's choice: the socket's configured mode serves it (the
        // installer set socket 2 to solar only: a scooter plugged in there charges from the sun, not from the grid)
        return open.filter(ChargingSession::open).filter(s -> !ChargingSessions.PLUG.equals(s.startedBy()))
                .map(SessionSource::toSession)
                .orElseGet(() -> defaults.session(socket, mode, now));
    }

    /** Who started the socket's open session (its {@code startedBy}); empty without one. */
    Optional<String> holder(int socket) {
        try {
            return service.get().flatMap(x -> x.active(socket)).filter(ChargingSession::open)
                    .map(ChargingSession::startedBy);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Session toSession(ChargingSession s) {
        double delivered = Math.max(0, s.energyWh());
        return switch (s.mode()) {
            case NOW -> Session.now(s.started());
            case SOLAR_ONLY -> Session.solarOnly(s.started());
            case SOLAR_AND_CHEAP -> Session.solarAndCheap(s.started(), s.targetWh(), s.deadline(), delivered);
        };
    }
}
