package org.microsmartgrid.runtime.stop;

import java.time.Duration;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the OSGi framework when the JVM is asked to exit: SIGTERM (what {@code systemctl stop} and {@code restart}
 * send), SIGINT (Ctrl-C) or {@code System.exit}.
 *
 * <p>bnd's launcher, which starts {@code msg-module.jar}, registers no such hook, so without this the JVM exits with
 * every bundle still "active": no component is deactivated, relays are never switched off (on GPIOD a released
 * line keeps its last level, so a socket would stay powered), the cloud link sends no DC and Kapua sees a crash.
 * Stopping the system bundle stops every bundle in reverse start order, so each component runs its own deactivation:
 * relays OFF, meters closed, sessions stored, DC published.
 *
 * <p>The hook waits for the framework to stop, at most {@value #STOP_TIMEOUT_PROPERTY} seconds (default 30): the JVM
 * exits when every hook has returned, and systemd's {@code TimeoutStopSec} must be longer than this (the shipped unit
 * sets 45 s).
 */
public final class StopFrameworkOnExit implements BundleActivator {
    public static final String STOP_TIMEOUT_PROPERTY = "msg.stop.timeout.s";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(StopFrameworkOnExit.class);

    private volatile Thread hook;

    @Override
    public void start(BundleContext context) {
        Framework framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(Framework.class);
        Duration timeout = timeout(context.getProperty(STOP_TIMEOUT_PROPERTY));
        Thread t = new Thread(() -> stop(framework, timeout), "msg-stop-framework-on-exit");
        Runtime.getRuntime().addShutdownHook(t);
        hook = t;
    }

    @Override
    public void stop(BundleContext context) {
        Thread t = hook;
        hook = null;
        if (t == null || t == Thread.currentThread()) return;
        try {
            // the framework stops for another reason (or this bundle is stopped): a hook left behind would keep this
            // bundle's class loader alive and stop a later framework in the same JVM
            Runtime.getRuntime().removeShutdownHook(t);
        } catch (IllegalStateException exiting) {
            // the JVM is already exiting: our hook is the one stopping the framework
        }
    }

    static void stop(Framework framework, Duration timeout) {
        if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) return;
        LOG.info("Stopping: the process was asked to exit; every bundle stops now (relays off, meters closed, cloud "
                + "link disconnected) / Arresto richiesto: i bundle si fermano (relè spenti)");
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(timeout.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.error("Stopping: the framework did not stop within {} s; the process exits anyway", timeout.toSeconds());
            } else {
                System.err.println("msg: framework stopped; exiting"); // logging may already be gone
            }
        } catch (Exception | LinkageError e) {
            System.err.println("msg: stopping the framework failed: " + e);
        }
    }

    static Duration timeout(String property) {
        if (property == null || property.isBlank()) return DEFAULT_TIMEOUT;
        try {
            long seconds = Long.parseLong(property.trim());
            if (seconds >= 1 && seconds <= 600) return Duration.ofSeconds(seconds);
        } catch (NumberFormatException ignored) {
            // fall through: a clear message, then the default
        }
        LOG.warn("{}={} is not a number of seconds between 1 and 600; using {} s", STOP_TIMEOUT_PROPERTY, property,
                DEFAULT_TIMEOUT.toSeconds());
        return DEFAULT_TIMEOUT;
    }
}
