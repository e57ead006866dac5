package org.microsmartgrid.console.commissioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The contract power is one of ARERA's steps (DESIGN.md §4), never a free number. */
class ContractPowersTest {

    @Test
    void theStepsAreHalfKilowattsUpToSixThenTheLargerContracts() {
        assertEquals(List.of(500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500, 6000, 7000, 8000, 9000,
                10000, 15000, 20000, 25000, 30000), ContractPowers.DOMESTIC_W);
    }

    @Test
    void eachStepShowsWhatTheMeterToleratesIndefinitely() {
        assertEquals(3300, ContractPowers.toleratedW(3000));
        assertEquals("4,5 kW (il contatore tollera 4,95 kW / the meter tolerates 4.95 kW)", ContractPowers.label(4500));
        assertEquals("3 kW (il contatore tollera 3,3 kW / the meter tolerates 3.3 kW)", ContractPowers.label(3000));
    }

    @Test
    void aValueThatIsNotAStepIsRefusedWithTheReason() {
        assertEquals(6000, ContractPowers.parse("6000"));
        IllegalArgumentException tolerance = assertThrows(IllegalArgumentException.class, () -> ContractPowers.parse("3300"));
        assertTrue(tolerance.getMessage().contains("ARERA"), tolerance.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContractPowers.parse("3 kW"));
        assertThrows(IllegalArgumentException.class, () -> ContractPowers.parse(null));
        assertThrows(IllegalArgumentException.class, () -> ContractPowers.parse("12000"));
    }
}
