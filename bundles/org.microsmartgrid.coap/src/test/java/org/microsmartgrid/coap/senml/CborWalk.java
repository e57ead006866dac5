package org.microsmartgrid.coap.senml;

/**
 * A minimal CBOR walker (RFC 8949 §3) for tests, independent of the Jackson generator under test: it steps over one
 * data item and fails on any indefinite-length array, map or string.
 */
final class CborWalk {

    private CborWalk() {
    }

    /** The offset just after the item starting at {@code at}. */
    static int item(byte[] b, int at) {
        int major = (b[at] & 0xff) >>> 5;
        int info = b[at] & 0x1f;
        if (info == 31) throw new AssertionError("indefinite-length item (major type " + major + ") at byte " + at);
        int headerEnd = at + 1 + (info < 24 ? 0 : info == 24 ? 1 : info == 25 ? 2 : info == 26 ? 4 : 8);
        long arg = info < 24 ? info : 0;
        for (int i = at + 1; i < headerEnd; i++) arg = (arg << 8) | (b[i] & 0xff);
        int next = headerEnd;
        switch (major) {
            case 0, 1, 7 -> { }
            case 2, 3 -> next += (int) arg;
            case 4 -> { for (long i = 0; i < arg; i++) next = item(b, next); }
            case 5 -> { for (long i = 0; i < 2 * arg; i++) next = item(b, next); }
            case 6 -> next = item(b, next);
            default -> throw new AssertionError("major type " + major);
        }
        return next;
    }
}
