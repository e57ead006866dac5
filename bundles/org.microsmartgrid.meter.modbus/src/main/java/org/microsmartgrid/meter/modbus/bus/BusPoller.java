package org.microsmartgrid.meter.modbus.bus;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.microsmartgrid.api.meter.BusUsage;
import org.microsmartgrid.meter.modbus.config.BusSettings;
import org.microsmartgrid.meter.modbus.poll.Backoff;
import org.microsmartgrid.meter.modbus.poll.PollKind;
import org.microsmartgrid.meter.modbus.poll.PollSchedule;
import org.microsmartgrid.meter.modbus.poll.PolledDevice;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of a bus. It sends one request at a time (RS-485 is half duplex, a TCP gateway serializes anyway):
 * a due urgent task (the grid meter's power) first, else the task due earliest (see {@link PollSchedule}); it
 * reschedules each task after it ran: at a fixed rate when healthy, with {@link Backoff} when failing. It measures
 * what the line is asked for and gives ({@link BusLoad}), and warns once when the meters ask for more than the line
 * can carry.
 */
public final class BusPoller implements ModbusBusService {
    private static final Logger LOG = LoggerFactory.getLogger(BusPoller.class);
    /** Upper bound of waiting for an in-flight poll when a meter detaches (a poll is a few requests). */
    private static final long DETACH_WAIT_FLOOR_MS = 5_000;
    /** How often the bus thread looks at its demand to log a line that became over-subscribed (or fine again). */
    private static final long DEMAND_CHECK_MS = 5_000;
    /** Hysteresis: "fine again" is logged only once the demand is back below this. */
    private static final double DEMAND_FINE_AGAIN = 0.9;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Condition idle = lock.newCondition();
    private final PollSchedule<PolledDevice> schedule = new PollSchedule<>();
    private final Deque<BusJob> jobs = new ArrayDeque<>();
    private final Set<PolledDevice> attached = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Function<BusSettings, RegisterClient> clients;
    private final TimeSource time;

    private BusSettings settings;
    private boolean reconnect;
    private boolean running;
    /** The last request was a job: a due poll goes next (jobs and polls take turns). */
    private boolean lastWasJob;
    private PolledDevice current;
    private Thread thread;
    private final BusLoad load;
    private boolean warnedOversubscribed;
    /** Over-subscribed at the previous check too: one check alone (a GC pause, a slow start) does not warn. */
    private boolean overAtLastCheck;
    private long lastDemandCheck;
    /** Touched only by the bus thread (and by stop() once that thread has ended). */
    private RegisterClient client;

    public BusPoller(BusSettings settings, Function<BusSettings, RegisterClient> clients, TimeSource time) {
        this.settings = settings;
        this.clients = clients;
        this.time = time;
        this.load = new BusLoad(time.monotonicMillis());
        this.lastDemandCheck = time.monotonicMillis();
    }

    /** A poller talking Modbus through j2mod. */
    public static BusPoller withJ2mod(BusSettings settings) {
        return new BusPoller(settings, ModbusClient::new, TimeSource.SYSTEM);
    }

    public void start() {
        lock.lock();
        try {
            if (running) return;
            running = true;
            thread = new Thread(this::run, "modbus-bus-" + settings.busId());
            thread.setDaemon(true);
            thread.start();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread and closes the connection. Devices still attached are dropped. */
    public void stop() {
        Thread t;
        long waitMs;
        lock.lock();
        try {
            running = false;
            attached.clear();
            jobs.clear();
            t = thread;
            waitMs = 4L * settings.timeoutMs() * (settings.retries() + 1) + DETACH_WAIT_FLOOR_MS;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (t == null || t == Thread.currentThread()) return;
        try {
            t.join(waitMs);
            if (t.isAlive()) {
                LOG.warn("Modbus bus {}: polling thread still busy after {} ms, interrupting it", describe(), waitMs);
                t.interrupt();
                t.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes over new settings: timeouts and back-off at once, a new endpoint by reconnecting before the next request. */
    public void update(BusSettings next) {
        lock.lock();
        try {
            if (!next.sameConnection(settings)) reconnect = true;
            settings = next;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String busId() {
        lock.lock();
        try {
            return settings.busId();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String describe() {
        lock.lock();
        try {
            return settings.describe();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void attach(PolledDevice device) {
        lock.lock();
        try {
            attached.add(device);
            long now = time.monotonicMillis();
            schedule.attach(device, now, device.urgent(PollKind.FAST), device.intervalMillis(PollKind.SLOW));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void detach(PolledDevice device) {
        lock.lock();
        try {
            attached.remove(device);
            schedule.remove(device);
            load.forget(device);
            if (Thread.currentThread() == thread) return;
            long waitNanos = TimeUnit.MILLISECONDS.toNanos(
                    4L * settings.timeoutMs() * (settings.retries() + 1) + DETACH_WAIT_FLOOR_MS);
            while (current == device && waitNanos > 0) waitNanos = idle.awaitNanos(waitNanos);
            if (current == device) LOG.warn("Modbus bus {}: {} still being polled after detach", settings.describe(), device.describe());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void intervalsChanged(PolledDevice device) {
        lock.lock();
        try {
            if (!attached.contains(device)) return;
            long now = time.monotonicMillis();
            for (PollKind kind : PollKind.values()) schedule.advance(device, kind, now + device.intervalMillis(kind));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void submit(BusJob job) {
        lock.lock();
        try {
            if (!running) return;
            jobs.add(job);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        LOG.info("Modbus bus {}: polling started", describe());
        try {
            while (true) {
                PollSchedule.Task<PolledDevice> task;
                BusJob job;
                BusSettings s;
                boolean renew;
                lock.lock();
                try {
                    task = null;
                    job = null;
                    while (running && task == null && job == null) {
                        long now = time.monotonicMillis();
                        boolean pollDue = schedule.peek().map(t -> t.dueMillis() <= now).orElse(false);
                        // a due urgent poll goes even before a queued write: the grid reading waits at most
                        // for the request already on the line
                        if (!jobs.isEmpty() && !(pollDue && lastWasJob) && !schedule.urgentDue(now)) {
                            job = jobs.poll();
                            break;
                        }
                        task = schedule.takeDue(now).orElse(null);
                        if (task == null) {
                            long wait = schedule.peek().map(t -> t.dueMillis() - now).orElse(60_000L);
                            changed.await(Math.max(1, wait), TimeUnit.MILLISECONDS);
                        }
                    }
                    if (!running) return;
                    lastWasJob = job != null;
                    if (job != null) current = null;
                    else current = task.device();
                    s = settings;
                    renew = reconnect;
                    reconnect = false;
                } finally {
                    lock.unlock();
                }
                long start = time.monotonicMillis();
                if (job != null) {
                    runJob(job, s, renew);
                    lock.lock();
                    try {
                        load.busy(start, time.monotonicMillis());
                    } finally {
                        lock.unlock();
                    }
                    continue;
                }
                int errors = pollOnce(task, s, renew);
                lock.lock();
                try {
                    current = null;
                    PolledDevice d = task.device();
                    long end = time.monotonicMillis();
                    if (attached.contains(d)) {
                        load.polled(d, task.kind(), start, end, errors == 0);
                        long interval = d.intervalMillis(task.kind());
                        if (errors > 0) schedule.retry(task, Backoff.delay(interval, errors, settings.backoffMaxMs()), end);
                        else schedule.again(task, interval, end);
                    }
                    checkDemand(end);
                    idle.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeClient();
            lock.lock();
            try {
                current = null;
                idle.signalAll();
            } finally {
                lock.unlock();
            }
            LOG.info("Modbus bus {}: polling stopped, connection closed", describe());
        }
    }

    /** What the line is asked for and gives, for /status. */
    public BusUsage usage() {
        lock.lock();
        try {
            return load.usage(settings.busId(), settings.describe(), List.copyOf(attached), time.monotonicMillis());
        } finally {
            lock.unlock();
        }
    }

    /** Logs a line that became over-subscribed, once, and again when it is fine; called under the lock. */
    private void checkDemand(long now) {
        if (now - lastDemandCheck < DEMAND_CHECK_MS) return;
        lastDemandCheck = now;
        double demand = load.demand(attached);
        boolean over = demand > 1.0;
        boolean twice = over && overAtLastCheck;
        overAtLastCheck = over;
        if (!warnedOversubscribed && twice) {
            warnedOversubscribed = true;
            LOG.warn("Modbus bus {} is over-subscribed: its meters' poll intervals ask for {} % of the line. The grid "
                    + "meter keeps its interval; the other meters are polled less often than configured (see /status, "
                    + "buses). Split the line or lengthen poll.fast.ms of the socket meters.", settings.describe(),
                    Math.round(demand * 100));
        } else if (warnedOversubscribed && demand < DEMAND_FINE_AGAIN) {
            warnedOversubscribed = false;
            LOG.info("Modbus bus {}: its meters now ask for {} % of the line", settings.describe(), Math.round(demand * 100));
        }
    }

    private void runJob(BusJob job, BusSettings s, boolean renew) {
        if (renew) closeClient();
        if (client == null) client = clients.apply(s);
        else client.configure(s);
        try {
            job.run(client);
        } catch (RuntimeException e) {
            LOG.error("Modbus bus {}: a request failed unexpectedly", s.describe(), e);
        }
    }

    private int pollOnce(PollSchedule.Task<PolledDevice> task, BusSettings s, boolean renew) {
        if (renew) closeClient();
        if (client == null) client = clients.apply(s);
        else client.configure(s);
        try {
            return task.device().poll(task.kind(), client);
        } catch (RuntimeException e) {
            // a bug in one meter must not stop the bus for the others
            LOG.error("Modbus bus {}: polling {} failed unexpectedly", s.describe(), task.device().describe(), e);
            return 1;
        }
    }

    private void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
