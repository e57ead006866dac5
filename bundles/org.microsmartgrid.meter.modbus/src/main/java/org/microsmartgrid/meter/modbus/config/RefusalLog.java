package org.microsmartgrid.meter.modbus.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One ERROR line per refused configuration, not one per attempt: Declarative Services tries to activate a refused
 * instance again whenever a service it references comes or goes (a bus, a listener), and each attempt used to log
 * the same line again (seven for one bad meter file). Keyed by the instance's own PID, so that instances of the
 * same factory are told apart.
 */
public final class RefusalLog {
    private static final Map<String, String> LAST = new ConcurrentHashMap<>();

    private RefusalLog() {
    }

    /** @return true when this refusal of this PID has not been logged since its last good configuration */
    public static boolean firstTime(String pid, String message) {
        return !message.equals(LAST.put(pid, message));
    }

    /** The PID's configuration was accepted: a later refusal is news again. */
    public static void accepted(String pid) {
        LAST.remove(pid);
    }
}
