package org.microsmartgrid.runtime.systemd;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.tariff.TariffBand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemdServiceTest {
    private final List<String> sent = new ArrayList<>();
    private final Notifier recorder = a -> sent.add(String.join(" ", a)) || true;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

    @Test
    void withoutNotifySocketNothingIsSent() {
        SystemdService s = new SystemdService(Map.of(), recorder, clock);
        s.activate();
        s.deactivate();
        assertEquals(List.of(), sent);
    }

    @Test
    void readyAtStartAndStoppingAtStop() {
        SystemdService s = new SystemdService(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"), recorder, clock);
        s.activate();
        s.deactivate();
        assertTrue(sent.get(0).startsWith("READY=1"), sent.toString());
        assertTrue(sent.get(sent.size() - 1).startsWith("STOPPING=1"), sent.toString());
    }

    @Test
    void theWatchdogIsFedOnlyWhileTheLoopCycles() throws Exception {
        SystemdService s = new SystemdService(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"), recorder, clock);
        Instant[] lastCycle = {clock.instant()};
        setLoop(s, () -> Optional.of(decisionAt(lastCycle[0])));

        s.ping();
        assertEquals(List.of("WATCHDOG=1"), sent);

        clock.advance(Duration.ofSeconds(20)); // the loop did not cycle for 20 s
        s.ping();
        assertEquals(1, sent.size(), "a stuck loop is not pinged: systemd restarts the module");

        lastCycle[0] = clock.instant(); // it cycles again
        s.ping();
        assertEquals(2, sent.size());
    }

    @Test
    void theWatchdogPeriodIsAThirdOfWatchdogUsecAndOnlyForThisProcess() {
        assertEquals(Optional.of(Duration.ofSeconds(10)), SystemdService.watchdogPeriod(Map.of("WATCHDOG_USEC", "30000000")));
        assertEquals(Optional.empty(), SystemdService.watchdogPeriod(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "1")));
        assertEquals(Optional.empty(), SystemdService.watchdogPeriod(Map.of("WATCHDOG_USEC", "soon")));
        assertEquals(Optional.empty(), SystemdService.watchdogPeriod(Map.of()));
    }

    private static LoopDecision decisionAt(Instant at) {
        return new LoopDecision(at, 1, false, null, 0.0, 3200, 3200.0, 0, 3200.0, 0.0, 0, TariffBand.F1, false, false, List.of());
    }

    private static void setLoop(SystemdService s, ControlLoopStatus loop) throws Exception {
        Field f = SystemdService.class.getDeclaredField("loop");
        f.setAccessible(true);
        f.set(s, loop);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
