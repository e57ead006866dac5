package org.microsmartgrid.runtime.systemd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sd_notify through systemd's own {@code systemd-notify} command. Java 17 cannot send a datagram to the Unix socket
 * in {@code NOTIFY_SOCKET} without native code (JNA or JNI), and the module ships neither for this; the command is
 * part of systemd itself, so it is there wherever the notification has a receiver. The unit must say
 * {@code NotifyAccess=all}, since the sender is a child process, not the main PID.
 */
final class SystemdNotifyCommand implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifyCommand.class);
    private final String command;
    private volatile boolean failureLogged;

    SystemdNotifyCommand(String command) {
        this.command = command;
    }

    @Override
    public boolean send(String... assignments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(command);
        cmd.addAll(List.of(assignments));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return failed(String.join(" ", cmd) + " did not finish within 5 s");
            }
            if (p.exitValue() != 0) return failed(String.join(" ", cmd) + " exited with " + p.exitValue());
            failureLogged = false;
            return true;
        } catch (IOException e) {
            return failed(command + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean failed(String why) {
        if (!failureLogged) {
            failureLogged = true; // once per run of failures, not every few seconds
            LOG.warn("systemd notification failed: {} (is systemd-notify installed and NotifyAccess=all set?)", why);
        }
        return false;
    }
}
