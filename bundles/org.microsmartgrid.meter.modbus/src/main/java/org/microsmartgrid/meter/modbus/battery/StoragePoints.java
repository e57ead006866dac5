package org.microsmartgrid.meter.modbus.battery;

/**
 * The points of SunSpec model 124 "Basic Storage Controls" this bundle writes or needs, as offsets from the model's
 * first data register (after ID and L), from the SunSpec models repository (json/model_124.json, length 24).
 */
public final class StoragePoints {
    public static final int MODEL_ID = 124;
    public static final int LENGTH = 24;
    /** uint16, W × 10^WChaMax_SF: the largest charge rate; the rates below are per cent of it. */
    public static final int W_CHA_MAX = 0;
    /** bitfield16: bit 0 CHARGE (the charge limit InWRte holds), bit 1 DISCHARGE (OutWRte holds); 0 = automatic. */
    public static final int STOR_CTL_MOD = 3;
    /** int16, % of WChaMax × 10^InOutWRte_SF: discharge limit; negative forces a charge. */
    public static final int OUT_W_RTE = 10;
    /** int16, % of WChaMax × 10^InOutWRte_SF: charge limit; negative forces a discharge. */
    public static final int IN_W_RTE = 11;
    /** uint16 s: time window for the change (0 = at once). */
    public static final int WIN_TMS = 12;
    /** uint16 s: revert timeout; when it runs out without a new write the device goes back to its automatic mode. */
    public static final int RVRT_TMS = 13;
    public static final int W_CHA_MAX_SF = 16;
    public static final int IN_OUT_W_RTE_SF = 23;

    public static final int MODE_AUTO = 0;
    public static final int MODE_CHARGE_AND_DISCHARGE_LIMITS = 0b11;

    private StoragePoints() {
    }
}
