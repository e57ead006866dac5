package org.microsmartgrid.grid.balancer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.grid.balancer.config.DefaultMode;
import org.microsmartgrid.grid.balancer.decision.Mode;
import org.microsmartgrid.grid.balancer.decision.Session;
import org.microsmartgrid.grid.balancer.tariff.ItalianTariffCalendar;

class SessionSourceTest {

    private static final Instant T0 = Instant.parse("2026-04-08T10:00:00Z");

    /** A sessions service holding fixed open sessions by socket. */
    private record FixedSessions(Map<Integer, ChargingSession> open) implements ChargingSessions {
        public Optional<ChargingSession> active(int socket) {
            return Optional.ofNullable(open.get(socket));
        }

        public ChargingSession start(int socket, ChargingMode mode, double targetWh, Instant deadline, String token) {
            throw new UnsupportedOperationException();
        }

        public ChargingSession startRemote(int socket, ChargingMode mode, double targetWh, Instant deadline,
                                           String actor) {
            throw new UnsupportedOperationException();
        }

        public Optional<ChargingSession> stop(int socket, String reason) {
            return Optional.empty();
        }

        public List<ChargingSession> recent(int limit) {
            return List.of();
        }
    }

    private static ChargingSession open(int socket, ChargingMode mode, double targetWh, Instant deadline, double wh) {
        return new ChargingSession(UUID.randomUUID(), socket, mode, targetWh, deadline, T0.minusSeconds(600), null,
                wh, 0, 0, null, "token:abcd1234");
    }

    private static SessionSource source(ChargingSessions service) {
        return new SessionSource(new DefaultSessions(ItalianTariffCalendar.ROME), () -> Optional.ofNullable(service));
    }

    @Test
    void aDriversSessionReplacesTheSocketsDefaultMode() {
        Instant deadline = T0.plusSeconds(8 * 3600);
        SessionSource src = source(new FixedSessions(Map.of(
                1, open(1, ChargingMode.SOLAR_ONLY, 0, null, 0),
                2, open(2, ChargingMode.SOLAR_AND_CHEAP, 5000, deadline, 1200))));

        Session s1 = src.session(1, DefaultMode.NOW, T0);
        assertEquals(Mode.SOLAR_ONLY, s1.mode());
        assertEquals(T0.minusSeconds(600), s1.since());

        Session s2 = src.session(2, DefaultMode.NOW, T0);
        assertEquals(Mode.SOLAR_AND_CHEAP, s2.mode());
        assertEquals(deadline, s2.deadline());
        assertEquals(3800, s2.remainingWh(), 1e-9, "the energy already delivered in the session counts");
    }

    @Test
    void aSocketWithoutOpenSessionKeepsItsDefaultSoAPluggedVehicleCanDrawAndBeDetected() {
        SessionSource src = source(new FixedSessions(Map.of()));
        assertEquals(Mode.NOW, src.session(3, DefaultMode.NOW, T0).mode());
        assertEquals(Mode.NONE, src.session(3, new DefaultMode(Mode.NONE, 0, null), T0).mode());
    }

    @Test
    void withoutTheServiceOrWhenItFailsTheDefaultsApply() {
        assertEquals(Mode.NOW, source(null).session(1, DefaultMode.NOW, T0).mode());
        ChargingSessions broken = new ChargingSessions() {
            public Optional<ChargingSession> active(int socket) {
                throw new IllegalStateException("database closed");
            }

            public ChargingSession start(int s, ChargingMode m, double t, Instant d, String k) {
                throw new UnsupportedOperationException();
            }

            public ChargingSession startRemote(int s, ChargingMode m, double t, Instant d, String a) {
                throw new UnsupportedOperationException();
            }

            public Optional<ChargingSession> stop(int socket, String reason) {
                return Optional.empty();
            }

            public List<ChargingSession> recent(int limit) {
                return List.of();
            }
        };
        assertEquals(Mode.SOLAR_ONLY, source(broken).session(1, new DefaultMode(Mode.SOLAR_ONLY, 0, null), T0).mode());
    }
}
