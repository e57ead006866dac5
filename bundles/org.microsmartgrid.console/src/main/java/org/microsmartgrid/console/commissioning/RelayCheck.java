package org.microsmartgrid.console.commissioning;

/**
 * The installer's check of one relay by eye: the page switches it ON and asks whether its channel's LED (or the
 * contactor) is lit, then OFF and asks whether it went dark. The two answers tell a good relay from the usual
 * mistakes: wrong polarity ({@code active.low}), swapped channels (the relay's {@code pin}), nothing switching.
 */
public final class RelayCheck {

    /** What the installer saw with the relay ON. */
    public enum WhenOn { ONLY_THIS, NONE, OTHER }

    /** What the installer saw with the relay OFF again. */
    public enum WhenOff { DARK, LIT }

    public enum Outcome { OK, INVERTED, SWAPPED, NOTHING, STUCK }

    /**
     * @param outcome what is wrong, if anything
     * @param text    for the installer, Italian then English
     * @param fix     the configuration change that cures it, when the page can make it: "active.low" (flip) or
     *                "pin" (set to the lit channel); null otherwise
     */
    public record Verdict(Outcome outcome, String text, String fix) {
        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    private RelayCheck() {
    }

    /**
     * @param channel      the channel the relay is configured on (its {@code pin}, e.g. CH1)
     * @param otherChannel the channel that lit instead, for {@link WhenOn#OTHER}; may be null
     */
    public static Verdict judge(String channel, WhenOn on, WhenOff off, String otherChannel) {
        if (on == WhenOn.OTHER) {
            String other = otherChannel == null || otherChannel.isBlank() ? "un altro canale / another channel" : otherChannel;
            return new Verdict(Outcome.SWAPPED, "Canali scambiati: comandando " + channel + " si accende " + other
                    + ". Correggere il pin del relè o la mappa della scheda. / Swapped channels: switching " + channel
                    + " lights " + other + ". Fix the relay's pin or the board's pin map.",
                    otherChannel == null || otherChannel.isBlank() ? null : "pin");
        }
        if (on == WhenOn.NONE && off == WhenOff.LIT) return new Verdict(Outcome.INVERTED,
                "Polarità invertita: " + channel + " è acceso a relè spento e si spegne a relè acceso (active.low "
                        + "sbagliato). / Inverted polarity: " + channel + " is lit when off and dark when on "
                        + "(active.low is wrong).", "active.low");
        if (on == WhenOn.NONE) return new Verdict(Outcome.NOTHING, "Non si accende nulla: alimentazione della scheda, "
                + "cablaggio, scheda sbagliata (provider MOCK?). / Nothing lights: the board's power supply, wiring, "
                + "the wrong board file (MOCK provider?).", null);
        if (off == WhenOff.LIT) return new Verdict(Outcome.STUCK, channel + " resta acceso a relè spento: contatto "
                + "incollato o uscita comandata da altro. Non collegare carichi. / " + channel + " stays lit with the "
                + "relay off: a welded contact or an output driven elsewhere. Connect no load.", null);
        return new Verdict(Outcome.OK, channel + " si accende e si spegne come comandato. / " + channel
                + " switches on and off as commanded.", null);
    }
}
