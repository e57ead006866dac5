package org.microsmartgrid.console.commissioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.console.commissioning.RelayCheck.Outcome;
import org.microsmartgrid.console.commissioning.RelayCheck.WhenOff;
import org.microsmartgrid.console.commissioning.RelayCheck.WhenOn;

/** What the installer saw on the board, turned into what is wrong and how to fix it. */
class RelayCheckTest {

    @Test
    void litWhenOnDarkWhenOffIsAGoodRelay() {
        assertTrue(RelayCheck.judge("CH1", WhenOn.ONLY_THIS, WhenOff.DARK, null).ok());
    }

    @Test
    void darkWhenOnAndLitWhenOffIsTheWrongPolarityWhichThePageCanFlip() {
        RelayCheck.Verdict v = RelayCheck.judge("CH1", WhenOn.NONE, WhenOff.LIT, null);
        assertEquals(Outcome.INVERTED, v.outcome());
        assertEquals("active.low", v.fix());
        assertTrue(v.text().contains("active.low"), v.text());
    }

    @Test
    void anotherChannelLightingIsASwapNamingTheChannel() {
        RelayCheck.Verdict v = RelayCheck.judge("CH1", WhenOn.OTHER, WhenOff.DARK, "CH2");
        assertEquals(Outcome.SWAPPED, v.outcome());
        assertEquals("pin", v.fix());
        assertTrue(v.text().contains("CH2"), v.text());
        assertNull(RelayCheck.judge("CH1", WhenOn.OTHER, WhenOff.DARK, "").fix(), "no channel named: nothing to set");
    }

    @Test
    void nothingLightingAndStayingLitAreTheirOwnProblems() {
        assertEquals(Outcome.NOTHING, RelayCheck.judge("CH3", WhenOn.NONE, WhenOff.DARK, null).outcome());
        RelayCheck.Verdict stuck = RelayCheck.judge("CH3", WhenOn.ONLY_THIS, WhenOff.LIT, null);
        assertEquals(Outcome.STUCK, stuck.outcome());
        assertNull(stuck.fix(), "a welded contact is not a configuration mistake");
    }
}
