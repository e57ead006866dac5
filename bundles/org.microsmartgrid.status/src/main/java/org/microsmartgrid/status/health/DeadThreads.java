package org.microsmartgrid.status.health;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.microsmartgrid.api.health.HealthProblems;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that dies of an uncaught exception or error (a Modbus bus thread that ran out of memory, for instance)
 * leaves its part of the module silently stopped: the JVM's default handler only prints it. This one logs it at
 * ERROR and keeps it as a health problem, so that {@code /status} says {@code ok: false} until the module restarts.
 * (Running out of memory also ends the process: {@code -XX:+ExitOnOutOfMemoryError} in module.jvm.)
 */
@Component(service = HealthProblems.class, immediate = true)
public class DeadThreads implements HealthProblems, Thread.UncaughtExceptionHandler {
    /** Enough to name what went wrong; a thread that dies over and over does not fill the memory. */
    static final int MAX_KEPT = 20;
    private static final Logger LOG = LoggerFactory.getLogger(DeadThreads.class);

    private final Clock clock;
    private final List<Problem> deaths = new ArrayList<>();
    private Thread.UncaughtExceptionHandler previous;

    public DeadThreads() {
        this(Clock.systemUTC());
    }

    DeadThreads(Clock clock) {
        this.clock = clock;
    }

    @Activate
    void activate() {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(this);
    }

    @Deactivate
    void deactivate() {
        if (Thread.getDefaultUncaughtExceptionHandler() == this) Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("thread {} died: {}", thread.getName(), error.toString(), error);
        Instant now = clock.instant();
        synchronized (deaths) {
            if (deaths.size() < MAX_KEPT) {
                deaths.add(new Problem("thread " + thread.getName(), "thread terminato / thread died at " + now
                        + ": " + error + " — riavviare il modulo / restart the module"));
            }
        }
        Thread.UncaughtExceptionHandler chained = previous;
        if (chained != null) chained.uncaughtException(thread, error);
    }

    @Override
    public List<Problem> problems() {
        synchronized (deaths) {
            return List.copyOf(deaths);
        }
    }
}
