package org.microsmartgrid.meter.modbus.quality;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.microsmartgrid.api.meter.Channel;

class PlausibilityTest {
    @ParameterizedTest
    @CsvSource({
            "ACTIVE_POWER, 1000001", "ACTIVE_POWER, -1000001", "ACTIVE_POWER_L2, NaN", "ACTIVE_POWER, Infinity",
            "VOLTAGE_L1, -1", "VOLTAGE_L3, 1000.5", "FREQUENCY, 39.9", "FREQUENCY, 70.1", "POWER_FACTOR, 1.5",
            "IMPORT_ENERGY, -1", "TOTAL_ENERGY, 2e12", "STATE_OF_CHARGE, 101", "CURRENT_L1, 20000"})
    void physicallyImpossibleValuesAreNonsense(Channel channel, double value) {
        assertTrue(Plausibility.check(channel, value).isPresent());
    }

    @ParameterizedTest
    @CsvSource({
            "ACTIVE_POWER, -3300", "ACTIVE_POWER, 999999", "VOLTAGE_L1, 0", "VOLTAGE_L2, 231.4", "FREQUENCY, 49.98",
            "POWER_FACTOR, -0.95", "IMPORT_ENERGY, 0", "EXPORT_ENERGY, 123456789", "STATE_OF_CHARGE, 0", "STATE_OF_CHARGE, 100",
            "CURRENT_L3, 16"})
    void realValuesPass(Channel channel, double value) {
        assertFalse(Plausibility.check(channel, value).isPresent());
    }

    @ParameterizedTest
    @CsvSource({"FREQUENCY, 0, true", "FREQUENCY, 50, false", "ACTIVE_POWER, 0, false"})
    void zeroHertzMeansNoVoltageNotNonsense(Channel channel, double value, boolean absent) {
        assertTrue(Plausibility.meansAbsent(channel, value) == absent);
    }
}
