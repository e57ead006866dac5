package org.microsmartgrid.simulator.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulated home battery and its SunSpec storage controls (model 124).
 *
 * <p>Automatic mode (StorCtl_Mod 0) is what home batteries do on their own: cover the building's import, store what
 * would be exported. With StorCtl_Mod bits set, the power is kept within the window [−InWRte, +OutWRte] (per cent of
 * WChaMax; a negative limit forces the other direction), so InWRte = −X, OutWRte = X holds exactly X. When the revert
 * timer InOutWRte_RvrtTms runs out without a new write of the controls, the battery returns to automatic mode, as
 * SunSpec asks: a controller that dies leaves the battery on its own. Time is simulated time. Not thread-safe:
 * the site and the Modbus face call it under the server's lock.
 */
public final class HomeBattery {
    private final BatterySetup setup;
    private final int rateSf = -1; // rates in 0.1 %
    private double soc;
    private int storCtlMod;
    private int outWRte = 1000;
    private int inWRte = 1000;
    private int winTms;
    private int rvrtTms;
    private Instant lastWrite;
    private double powerW;

    public HomeBattery(BatterySetup setup) {
        this.setup = setup;
        this.soc = setup.socPercent();
    }

    public BatterySetup setup() {
        return setup;
    }

    /** The power this battery gives with the building's net load (import positive) at {@code now}; + discharge. */
    public double powerFor(double netLoadW, Instant now) {
        revertIfDue(now);
        double lo = -setup.maxChargeW();
        double hi = setup.maxDischargeW();
        if ((storCtlMod & 0b01) != 0) lo = Math.max(lo, -rateW(inWRte));
        if ((storCtlMod & 0b10) != 0) hi = Math.min(hi, rateW(outWRte));
        double wanted = storCtlMod == 0 && soc <= setup.reservePercent() ? Math.min(0, netLoadW) : netLoadW;
        double p = lo > hi ? hi : Math.max(lo, Math.min(hi, wanted));
        if (p > 0 && soc <= 0) p = 0;
        if (p < 0 && soc >= 100) p = 0;
        return p;
    }

    /** Integrates the state of charge over {@code seconds} at {@code powerW}. */
    public void integrate(double powerW, double seconds) {
        this.powerW = powerW;
        soc = Math.max(0, Math.min(100, soc - powerW * seconds / 3600 / setup.capacityWh() * 100));
    }

    /** Remembers the power last measured (for the registers). */
    public void measured(double powerW) {
        this.powerW = powerW;
    }

    public double powerW() {
        return powerW;
    }

    public double socPercent() {
        return soc;
    }

    public boolean automatic(Instant now) {
        revertIfDue(now);
        return storCtlMod == 0;
    }

    /** A write of one model 124 point by its offset; false when the point is not writable. */
    public boolean write(int offset, int word, Instant now) {
        switch (offset) {
            case 3 -> storCtlMod = word & 0b11;
            case 10 -> outWRte = (short) word;
            case 11 -> inWRte = (short) word;
            case 12 -> winTms = word;
            case 13 -> rvrtTms = word;
            default -> {
                return false;
            }
        }
        lastWrite = now;
        return true;
    }

    public static boolean writable(int offset) {
        return offset == 3 || (offset >= 10 && offset <= 13);
    }

    /** The model 124 words (24 data registers). */
    public short[] storageWords() {
        short[] w = new short[24];
        w[0] = (short) Math.round(setup.maxChargeW());  // WChaMax, SF 0
        w[1] = (short) 0xFFFF;                           // WChaGra not implemented
        w[2] = (short) 0xFFFF;                           // WDisChaGra
        w[3] = (short) storCtlMod;
        w[4] = (short) 0xFFFF;                           // VAChaMax
        w[5] = (short) Math.round(setup.reservePercent()); // MinRsvPct, SF 0
        w[6] = (short) Math.round(soc * 10);             // ChaState, SF -1
        w[7] = (short) Math.round(setup.capacityWh() / 48); // StorAval in Ah at a 48 V pack (informative)
        w[8] = (short) 480;                              // InBatV 48.0 V, SF -1
        w[9] = (short) (powerW > 1 ? 3 : powerW < -1 ? 4 : 6); // ChaSt: DISCHARGING 3, CHARGING 4, HOLDING 6
        w[10] = (short) outWRte;
        w[11] = (short) inWRte;
        w[12] = (short) winTms;
        w[13] = (short) rvrtTms;
        w[14] = (short) 0xFFFF;                          // InOutWRte_RmpTms
        w[15] = (short) 0xFFFF;                          // ChaGriSet
        w[16] = 0;                                       // WChaMax_SF
        w[17] = (short) 0x8000;                          // WChaDisChaGra_SF
        w[18] = (short) 0x8000;                          // VAChaMax_SF
        w[19] = 0;                                       // MinRsvPct_SF
        w[20] = -1;                                      // ChaState_SF
        w[21] = 0;                                       // StorAval_SF
        w[22] = -1;                                      // InBatV_SF
        w[23] = (short) rateSf;                          // InOutWRte_SF
        return w;
    }

    private double rateW(int raw) {
        return raw * Math.pow(10, rateSf) / 100 * setup.maxChargeW();
    }

    private void revertIfDue(Instant now) {
        // simulated time set back before the last write (a jump): the timer cannot be trusted, revert as well
        if (storCtlMod != 0 && rvrtTms > 0 && lastWrite != null
                && (!now.isBefore(lastWrite.plus(Duration.ofSeconds(rvrtTms))) || now.isBefore(lastWrite))) {
            storCtlMod = 0;
        }
    }
}
