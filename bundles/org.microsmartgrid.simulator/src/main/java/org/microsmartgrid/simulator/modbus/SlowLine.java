package org.microsmartgrid.simulator.modbus;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The RS-485 line behind a simulated gateway: every request holds it for {@code line.delay.ms} before the device
 * answers, one request at a time across every unit and connection (a line is half duplex). 25 ms is a read of a few
 * registers at 9600 baud; 0 (the default) answers at once. Lets a demo or a test see what a busy line does to the
 * module (docs/meters.md, "How many meters fit on a line").
 */
public final class SlowLine {
    /** Fair: requests get the line in the order they arrived, as on a gateway's queue. */
    private final ReentrantLock line = new ReentrantLock(true);
    private volatile long delayMs;

    public void delay(Duration d) {
        delayMs = d.toMillis();
    }

    public Duration delay() {
        return Duration.ofMillis(delayMs);
    }

    /** Holds the line for one request; returns at once when there is no delay. */
    void hold() {
        long ms = delayMs;
        if (ms <= 0) return;
        line.lock();
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is closing
        } finally {
            line.unlock();
        }
    }
}
