package org.microsmartgrid.simulator.model;

/** How a device is wired to the three-phase grid connection: on one phase, or balanced over all three. */
public enum PhaseConnection {
    L1, L2, L3, THREE_PHASE;

    /** Share of the device's power on phase {@code index} (0 = L1, 1 = L2, 2 = L3). */
    public double share(int index) {
        return this == THREE_PHASE ? 1.0 / 3 : (ordinal() == index ? 1.0 : 0.0);
    }

    public boolean singlePhase() {
        return this != THREE_PHASE;
    }

    /** Parses "L1", "L2", "L3" or "THREE_PHASE" (also "L123", "3P"), case-insensitive. */
    public static PhaseConnection parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        return switch (t) {
            case "L1" -> L1;
            case "L2" -> L2;
            case "L3" -> L3;
            case "THREE_PHASE", "L123", "3P" -> THREE_PHASE;
            default -> throw new IllegalArgumentException("unknown phase '" + text + "' (expected L1, L2, L3 or THREE_PHASE)");
        };
    }
}
