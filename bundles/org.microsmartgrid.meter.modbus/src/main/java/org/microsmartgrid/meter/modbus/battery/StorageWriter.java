package org.microsmartgrid.meter.modbus.battery;

import org.microsmartgrid.meter.modbus.bus.ReadFailure;
import org.microsmartgrid.meter.modbus.bus.RegisterClient;
import org.microsmartgrid.meter.modbus.registers.Table;
import org.microsmartgrid.meter.modbus.sunspec.SunSpecDiscovery;
import org.microsmartgrid.meter.modbus.sunspec.SunSpecModel;

/**
 * Writes set-points into a SunSpec device's storage model 124, on the bus thread. Finds the model once (discovery
 * walks the chain), reads WChaMax and the scale factors again after a minute (a device may change WChaMax; reading
 * them before every write would cost a request per cycle), then writes the rates with the revert timeout, and only
 * then the control mode, so the device never acts on half a command.
 */
public final class StorageWriter {
    private static final int NOT_IMPLEMENTED_U16 = 0xFFFF;
    private static final int NOT_IMPLEMENTED_SF = 0x8000;

    private final int unitId;
    private final int baseAddress;
    private static final long SCALING_MAX_AGE_NANOS = 60_000_000_000L;
    private int start = -1;
    private double wChaMax;
    private int rateSf;
    private long scalingReadAt;
    private boolean scalingKnown;

    public StorageWriter(int unitId, int baseAddress) {
        this.unitId = unitId;
        this.baseAddress = baseAddress;
    }

    /** Writes a set-point (already within limits); returns the device's WChaMax in W. */
    public double write(RegisterClient client, double setpointW, int revertS) throws ReadFailure {
        int at = locate(client);
        if (!scalingKnown || System.nanoTime() - scalingReadAt > SCALING_MAX_AGE_NANOS) {
            int[] block = client.read(unitId, Table.HOLDING, at, StoragePoints.LENGTH);
            wChaMax = wChaMaxW(block);
            rateSf = scaleFactor(block[StoragePoints.IN_OUT_W_RTE_SF], "InOutWRte_SF");
            scalingKnown = true;
            scalingReadAt = System.nanoTime();
        }
        StorageCommand cmd;
        try {
            cmd = StorageCommand.of(Math.max(-wChaMax, Math.min(wChaMax, setpointW)), wChaMax, rateSf, revertS);
        } catch (IllegalArgumentException e) {
            throw new ReadFailure("storage model 124 of unit " + unitId + ": " + e.getMessage());
        }
        try {
            client.writeHolding(unitId, at + StoragePoints.OUT_W_RTE, cmd.rateWords());
            client.writeHolding(unitId, at + StoragePoints.STOR_CTL_MOD,
                    new int[] {StoragePoints.MODE_CHARGE_AND_DISCHARGE_LIMITS});
        } catch (ReadFailure f) {
            scalingKnown = false; // a device that refuses may have been replaced or reconfigured: read it again
            throw f;
        }
        return wChaMax;
    }

    /** Gives the battery back to its automatic mode: StorCtl_Mod = 0. */
    public void release(RegisterClient client) throws ReadFailure {
        client.writeHolding(unitId, locate(client) + StoragePoints.STOR_CTL_MOD, new int[] {StoragePoints.MODE_AUTO});
    }

    private int locate(RegisterClient client) throws ReadFailure {
        if (start >= 0) return start;
        SunSpecModel m = SunSpecDiscovery.discover(client, unitId, baseAddress)
                .first(id -> id == StoragePoints.MODEL_ID)
                .orElseThrow(() -> new ReadFailure("unit " + unitId + " has no SunSpec storage model 124"));
        if (m.length() < StoragePoints.LENGTH)
            throw new ReadFailure("storage model 124 of unit " + unitId + " is " + m.length() + " registers long, expected "
                    + StoragePoints.LENGTH);
        start = m.start();
        return start;
    }

    private double wChaMaxW(int[] block) throws ReadFailure {
        int raw = block[StoragePoints.W_CHA_MAX];
        if (raw == NOT_IMPLEMENTED_U16 || raw == 0)
            throw new ReadFailure("storage model 124 of unit " + unitId + ": WChaMax not set, cannot scale rates");
        return raw * Math.pow(10, scaleFactor(block[StoragePoints.W_CHA_MAX_SF], "WChaMax_SF"));
    }

    private int scaleFactor(int word, String name) throws ReadFailure {
        if (word == NOT_IMPLEMENTED_SF) return 0;
        int sf = (short) word;
        if (sf < -10 || sf > 10)
            throw new ReadFailure("storage model 124 of unit " + unitId + ": " + name + " = " + sf + " is out of range -10..10");
        return sf;
    }
}
