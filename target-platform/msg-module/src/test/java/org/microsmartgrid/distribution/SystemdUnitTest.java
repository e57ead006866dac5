package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The shipped systemd unit runs the module as the distribution tests do: with the JVM flags and environment of
 * module.jvm, as a Type=notify service whose notifications the module can send, and with its configuration directory
 * writable (the console and Kapua write changes back there). `.ci/run` also runs `systemd-analyze verify` on it.
 */
class SystemdUnitTest {
    private static final Path UNIT = Path.of("systemd", "msg-module.service");

    @Test
    void theUnitUsesTheShippedJvmFlagsAndEnvironment() throws Exception {
        String unit = Files.readString(UNIT, StandardCharsets.UTF_8);
        String execStart = unit.substring(unit.indexOf("ExecStart="), unit.indexOf("-jar", unit.indexOf("ExecStart=")));
        ShippedJvmOptions shipped = ShippedJvmOptions.read();
        for (String flag : shipped.flags()) assertTrue(execStart.contains(flag), "ExecStart lacks " + flag);
        shipped.environment().forEach((k, v) -> assertTrue(unit.contains("Environment=" + k + "=" + v),
                "the unit lacks Environment=" + k + "=" + v));
    }

    @Test
    void theUnitLetsTheModuleNotifyWriteBackAndStopCleanly() throws Exception {
        String unit = Files.readString(UNIT, StandardCharsets.UTF_8);
        assertTrue(unit.contains("\nType=notify\n") && unit.contains("\nNotifyAccess=all\n"),
                "systemd-notify runs as a child of the JVM: NotifyAccess=all");
        assertTrue(unit.contains("\nWatchdogSec="), "a stuck loop is restarted");
        assertTrue(unit.contains("\nSuccessExitStatus=143\n"), "SIGTERM's exit status 143 is a clean stop");
        String conf = unit.replaceAll("(?s).*-Dmsg\\.conf=(\\S+).*", "$1");
        String data = unit.replaceAll("(?s).*-Dmsg\\.data=(\\S+).*", "$1");
        String writable = unit.replaceAll("(?s).*\nReadWritePaths=([^\n]*)\n.*", "$1");
        assertTrue(writable.contains(conf) && writable.contains(data),
                "under ProtectSystem=strict the configuration (" + conf + ") and data (" + data
                        + ") directories must be writable: ReadWritePaths=" + writable);
        long stop = Long.parseLong(unit.replaceAll("(?s).*\nTimeoutStopSec=(\\d+)\n.*", "$1"));
        long moduleStop = Long.parseLong(unit.replaceAll("(?s).*-Dmsg\\.stop\\.timeout\\.s=(\\d+).*", "$1"));
        assertTrue(stop > moduleStop, "systemd waits longer than the module's own stop timeout");
    }
}
