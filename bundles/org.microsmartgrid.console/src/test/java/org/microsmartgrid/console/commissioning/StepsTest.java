package org.microsmartgrid.console.commissioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The steps in docs/configuration.md's order; the next one is the first not done. */
class StepsTest {

    @Test
    void anEmptyModuleStartsWithTheBoard() {
        List<Steps.Step> steps = Steps.of(new Steps.Facts(null, 0, 0, 0, 0, 0, null, null));
        assertEquals(List.of(Steps.Id.BOARD, Steps.Id.RELAYS, Steps.Id.METERS, Steps.Id.CONTRACT, Steps.Id.SELF_TEST),
                steps.stream().map(Steps.Step::id).toList());
        assertEquals(Steps.Id.BOARD, Steps.next(steps).id());
    }

    @Test
    void relaysAreDoneOnlyWhenEveryOneWasCheckedByEye() {
        List<Steps.Step> steps = Steps.of(new Steps.Facts("Waveshare", 3, 2, 1, 1, 2, null, null));
        assertEquals(Steps.Id.RELAYS, Steps.next(steps).id());
        assertEquals("2 di / of 3 verificati / checked", steps.get(1).todo());
    }

    @Test
    void metersNeedAGoodGridMeterWithItsSignChecked() {
        assertEquals(Steps.Id.METERS, Steps.next(Steps.of(new Steps.Facts("b", 3, 3, 0, 0, 2, 3000, true))).id());
        assertEquals(Steps.Id.METERS, Steps.next(Steps.of(new Steps.Facts("b", 3, 3, 2, 1, 6, 3000, true))).id(),
                "two grid meters, one sign checked");
        assertEquals(Steps.Id.CONTRACT, Steps.next(Steps.of(new Steps.Facts("b", 3, 3, 1, 1, 6, null, null))).id(),
                "the PV meter's sign can wait for daylight");
    }

    @Test
    void aFailedSelfTestIsNotDoneAndAllDoneHasNoNextStep() {
        assertEquals("fallito / failed", Steps.next(Steps.of(new Steps.Facts("b", 3, 3, 1, 1, 2, 3000, false))).todo());
        assertNull(Steps.next(Steps.of(new Steps.Facts("b", 3, 3, 1, 1, 2, 3000, true))));
    }
}
