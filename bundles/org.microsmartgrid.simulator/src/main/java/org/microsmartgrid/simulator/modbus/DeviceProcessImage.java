package org.microsmartgrid.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One simulated Modbus device (one unit id) as j2mod's slave sees it.
 *
 * <p>Why not fill a plain {@link SimpleProcessImage} register by register: j2mod hands out the live register objects
 * and encodes them after the lookup, so a reader racing the refresher could get the high word of a new float and the
 * low word of the old one. Here every request copies from one immutable {@link DeviceImage}, swapped atomically by
 * {@link #publish}. Registers are sparse (SunSpec lives at 40000) without 40,000 placeholder objects.
 *
 * <p>Faults are applied here too: EXCEPTION throws j2mod's {@link IllegalAddressException} (→ exception 02); SILENT
 * holds the request on j2mod's connection thread so that the master times out.
 */
public final class DeviceProcessImage extends SimpleProcessImage {
    private final AtomicReference<DeviceImage> image = new AtomicReference<>(DeviceImage.EMPTY);
    private final Duration silentHold;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private volatile DeviceFault fault = DeviceFault.NONE;
    private volatile HoldingWrites writes;
    private volatile SlowLine line;
    private long requests;
    private boolean closed;

    /**
     * @param unitId      the unit id this image answers to
     * @param silentHold  the longest a request to a SILENT device is held (longer than any master's timeout)
     */
    public DeviceProcessImage(int unitId, Duration silentHold) {
        super(unitId);
        this.silentHold = silentHold;
    }

    /** Replaces the registers in one step; ignored while the device is FROZEN. */
    void publish(DeviceImage next) {
        if (fault != DeviceFault.FROZEN) image.set(next);
    }

    /** The line this device answers over: each request holds it first (see {@link SlowLine}). */
    void line(SlowLine l) {
        line = l;
    }

    /** Lets writes to some holding registers through to a device model (all registers are read-only without). */
    void acceptWrites(HoldingWrites w) {
        writes = w;
    }

    DeviceImage current() {
        return image.get();
    }

    public DeviceFault fault() {
        return fault;
    }

    public void setFault(DeviceFault f) {
        lock.lock();
        try {
            fault = f == null ? DeviceFault.NONE : f;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Releases held requests for good: the server is going away. */
    void close() {
        lock.lock();
        try {
            closed = true;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public InputRegister[] getInputRegisterRange(int ref, int count) {
        return answer().inputRange(ref, count);
    }

    @Override
    public InputRegister getInputRegister(int ref) {
        return answer().inputRange(ref, 1)[0];
    }

    @Override
    public int getInputRegisterCount() {
        return image.get().inputEnd();
    }

    @Override
    public Register[] getRegisterRange(int ref, int count) {
        return writable(ref, answer().holdingRange(ref, count));
    }

    @Override
    public Register getRegister(int ref) {
        return writable(ref, answer().holdingRange(ref, 1))[0];
    }

    private Register[] writable(int ref, Register[] registers) {
        HoldingWrites w = writes;
        if (w == null) return registers;
        for (int i = 0; i < registers.length; i++) {
            if (w.writable(ref + i)) registers[i] = new HoldingRegister(registers[i].getValue(), ref + i, w);
        }
        return registers;
    }

    @Override
    public int getRegisterCount() {
        return image.get().holdingEnd();
    }

    /** The image to answer from, after applying the fault. */
    private DeviceImage answer() {
        SlowLine l = line;
        if (l != null) l.hold();
        DeviceFault f = fault;
        if (f == DeviceFault.EXCEPTION) throw new IllegalAddressException("simulated fault: exception");
        if (f == DeviceFault.SILENT) holdWhileSilent();
        return image.get();
    }

    /**
     * Holds the request until the fault is cleared, a newer request reaches this unit (its master gave up on this one
     * and, being j2mod or any sane master, closed the connection), the hold runs out or the server stops. Whatever is
     * sent afterwards goes to a master that has already timed out; j2mod's slave then drops the connection.
     */
    private void holdWhileSilent() {
        lock.lock();
        try {
            long mine = ++requests;
            released.signalAll(); // older held requests of this unit can go
            long left = silentHold.toNanos();
            while (fault == DeviceFault.SILENT && !closed && requests == mine && left > 0) {
                left = released.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // j2mod's pool is closing: its handler checks the flag and quits
        } finally {
            lock.unlock();
        }
    }
}
