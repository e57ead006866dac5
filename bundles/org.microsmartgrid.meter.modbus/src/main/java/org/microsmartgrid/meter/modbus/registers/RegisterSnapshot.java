package org.microsmartgrid.meter.modbus.registers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The words answered by the requests of one poll, each request with the moment its reply arrived. */
public final class RegisterSnapshot {
    private record Block(Span span, int[] words, Instant at) {
    }

    private final List<Block> blocks = new ArrayList<>();

    public void add(Span span, int[] words, Instant at) {
        if (words.length != span.count())
            throw new IllegalArgumentException("expected " + span.count() + " words, got " + words.length);
        blocks.add(new Block(span, words.clone(), at));
    }

    /** The words {@code [address, address + count)} of {@code table}; they must lie in one answered request. */
    public int[] words(Table table, int address, int count) {
        Block b = find(table, address, count);
        int[] out = new int[count];
        System.arraycopy(b.words, address - b.span.start(), out, 0, count);
        return out;
    }

    /** When the reply holding this register arrived. */
    public Instant at(Table table, int address) {
        return find(table, address, 1).at;
    }

    private Block find(Table table, int address, int count) {
        for (Block b : blocks) {
            if (b.span.table() == table && address >= b.span.start() && address + count <= b.span.end()) return b;
        }
        throw new IllegalStateException(table.describe(address) + " was not read");
    }
}
