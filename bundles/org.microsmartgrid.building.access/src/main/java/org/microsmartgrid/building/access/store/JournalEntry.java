package org.microsmartgrid.building.access.store;

/**
 * One line of the access journal (JSON, one object a line). ISSUED lines carry the code's salted hash and window;
 * ATTEMPT lines the outcome; REVOKED lines the code revoked and who did it. The codes' state (which were used) is the replay of the file: a GRANTED line is written
 * (and forced to disk) before the strike is released, so a crash can never make a used code usable again.
 * Instants are ISO-8601 strings, readable with grep and less.
 */
public record JournalEntry(String type, String at, String door, String outcome, String kind, String codeId,
                           String via, String detail, String from, String until, String salt, String hash,
                           String issuedBy) {
    public static final String ISSUED = "ISSUED";
    public static final String ATTEMPT = "ATTEMPT";
    /** A code revoked before its window ended: {@code via} is who revoked it. */
    public static final String REVOKED = "REVOKED";
}
