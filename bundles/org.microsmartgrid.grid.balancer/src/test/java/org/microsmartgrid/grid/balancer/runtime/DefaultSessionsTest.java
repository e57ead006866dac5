package org.microsmartgrid.grid.balancer.runtime;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.grid.balancer.config.DefaultMode;
import org.microsmartgrid.grid.balancer.decision.BalancerState;
import org.microsmartgrid.grid.balancer.decision.MeterValue;
import org.microsmartgrid.grid.balancer.decision.RelayView;
import org.microsmartgrid.grid.balancer.decision.Session;
import org.microsmartgrid.grid.balancer.decision.Settings;
import org.microsmartgrid.grid.balancer.decision.SiteSnapshot;
import org.microsmartgrid.grid.balancer.decision.SocketSnapshot;
import org.microsmartgrid.grid.balancer.tariff.BandTariff;
import org.microsmartgrid.grid.balancer.tariff.ItalianTariffCalendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DefaultSessionsTest {

    private static final DefaultMode DAILY = new DefaultMode(SessionMode.SOLAR_AND_CHEAP, 6000, LocalTime.of(7, 30));
    private static final Instant WED_NOON = Instant.parse("2026-04-08T10:00:00Z");

    @Test
    void aDailyTargetIsWantedByTheNextOccurrenceOfItsTime() {
        DefaultSessions sessions = new DefaultSessions(ItalianTariffCalendar.ROME);
        Session s = sessions.session(1, DAILY, WED_NOON);
        assertEquals(Instant.parse("2026-04-09T05:30:00Z"), s.deadline(), "Thursday 07:30 in Rome");
        assertEquals(6000, s.targetWh(), 0);
    }

    @Test
    void deliveredEnergyIsIntegratedWhileTheRelayIsClosedAndResetsWithTheNextDay() {
        DefaultSessions sessions = new DefaultSessions(ItalianTariffCalendar.ROME);
        sessions.session(1, DAILY, WED_NOON);
        sessions.account(snapshot(WED_NOON, true, 1200));
        sessions.account(snapshot(WED_NOON.plusSeconds(3), true, 1200));  // 1200 W × 3 s = 1 Wh
        sessions.account(snapshot(WED_NOON.plusSeconds(6), false, 1200)); // open: nothing
        assertEquals(1.0, sessions.session(1, DAILY, WED_NOON.plusSeconds(6)).deliveredWh(), 1e-9);

        Session next = sessions.session(1, DAILY, Instant.parse("2026-04-09T05:30:00Z"));
        assertEquals(0, next.deliveredWh(), 0);
        assertEquals(Instant.parse("2026-04-10T05:30:00Z"), next.deadline());
    }

    @Test
    void aPauseLongerThanTenSecondsIsNotIntegrated() {
        DefaultSessions sessions = new DefaultSessions(ItalianTariffCalendar.ROME);
        sessions.session(1, DAILY, WED_NOON);
        sessions.account(snapshot(WED_NOON, true, 1200));
        sessions.account(snapshot(WED_NOON.plusSeconds(60), true, 1200));
        assertEquals(0, sessions.session(1, DAILY, WED_NOON.plusSeconds(60)).deliveredWh(), 0);
    }

    @Test
    void otherModesAreSessionsSinceTheStartAndNoneIsNoSession() {
        DefaultSessions sessions = new DefaultSessions(ItalianTariffCalendar.ROME);
        assertEquals(Session.now(WED_NOON), sessions.session(1, DefaultMode.NOW, WED_NOON));
        assertEquals(Session.now(WED_NOON), sessions.session(1, DefaultMode.NOW, WED_NOON.plusSeconds(99)));
        assertEquals(SessionMode.NONE, sessions.session(2, new DefaultMode(SessionMode.NONE, 0, null), WED_NOON).mode());
    }

    private static SiteSnapshot snapshot(Instant now, boolean closed, double w) {
        SocketSnapshot s = new SocketSnapshot(1, 3680, PriorityClass.PUBLIC, Optional.of(MeterValue.good(w, now)),
                new RelayView(closed, now.minusSeconds(3600), null), Session.none());
        return new SiteSnapshot(now, MeterValue.good(0, now), Optional.empty(), Optional.empty(), List.of(s),
                BandTariff.of(TariffBand.F3), Settings.defaults(3000), BalancerState.EMPTY);
    }
}
