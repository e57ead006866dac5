package org.microsmartgrid.grid.balancer.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.grid.balancer.config.DefaultMode;
import org.microsmartgrid.grid.balancer.decision.Session;
import org.microsmartgrid.grid.balancer.tariff.ItalianTariffCalendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionSourceTest {

    private static final Instant T0 = Instant.parse("2026-04-08T10:00:00Z");

    /** A sessions service holding fixed open sessions by socket, and sockets held after a stop. */
    private record FixedSessions(Map<Integer, ChargingSession> open, Set<Integer> holds) implements ChargingSessions {
        FixedSessions(Map<Integer, ChargingSession> open) {
            this(open, Set.of());
        }

        public Optional<ChargingSession> active(int socket) {
            return Optional.ofNullable(open.get(socket));
        }

        public boolean held(int socket) {
            return holds.contains(socket);
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
        assertEquals(SessionMode.SOLAR_ONLY, s1.mode());
        assertEquals(T0.minusSeconds(600), s1.since());

        Session s2 = src.session(2, DefaultMode.NOW, T0);
        assertEquals(SessionMode.SOLAR_AND_CHEAP, s2.mode());
        assertEquals(deadline, s2.deadline());
        assertEquals(3800, s2.remainingWh(), 1e-9, "the energy already delivered in the session counts");
    }

    @Test
    void aSocketWithoutOpenSessionKeepsItsDefaultSoAPluggedVehicleCanDrawAndBeDetected() {
        SessionSource src = source(new FixedSessions(Map.of()));
        assertEquals(SessionMode.NOW, src.session(3, DefaultMode.NOW, T0).mode());
        assertEquals(SessionMode.NONE, src.session(3, new DefaultMode(SessionMode.NONE, 0, null), T0).mode());
    }

    @Test
    void withoutTheServiceOrWhenItFailsTheDefaultsApply() {
        assertEquals(SessionMode.NOW, source(null).session(1, DefaultMode.NOW, T0).mode());
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
        assertEquals(SessionMode.SOLAR_ONLY, source(broken).session(1, new DefaultMode(SessionMode.SOLAR_ONLY, 0, null), T0).mode());
    }

    @Test
    void aSocketHeldAfterAStopGetsNoDefaultPowerButAnOpenSessionWins() {
        ChargingSessions holding = new FixedSessions(Map.of(2, open(2, ChargingMode.NOW, 0, null, 0)), Set.of(1, 2));
        assertEquals(SessionMode.NONE, source(holding).session(1, DefaultMode.NOW, T0).mode(),
                "stopped with the vehicle plugged in: off, not the default NOW");
        assertEquals(SessionMode.NOW, source(holding).session(2, DefaultMode.NOW, T0).mode());
    }

    @Test
    void aSessionDetectedFromThePlugIsServedInTheSocketsConfiguredMode() {
        ChargingSession plugged = new ChargingSession(UUID.randomUUID(), 2, ChargingMode.NOW, 0, null,
                T0.minusSeconds(60), null, 5, 0, 0, null, ChargingSessions.PLUG);
        SessionSource src = source(new FixedSessions(Map.of(2, plugged)));
        assertEquals(SessionMode.SOLAR_ONLY, src.session(2, new DefaultMode(SessionMode.SOLAR_ONLY, 0, null), T0).mode(),
                "the installer made socket 2 solar-only: plugging in does not make it charge from the grid");
    }
}
