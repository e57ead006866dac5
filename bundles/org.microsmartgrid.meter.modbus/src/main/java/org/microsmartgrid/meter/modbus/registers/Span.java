package org.microsmartgrid.meter.modbus.registers;

/** A run of consecutive registers that must be read. */
public record Span(Table table, int start, int count) {
    public Span {
        if (count < 1) throw new IllegalArgumentException("a span has at least one register");
    }

    /** One past the last register. */
    public int end() {
        return start + count;
    }
}
