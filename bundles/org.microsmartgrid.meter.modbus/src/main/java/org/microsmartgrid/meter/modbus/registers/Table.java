package org.microsmartgrid.meter.modbus.registers;

import java.util.Locale;

/** The Modbus register table a value lives in, with the function code that reads it. */
public enum Table {
    /** Read-only input registers, function code 04 (Eastron meters keep their measurements here). */
    INPUT(4),
    /** Holding registers, function code 03 (SunSpec devices and most inverters). */
    HOLDING(3);

    private final int functionCode;

    Table(int functionCode) {
        this.functionCode = functionCode;
    }

    public int functionCode() {
        return functionCode;
    }

    /** Accepts the name or the function code ("INPUT", "04", "4", "HOLDING", "03", "3"). */
    public static Table parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (Table table : values()) {
            if (table.name().equals(t)) return table;
            if (t.matches("0*" + table.functionCode)) return table;
        }
        throw new IllegalArgumentException("unknown register table '" + text.trim()
                + "' (expected INPUT or 04, HOLDING or 03)");
    }

    /** How logs and errors name a register of this table, e.g. "input register 0x000C". */
    public String describe(int address) {
        return name().toLowerCase(Locale.ROOT) + " register " + Registers.hex(address);
    }
}
