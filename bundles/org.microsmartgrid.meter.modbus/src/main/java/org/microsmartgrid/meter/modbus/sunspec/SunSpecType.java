package org.microsmartgrid.meter.modbus.sunspec;

/** SunSpec point types this bundle reads, with their "not implemented" markers. */
public enum SunSpecType {
    /** Signed; not implemented = 0x8000. */
    INT16(1),
    /** Unsigned; not implemented = 0xFFFF. */
    UINT16(1),
    /** Unsigned 32-bit accumulator (energy counters); not implemented = 0x00000000 per the SunSpec specification. */
    ACC32(2),
    /** Signed 32-bit; not implemented = 0x80000000. */
    INT32(2);

    private final int words;

    SunSpecType(int words) {
        this.words = words;
    }

    public int words() {
        return words;
    }

    /** True when the raw words carry the type's "not implemented" marker. */
    public boolean notImplemented(int[] w, int offset) {
        return switch (this) {
            case INT16 -> w[offset] == 0x8000;
            case UINT16 -> w[offset] == 0xFFFF;
            case ACC32 -> w[offset] == 0 && w[offset + 1] == 0;
            case INT32 -> w[offset] == 0x8000 && w[offset + 1] == 0;
        };
    }

    /** The raw number (SunSpec is big-endian: high word first). */
    public long raw(int[] w, int offset) {
        return switch (this) {
            case INT16 -> (short) w[offset];
            case UINT16 -> w[offset] & 0xFFFF;
            case ACC32 -> (((long) w[offset] & 0xFFFF) << 16) | (w[offset + 1] & 0xFFFF);
            case INT32 -> ((w[offset] & 0xFFFF) << 16) | (w[offset + 1] & 0xFFFF);
        };
    }
}
