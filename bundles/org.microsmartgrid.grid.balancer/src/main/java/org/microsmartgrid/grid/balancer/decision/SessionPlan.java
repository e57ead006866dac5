package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.time.Instant;
import org.microsmartgrid.api.control.PowerSource;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.grid.balancer.tariff.TariffOutlook;

/**
 * Turns a session's mode into what it may use in this cycle. SOLAR_AND_CHEAP is planned: when the energy still
 * wanted, at the socket's expected draw, takes longer than the cheap time left before the deadline, the session
 * falls back to the grid (as NOW) — waiting longer could only make it miss the deadline.
 */
final class SessionPlan {

    /**
     * @param source     what the session may use now
     * @param onReason   the reason when it gets power
     * @param onText     its text
     * @param waitReason the reason when it does not
     * @param waitText   its text
     */
    record Plan(PowerSource source, SocketReason onReason, String onText, SocketReason waitReason, String waitText) {
    }

    private static final Plan NO_SESSION = new Plan(PowerSource.NONE, SocketReason.NO_SESSION, "no session",
            SocketReason.NO_SESSION, "no session");
    private static final Plan NOW = new Plan(PowerSource.GRID, SocketReason.CHARGING_NOW, "charging (mode now)",
            SocketReason.WAITING_HEADROOM, "waiting for grid headroom");
    private static final Plan SOLAR = new Plan(PowerSource.SURPLUS, SocketReason.CHARGING_SURPLUS, "charging from solar surplus",
            SocketReason.WAITING_SURPLUS, "waiting for surplus");

    private SessionPlan() {
    }

    /** Held ON by an installer: from the grid, whatever the session (there may be none: a test load). */
    static Plan held(Held hold, java.time.ZoneId zone) {
        String text = "held ON by " + hold.actor() + " until " + Texts.timeSeconds(hold.until(), zone);
        return new Plan(PowerSource.GRID, SocketReason.MANUAL_HOLD_ON, text + " / accesa a mano", SocketReason.WAITING_HEADROOM,
                text + ": waiting for grid headroom / in attesa di potenza disponibile");
    }

    static Plan plan(Session session, double expectedDrawW, TariffOutlook tariff, Instant now, boolean cheapNow) {
        return switch (session.mode()) {
            case NONE -> NO_SESSION;
            case NOW -> NOW;
            case SOLAR_ONLY -> SOLAR;
            case SOLAR_AND_CHEAP -> solarAndCheap(session, expectedDrawW, tariff, now, cheapNow);
        };
    }

    private static Plan solarAndCheap(Session s, double expectedDrawW, TariffOutlook tariff, Instant now,
                                      boolean cheapNow) {
        double remainingWh = s.remainingWh();
        if (remainingWh <= 0)
            return new Plan(PowerSource.SURPLUS, SocketReason.CHARGING_SURPLUS, "target reached; charging from solar surplus",
                    SocketReason.WAITING_SURPLUS, "target reached; waiting for surplus");
        String goal = Texts.kwh(remainingWh) + " still wanted by " + Texts.time(s.deadline(), tariff.zone());
        if (!now.isBefore(s.deadline()))
            return new Plan(PowerSource.GRID, SocketReason.CHARGING_DEADLINE, "deadline passed; charging now",
                    SocketReason.WAITING_HEADROOM, "deadline passed; waiting for grid headroom");
        Duration needed = Duration.ofMillis((long) Math.ceil(remainingWh / Math.max(expectedDrawW, 1) * 3_600_000));
        Duration cheapLeft = tariff.cheapBetween(now, s.deadline());
        if (needed.compareTo(cheapLeft) > 0) {
            String why = goal + ": needs " + Texts.duration(needed) + ", only " + Texts.duration(cheapLeft) + " cheap left";
            return new Plan(PowerSource.GRID, SocketReason.CHARGING_DEADLINE, "charging now to meet the deadline (" + why + ")",
                    SocketReason.WAITING_HEADROOM, "waiting for grid headroom to meet the deadline (" + why + ")");
        }
        if (cheapNow)
            return new Plan(PowerSource.GRID, SocketReason.CHARGING_CHEAP, "charging in cheap band " + tariff.bandAt(now),
                    SocketReason.WAITING_HEADROOM, "cheap band " + tariff.bandAt(now) + "; waiting for grid headroom");
        String next = tariff.nextCheap(now).map(t -> " (next from " + Texts.time(t, tariff.zone()) + ")").orElse("");
        return new Plan(PowerSource.SURPLUS, SocketReason.CHARGING_SURPLUS, "charging from solar surplus",
                SocketReason.WAITING_CHEAP, "waiting for surplus or the cheap band" + next);
    }
}
