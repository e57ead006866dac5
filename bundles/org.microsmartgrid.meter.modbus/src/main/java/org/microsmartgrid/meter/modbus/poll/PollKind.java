package org.microsmartgrid.meter.modbus.poll;

/** The two tasks every meter has on its bus. */
public enum PollKind {
    /** Power channels: what the balancing loop acts on. Wins ties against SLOW. */
    FAST,
    /** Energy counters, frequency, state of charge. */
    SLOW
}
