package org.microsmartgrid.meter.modbus.bus;

/** A request that brought no usable answer: timeout, exception code, short or garbled reply, no connection. */
public final class ReadFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public ReadFailure(String message) {
        super(message);
    }
}
