package org.microsmartgrid.console.commissioning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.microsmartgrid.api.control.LoopSelfTest;

/**
 * What the installer confirmed on the page: the module's, not a browser's (two installers on one module see the same
 * checks). Kept in memory only: a restart starts the checks again, which is what a restarted module deserves.
 */
final class Progress {

    /** One relay's check: the ON answer once given, the verdict once both are. */
    record RelayTest(RelayCheck.WhenOn on, String other, RelayCheck.Verdict verdict) {
    }

    /** One meter's sign test: the power when it started and the load's power; RIGHT once seen stays. */
    record SignRun(double beforeW, double loadW, Instant started, SignTest.Verdict verdict, boolean confirmed) {
    }

    record SelfTestRun(Instant at, List<LoopSelfTest.Check> checks) {
        boolean passed() {
            return !checks.isEmpty() && checks.stream().allMatch(LoopSelfTest.Check::passed);
        }
    }

    private record Message(String html, Instant at) {
    }

    private static final Duration KEEP_MESSAGE = Duration.ofMinutes(2);

    final Map<String, RelayTest> relays = new ConcurrentHashMap<>();
    final Map<String, SignRun> signs = new ConcurrentHashMap<>();
    volatile SelfTestRun selfTest;
    private final Map<String, Message> messages = new ConcurrentHashMap<>();

    void say(String user, String html, Instant now) {
        messages.put(user, new Message(html, now));
    }

    Optional<String> take(String user, Instant now) {
        Message m = messages.remove(user);
        return m == null || now.isAfter(m.at().plus(KEEP_MESSAGE)) ? Optional.empty() : Optional.of(m.html());
    }
}
