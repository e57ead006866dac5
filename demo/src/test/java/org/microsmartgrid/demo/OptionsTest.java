package org.microsmartgrid.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** The launcher's command line: what a user types, and a clear message for what it cannot take. */
class OptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsRunADayAtSixtyTimesInTheRepositoryUntilStopped() {
        Options o = Options.parse(new String[0], ROOT);
        assertEquals(60, o.speed());
        assertEquals(0, o.hours(), "no horizon: until Ctrl+C");
        assertEquals(ROOT.resolve("run-municipio1").toAbsolutePath(), o.dir());
        assertEquals(8, o.start().getHour());
    }

    @Test
    void everyOptionIsTaken() {
        Options o = Options.parse(new String[] {"--speed", "600", "--start", "2026-06-21T08:00", "--hours", "2",
                "--dir", "/tmp/x", "--any-ports"}, ROOT);
        assertEquals(600, o.speed());
        assertEquals(LocalDateTime.of(2026, 6, 21, 8, 0), o.start());
        assertEquals(2, o.hours());
        assertEquals(Path.of("/tmp/x"), o.dir());
        assertTrue(o.anyPorts());
    }

    @Test
    void badInputIsRefusedNamingTheOption() {
        assertTrue(refused("--speed", "0").contains("--speed"));
        assertTrue(refused("--speed", "100000").contains("--speed"), "beyond a day a minute");
        assertTrue(refused("--speed", "fast").contains("--speed fast"));
        assertTrue(refused("--start", "tomorrow").contains("--start tomorrow"));
        assertTrue(refused("--hours", "-1").contains("--hours"));
        assertTrue(refused("--colour", "red").contains("--colour"));
        assertTrue(refused("--dir").contains("--dir"), "a value is missing");
    }

    private static String refused(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> Options.parse(args, ROOT)).getMessage();
    }
}
