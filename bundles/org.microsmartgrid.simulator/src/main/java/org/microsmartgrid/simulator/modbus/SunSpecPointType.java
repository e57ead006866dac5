package org.microsmartgrid.simulator.modbus;

/** SunSpec point types the inverter model uses, with their size and the value that means "not implemented". */
enum SunSpecPointType {
    UINT16(1, 0xFFFF),
    INT16(1, 0x8000),
    SUNSSF(1, 0x8000),
    ENUM16(1, 0xFFFF),
    /** An accumulator: 0 means "not accumulated". */
    ACC32(2, 0),
    BITFIELD32(2, 0xFFFF_FFFFL);

    final int registers;
    final long notImplemented;

    SunSpecPointType(int registers, long notImplemented) {
        this.registers = registers;
        this.notImplemented = notImplemented;
    }

    /** Writes a raw value, clamped to the type's range without touching the not-implemented value. */
    void write(short[] words, int index, long raw) {
        switch (this) {
            case UINT16, ENUM16 -> RegisterWords.uint16(words, index, (int) Math.max(0, Math.min(0xFFFE, raw)));
            case INT16, SUNSSF -> RegisterWords.uint16(words, index, (int) Math.max(-0x7FFF, Math.min(0x7FFF, raw)));
            case ACC32 -> RegisterWords.uint32(words, index, raw & 0xFFFF_FFFFL);
            case BITFIELD32 -> RegisterWords.uint32(words, index, Math.max(0, Math.min(0xFFFF_FFFEL, raw)));
        }
    }

    void writeNotImplemented(short[] words, int index) {
        if (registers == 1) RegisterWords.uint16(words, index, (int) notImplemented);
        else RegisterWords.uint32(words, index, notImplemented);
    }
}
