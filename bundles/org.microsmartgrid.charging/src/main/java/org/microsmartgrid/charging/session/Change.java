package org.microsmartgrid.charging.session;

/**
 * Something to store. STARTED and ENDED are stored at once and synced to the disk; UPDATED (energy so far) at most
 * once per {@link SessionBook#PERSIST_EVERY} per session.
 */
public record Change(Kind kind, Row row) {

    public enum Kind { STARTED, UPDATED, ENDED }

    /** Start and end must survive a power cut; energy updates only a process kill. */
    public boolean sync() {
        return kind != Kind.UPDATED;
    }
}
