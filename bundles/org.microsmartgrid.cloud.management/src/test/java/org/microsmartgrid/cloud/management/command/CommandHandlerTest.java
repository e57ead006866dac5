package org.microsmartgrid.cloud.management.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;

/** CMD-V1: off by default, then only the allow-list, run for real without a shell. */
class CommandHandlerTest {

    @Test
    void disabledByDefault() {
        KuraResponse r = new CommandHandler(config(false)).handle(exec(Map.of("command.command", "date")));
        assertEquals(KuraResponse.BAD_REQUEST, r.code());
        assertTrue(r.exception().contains("disabled"), r.exception());
    }

    @Test
    void runsAnAllowedCommandAndAnswersKurasMetrics() {
        KuraResponse r = new CommandHandler(config(true)).handle(exec(Map.of("command.command", "uname", "command.argument0", "-a")));
        assertEquals(KuraResponse.OK, r.code(), r.exception());
        assertEquals(0, r.metrics().get("command.exit.code"));
        assertEquals(Boolean.FALSE, r.metrics().get("command.timedout"));
        assertTrue(r.metrics().get("command.stdout").toString().contains("Linux"), r.metrics().toString());
        assertEquals("", r.metrics().get("command.stderr"));
    }

    @Test
    void refusesEverythingElse() {
        CommandHandler h = new CommandHandler(config(true));
        for (Map<String, Object> m : List.<Map<String, Object>>of(
                Map.of("command.command", "rm -rf /"),
                Map.of("command.command", "date; reboot"),
                Map.of("command.command", "df", "command.argument0", "-h;reboot"),
                Map.of("command.command", "df -h /etc"),
                Map.of("command.command", "sh -c date"),
                Map.of())) {
            KuraResponse r = h.handle(exec(m));
            assertEquals(KuraResponse.BAD_REQUEST, r.code(), m.toString());
            assertTrue(r.exception().startsWith("command not allowed"), r.exception());
        }
        KuraResponse env = h.handle(exec(Map.of("command.command", "date", "command.environment", "PATH=/tmp")));
        assertEquals(KuraResponse.BAD_REQUEST, env.code());
        assertTrue(env.exception().contains("command.environment"));
        assertEquals(KuraResponse.NOT_FOUND, h.handle(new KuraRequest("CMD-V1", "GET", List.of("command"), Map.of(),
                null, "1", "tech-01")).code());
    }

    @Test
    void killsACommandPastItsTimeAndCapsItsOutput() throws Exception {
        CommandRunner.Result slow = CommandRunner.run(List.of("sleep", "30"), Duration.ofMillis(300), 1024);
        assertTrue(slow.timedOut());
        CommandRunner.Result big = CommandRunner.run(List.of("seq", "1", "100000"), Duration.ofSeconds(20), 1024);
        assertFalse(big.timedOut());
        assertEquals(0, big.exitCode(), "the process was drained to its end");
        assertTrue(big.stdout().startsWith("1\n2\n3\n"));
        assertTrue(big.stdout().endsWith("[output truncated at 1024 bytes]"), big.stdout());
        assertTrue(big.stdout().length() < 1100);
    }

    private static KuraRequest exec(Map<String, Object> metrics) {
        Map<String, Object> all = new HashMap<>(metrics);
        all.put("request.id", "1");
        all.put("requester.client.id", "tech-01");
        return new KuraRequest("CMD-V1", "EXEC", List.of("command"), all, null, "1", "tech-01");
    }

    private static CommandHandlerConfig config(boolean enabled) {
        return new CommandHandlerConfig() {
            public boolean enabled() { return enabled; }
            public int timeout_s() { return 10; }
            public int output_max_bytes() { return 65536; }
            public Class<? extends Annotation> annotationType() { return CommandHandlerConfig.class; }
        };
    }
}
