package org.microsmartgrid.api.meter;

/** The measurements a meter can provide, with their unit in the name where it is not obvious. */
public enum Channel {
    ACTIVE_POWER("W"),
    ACTIVE_POWER_L1("W"),
    ACTIVE_POWER_L2("W"),
    ACTIVE_POWER_L3("W"),
    VOLTAGE_L1("V"),
    VOLTAGE_L2("V"),
    VOLTAGE_L3("V"),
    CURRENT_L1("A"),
    CURRENT_L2("A"),
    CURRENT_L3("A"),
    POWER_FACTOR(""),
    FREQUENCY("Hz"),
    IMPORT_ENERGY("Wh"),
    EXPORT_ENERGY("Wh"),
    TOTAL_ENERGY("Wh"),
    STATE_OF_CHARGE("%");

    private final String unit;

    Channel(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    /** Power channels are polled fast; energy and slow-moving values less often. */
    public boolean isFast() {
        return switch (this) {
            case IMPORT_ENERGY, EXPORT_ENERGY, TOTAL_ENERGY, STATE_OF_CHARGE, FREQUENCY -> false;
            default -> true;
        };
    }
}
