package org.microsmartgrid.charging.session;

import java.time.Duration;
import java.time.Instant;

/** How much energy a reading adds to a session, and which part of it was local (solar). Pure. */
public final class EnergySteps {

    /** A gap longer than this between readings is not integrated: the power meanwhile is unknown. */
    static final Duration MAX_GAP = Duration.ofSeconds(10);

    private EnergySteps() {
    }

    /**
     * Energy between two readings of the import counter, Wh. A counter that went backwards (meter replaced or reset)
     * adds nothing; the new value becomes the base.
     */
    public static double counterStep(Double previousWh, double nowWh) {
        return previousWh == null || nowWh < previousWh ? 0 : nowWh - previousWh;
    }

    /** Energy from the previous power held until now (meters without a counter), Wh; 0 across gaps. */
    public static double integratedStep(Double previousW, Instant previousAt, Instant now) {
        if (previousW == null || previousAt == null || !now.isAfter(previousAt)) return 0;
        Duration dt = Duration.between(previousAt, now);
        if (dt.compareTo(MAX_GAP) > 0) return 0;
        return Math.max(0, previousW) * dt.toNanos() / 3.6e12;
    }

    /**
     * The part of the socket's power covered locally: whatever the grid import does not cover, with the import counted
     * against the sockets first — so solar is never over-stated. The grid exporting (or at 0): all local. Grid
     * unknown: nothing counts as solar.
     *
     * @param socketW the socket's power, W
     * @param gridW   the grid meter's power, W (import positive), or null when not trusted
     * @return a fraction 0..1
     */
    public static double localFraction(double socketW, Double gridW) {
        if (gridW == null || !(socketW > 0)) return 0;
        double local = socketW - Math.max(0, gridW);
        return Math.min(1, Math.max(0, local / socketW));
    }
}
