package org.microsmartgrid.console.commissioning;

import java.util.ArrayList;
import java.util.List;

/**
 * The commissioning steps in the order of docs/configuration.md (the installer account comes first, and is done
 * once anyone sees this page): board → relays → meters → contract power → self-test. A pure function of what the
 * module shows and what the installer confirmed on this page.
 */
public final class Steps {

    public enum Id { BOARD, RELAYS, METERS, CONTRACT, SELF_TEST }

    /**
     * @param board           the GPIO chip's board description; null when no chip is configured
     * @param relays          relays there are
     * @param relaysOk        relays the installer checked by eye on this page with a good verdict
     * @param gridMetersGood  meters with role GRID reading GOOD
     * @param gridSignsRight  GRID meters whose sign test passed on this page: the one sign the contract limit hangs
     *                        on (the others are checked the same way, but a PV meter can only be judged in daylight)
     * @param meters          meters there are
     * @param contractW       the balancer's contract power, null when the balancer is not configured
     * @param selfTestPassed  the last self-test's result, null when none ran
     */
    public record Facts(String board, int relays, int relaysOk, int gridMetersGood, int gridSignsRight, int meters,
                        Integer contractW, Boolean selfTestPassed) {
    }

    public record Step(Id id, int number, String title, boolean done, String todo) {
    }

    private Steps() {
    }

    public static List<Step> of(Facts f) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Id.BOARD, 1, "Scheda relè / Relay board", f.board() != null,
                "scegliere la scheda / pick the board"));
        steps.add(new Step(Id.RELAYS, 2, "Prova dei relè / Relay check", f.relays() > 0 && f.relaysOk() >= f.relays(),
                f.relays() == 0 ? "nessun relè / no relay" : f.relaysOk() + " di / of " + f.relays() + " verificati / checked"));
        steps.add(new Step(Id.METERS, 3, "Contatori / Meters", f.gridMetersGood() > 0
                && f.gridSignsRight() >= f.gridMetersGood(), f.gridMetersGood() == 0
                ? "nessun contatore di scambio (GRID) che legga / no GRID meter reading"
                : "prova del segno del contatore di scambio / sign test of the grid meter"));
        steps.add(new Step(Id.CONTRACT, 4, "Potenza impegnata / Contract power", f.contractW() != null,
                "scegliere la potenza del contratto / pick the contract power"));
        steps.add(new Step(Id.SELF_TEST, 5, "Autotest / Self-test", Boolean.TRUE.equals(f.selfTestPassed()),
                f.selfTestPassed() == null ? "da eseguire / to run" : "fallito / failed"));
        return steps;
    }

    /** The first step not done, or null when all are. */
    public static Step next(List<Step> steps) {
        return steps.stream().filter(s -> !s.done()).findFirst().orElse(null);
    }
}
