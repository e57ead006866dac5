package org.microsmartgrid.runtime.systemd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module as a systemd service of {@code Type=notify}: {@code READY=1} once the bundles are up, {@code WATCHDOG=1}
 * while the control loop cycles ({@link LoopLiveness}), {@code STOPPING=1} when the framework stops. Does nothing
 * when the process was not started by systemd with a notification socket ({@code NOTIFY_SOCKET} unset), e.g. the
 * demo or a Kura gateway.
 *
 * <p>systemd sets {@code WATCHDOG_USEC} from the unit's {@code WatchdogSec}; the module pings at a third of it, so
 * one late ping is not a restart. No configuration: the unit file is where an operator sets the watchdog.
 */
@Component(immediate = true)
public final class SystemdService {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdService.class);
    /** A loop that has not cycled for this long is stuck (the loop cycles every second; meters time out in ~1 s). */
    static final Duration STUCK_AFTER = Duration.ofSeconds(15);
    private static final Duration MIN_PERIOD = Duration.ofMillis(100);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ControlLoopStatus loop;

    private final Map<String, String> env;
    private final Notifier notifier;
    private final Clock clock;
    private volatile ScheduledExecutorService pinger;
    private volatile boolean notifying;
    private volatile Instant loopSince;
    private volatile ControlLoopStatus loopSeen;
    private volatile boolean stuckLogged;

    /** For DS. */
    public SystemdService() {
        this(System.getenv(), new SystemdNotifyCommand("systemd-notify"), Clock.systemUTC());
    }

    SystemdService(Map<String, String> env, Notifier notifier, Clock clock) {
        this.env = env;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Activate
    void activate() {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket == null || socket.isBlank()) return;
        notifying = true;
        notifier.send("READY=1", "STATUS=Modulo avviato / module started");
        Optional<Duration> period = watchdogPeriod(env);
        if (period.isEmpty()) return;
        LOG.info("systemd watchdog: pinging every {} ms while the control loop cycles", period.get().toMillis());
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msg-systemd-watchdog");
            t.setDaemon(true);
            return t;
        });
        s.scheduleAtFixedRate(this::ping, 0, period.get().toMillis(), TimeUnit.MILLISECONDS);
        pinger = s;
    }

    @Deactivate
    void deactivate() {
        ScheduledExecutorService s = pinger;
        pinger = null;
        if (s != null) s.shutdownNow();
        if (notifying) notifier.send("STOPPING=1", "STATUS=Arresto / stopping");
    }

    /** One watchdog tick: ping only while the loop is alive. */
    void ping() {
        Instant now = clock.instant();
        ControlLoopStatus current = loop;
        if (current != loopSeen) { // a loop appeared, went or was replaced: give the new one time for its first cycle
            loopSeen = current;
            loopSince = now;
        }
        Instant last = current == null ? null : current.lastDecision().map(LoopDecision::at).orElse(null);
        if (LoopLiveness.alive(current != null, last, loopSince, now, STUCK_AFTER)) {
            stuckLogged = false;
            notifier.send("WATCHDOG=1");
        } else if (!stuckLogged) {
            stuckLogged = true;
            LOG.error("The control loop has not cycled since {} (> {} s): not feeding systemd's watchdog, which will "
                    + "restart the module / Il ciclo di controllo è fermo: il watchdog riavvierà il modulo",
                    last == null ? loopSince : last, STUCK_AFTER.toSeconds());
        }
    }

    /** A third of {@code WATCHDOG_USEC}, when the watchdog is for this process ({@code WATCHDOG_PID} unset or ours). */
    static Optional<Duration> watchdogPeriod(Map<String, String> env) {
        String usec = env.get("WATCHDOG_USEC");
        if (usec == null) return Optional.empty();
        String pid = env.get("WATCHDOG_PID");
        if (pid != null && !pid.equals(Long.toString(ProcessHandle.current().pid()))) return Optional.empty();
        try {
            long micros = Long.parseLong(usec.trim());
            if (micros <= 0) return Optional.empty();
            Duration third = Duration.ofNanos(micros * 1000 / 3);
            return Optional.of(third.compareTo(MIN_PERIOD) < 0 ? MIN_PERIOD : third);
        } catch (NumberFormatException e) {
            LOG.warn("WATCHDOG_USEC={} is not a number: no watchdog pings", usec);
            return Optional.empty();
        }
    }
}
