package org.microsmartgrid.meter.modbus.profiles;

/** What all Eastron SDM meters share. */
final class Eastron {
    /**
     * Eastron meters refuse requests for more than 40 parameters (80 registers) but do answer reads that span
     * registers they do not define, so gaps are bridged up to that size.
     */
    static final int MAX_PER_REQUEST = 80;
    static final int MAX_GAP = MAX_PER_REQUEST;
    /** Energy registers hold kWh; channels carry Wh. */
    static final double KWH_TO_WH = 1000.0;

    private Eastron() {
    }
}
