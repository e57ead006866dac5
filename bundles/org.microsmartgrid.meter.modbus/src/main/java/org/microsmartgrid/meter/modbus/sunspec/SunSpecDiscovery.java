package org.microsmartgrid.meter.modbus.sunspec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.microsmartgrid.meter.modbus.bus.ReadFailure;
import org.microsmartgrid.meter.modbus.bus.RegisterReader;
import org.microsmartgrid.meter.modbus.registers.Registers;
import org.microsmartgrid.meter.modbus.registers.Table;

/**
 * Finds the "SunS" marker and walks the model chain (ID, L, L data registers, ...) up to the end marker 0xFFFF.
 * All SunSpec registers are holding registers (FC03).
 */
public final class SunSpecDiscovery {
    /** "SunS" as two registers. */
    static final int MARKER_HI = 0x5375;
    static final int MARKER_LO = 0x6E53;
    /** The base addresses SunSpec allows, tried after the configured one. */
    static final int[] STANDARD_BASES = {40000, 0, 50000};
    /** A chain longer than this is a device answering garbage, not a real device. */
    static final int MAX_MODELS = 100;

    private SunSpecDiscovery() {
    }

    public static SunSpecLayout discover(RegisterReader reader, int unitId, int configuredBase) throws ReadFailure {
        Set<Integer> bases = new LinkedHashSet<>();
        bases.add(configuredBase);
        for (int b : STANDARD_BASES) bases.add(b);
        List<String> misses = new ArrayList<>();
        for (int base : bases) {
            if (hasMarker(reader, unitId, base, misses)) return walk(reader, unitId, base);
        }
        throw new ReadFailure("no SunSpec marker \"SunS\" found: " + String.join(", ", misses));
    }

    private static boolean hasMarker(RegisterReader reader, int unitId, int base, List<String> misses)
            throws ReadFailure {
        int[] w;
        try {
            w = reader.read(unitId, Table.HOLDING, base, 2);
        } catch (ReadFailure f) {
            // a device without registers at this base answers with an exception; one that does not answer at all
            // will not answer at the next base either
            if (f.getMessage().contains("exception code")) {
                misses.add(base + ": " + f.getMessage());
                return false;
            }
            throw f;
        }
        if (w[0] == MARKER_HI && w[1] == MARKER_LO) return true;
        misses.add(base + ": found " + Registers.hex(w[0]) + " " + Registers.hex(w[1]));
        return false;
    }

    private static SunSpecLayout walk(RegisterReader reader, int unitId, int base) throws ReadFailure {
        List<SunSpecModel> models = new ArrayList<>();
        int address = base + 2;
        String mn = "", md = "", sn = "";
        while (true) {
            if (address + 1 > Registers.MAX_ADDRESS)
                throw new ReadFailure("SunSpec model chain at " + base + " runs past register 65535 without end marker");
            int[] header = reader.read(unitId, Table.HOLDING, address, 2);
            int id = header[0];
            int length = header[1];
            if (id == SunSpecModels.END) break;
            if (models.size() >= MAX_MODELS)
                throw new ReadFailure("SunSpec model chain at " + base + " has more than " + MAX_MODELS + " models");
            if (address + 2 + length - 1 > Registers.MAX_ADDRESS)
                throw new ReadFailure("SunSpec model " + id + " at " + address + " claims length " + length
                        + ", past register 65535");
            SunSpecModel model = new SunSpecModel(id, address + 2, length);
            models.add(model);
            if (id == SunSpecModels.COMMON && length >= 64) {
                int[] common = reader.read(unitId, Table.HOLDING, model.start(), 64);
                mn = text(common, 0, 16);
                md = text(common, 16, 16);
                sn = text(common, 48, 16);
            }
            address = model.start() + length;
        }
        return new SunSpecLayout(base, models, mn, md, sn);
    }

    /** A SunSpec string: two ASCII characters per register, NUL-padded. */
    static String text(int[] w, int offset, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = offset; i < offset + count; i++) {
            char hi = (char) ((w[i] >> 8) & 0xFF);
            char lo = (char) (w[i] & 0xFF);
            if (hi == 0) break;
            sb.append(hi);
            if (lo == 0) break;
            sb.append(lo);
        }
        return sb.toString().trim();
    }
}
