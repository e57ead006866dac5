package org.microsmartgrid.status.commissioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CommissioningTest {

    @Test
    void anEmptyModuleListsEveryStepInTheDocumentedOrder() {
        List<String> steps = Commissioning.missing(Set.of(), 0, 0, false).stream().map(Commissioning.Missing::step).toList();
        assertEquals(List.of("installer-account", "gpio-chip", "relays", "modbus-bus", "grid-meter", "balancer"), steps);
    }

    @Test
    void aCommissionedModuleMissesNothing() {
        assertTrue(Commissioning.missing(Set.of(Commissioning.INSTALLER, Commissioning.CHIP, Commissioning.BUS), 4, 1, true)
                .isEmpty());
    }

    @Test
    void onlyWhatIsMissingIsListed() {
        List<Commissioning.Missing> missing = Commissioning.missing(
                Set.of(Commissioning.INSTALLER, Commissioning.CHIP, Commissioning.BUS), 4, 0, false);
        assertEquals(List.of("grid-meter", "balancer"), missing.stream().map(Commissioning.Missing::step).toList());
        assertTrue(Commissioning.toJson(missing).toString().contains("\"complete\":false"));
    }
}
