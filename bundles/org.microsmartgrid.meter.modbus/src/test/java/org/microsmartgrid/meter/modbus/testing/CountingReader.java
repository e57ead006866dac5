package org.microsmartgrid.meter.modbus.testing;

import java.util.ArrayList;
import java.util.List;

import org.microsmartgrid.meter.modbus.bus.ReadFailure;
import org.microsmartgrid.meter.modbus.bus.RegisterReader;
import org.microsmartgrid.meter.modbus.registers.Span;
import org.microsmartgrid.meter.modbus.registers.Table;

/** Passes reads through and remembers them, to count what a poll costs on the bus. */
public final class CountingReader implements RegisterReader {
    private final RegisterReader delegate;
    public final List<Span> requests = new ArrayList<>();

    public CountingReader(RegisterReader delegate) {
        this.delegate = delegate;
    }

    @Override
    public int[] read(int unitId, Table table, int address, int count) throws ReadFailure {
        requests.add(new Span(table, address, count));
        return delegate.read(unitId, table, address, count);
    }
}
