package org.microsmartgrid.runtime.systemd;

/** Sends sd_notify(3) assignments ({@code READY=1}, {@code WATCHDOG=1}, {@code STATUS=...}) to the service manager. */
@FunctionalInterface
public interface Notifier {
    /** @return whether the message was handed over */
    boolean send(String... assignments);
}
