package org.microsmartgrid.meter.modbus.battery;

/**
 * Turns a set-point into model 124 words. SunSpec has no "power set-point" point, only a charge limit (InWRte) and a
 * discharge limit (OutWRte), both in per cent of WChaMax; a negative limit forces the other direction. Setting the
 * window to exactly one power is the usual way to steer a SunSpec battery:
 * discharge P → OutWRte = P, InWRte = −P; charge C → InWRte = C, OutWRte = −C; idle → both 0.
 *
 * @param outWRte the raw OutWRte word
 * @param inWRte  the raw InWRte word
 * @param revertS the raw InOutWRte_RvrtTms word
 */
public record StorageCommand(int outWRte, int inWRte, int revertS) {

    /**
     * @param setpointW + discharge, − charge, already within the battery's limits
     * @param wChaMaxW  the device's WChaMax in W (scale factor applied), > 0
     * @param rateSf    InOutWRte_SF
     * @param revertS   revert timeout in whole seconds, 1..65535
     */
    public static StorageCommand of(double setpointW, double wChaMaxW, int rateSf, int revertS) {
        if (!(wChaMaxW > 0)) throw new IllegalArgumentException("WChaMax must be positive, got " + wChaMaxW);
        if (rateSf < -10 || rateSf > 10) throw new IllegalArgumentException("InOutWRte_SF out of range: " + rateSf);
        if (revertS < 1 || revertS > 0xFFFF) throw new IllegalArgumentException("revert time out of range: " + revertS);
        double percent = setpointW / wChaMaxW * 100;
        long raw = Math.round(percent / Math.pow(10, rateSf));
        if (Math.abs(raw) > Short.MAX_VALUE)
            throw new IllegalArgumentException(setpointW + " W is " + percent + " % of WChaMax: does not fit InWRte/OutWRte with scale factor " + rateSf);
        int r = (int) raw;
        return new StorageCommand(r, -r, revertS);
    }

    /** The words at offsets OutWRte..InOutWRte_RvrtTms (10..13): the window 0 applies the change at once. */
    public int[] rateWords() {
        return new int[] {outWRte & 0xFFFF, inWRte & 0xFFFF, 0, revertS};
    }

    /** The power this command asks for, W, read back the way a device reads it. */
    public static double powerW(int outWRteWord, double wChaMaxW, int rateSf) {
        return (short) outWRteWord * Math.pow(10, rateSf) / 100 * wChaMaxW;
    }
}
