package org.microsmartgrid.api.health;

import java.util.List;

/**
 * Whiteboard: every registered service is asked by {@code /status}; any problem makes {@code health.ok} false.
 */
public interface HealthProblems {
    /** One problem: what it concerns (a PID, a thread) and what an installer should know, Italian then English. */
    record Problem(String subject, String message) {
        public Problem {
            if (subject == null || subject.isBlank()) throw new IllegalArgumentException("a problem needs a subject");
            if (message == null || message.isBlank()) throw new IllegalArgumentException("a problem needs a message");
        }
    }

    /** The current problems; empty when all is well. Called at each status request: cheap and thread-safe. */
    List<Problem> problems();
}
