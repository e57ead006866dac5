package org.microsmartgrid.console.commissioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.console.commissioning.SignTest.Outcome;

/** "Switch on a kettle: the grid import must rise." */
class SignTestTest {

    @Test
    void aGridImportThatRisesWithTheKettleIsRight() {
        SignTest.Verdict v = SignTest.judge(MeterRole.GRID, 400, 2350, 2000);
        assertEquals(Outcome.RIGHT, v.outcome());
        assertTrue(v.text().contains("+1950 W"), v.text());
    }

    @Test
    void aGridImportThatFallsWithTheKettleIsInverted() {
        assertEquals(Outcome.INVERTED, SignTest.judge(MeterRole.GRID, -400, -2400, 2000).outcome());
        assertEquals(Outcome.INVERTED, SignTest.judge(MeterRole.SOCKET, 0, -250, 300).outcome());
    }

    @Test
    void lessThanHalfTheLoadIsNotYetAnAnswer() {
        SignTest.Verdict v = SignTest.judge(MeterRole.BUILDING, 400, 900, 2000);
        assertEquals(Outcome.NO_CHANGE, v.outcome());
        assertTrue(v.text().contains("1000 W"), "says how much it waits for: " + v.text());
        assertEquals(Outcome.NO_CHANGE, SignTest.judge(MeterRole.GRID, 400, 410, 20).outcome(), "noise is not a load");
    }

    @Test
    void photovoltaicsIsJudgedByItsProductionAndABatteryIsNotJudgedHere() {
        assertEquals(Outcome.RIGHT, SignTest.judge(MeterRole.PV, 0, 1200, 2000).outcome());
        assertEquals(Outcome.INVERTED, SignTest.judge(MeterRole.PV, 0, -1200, 2000).outcome());
        assertEquals(Outcome.NO_CHANGE, SignTest.judge(MeterRole.PV, 0, 3, 2000).outcome(), "night");
        assertEquals(Outcome.NOT_APPLICABLE, SignTest.judge(MeterRole.BATTERY, 0, 500, 2000).outcome());
    }
}
