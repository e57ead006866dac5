package org.microsmartgrid.relay.gpio.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * The validated configuration of the GPIO chip.
 *
 * @param provider which Pi4J plugin drives the pins
 * @param board    free text: what hardware this is (shown in the console and the log)
 * @param pins     the board's channel names
 */
public record ChipSettings(GpioProvider provider, String board, BoardPins pins) {

    public static final String PROVIDER = "provider";
    public static final String BOARD = "board";
    public static final String BOARD_PINS = "board.pins";

    /**
     * There is deliberately no default provider: a module on real hardware that silently fell back to MOCK would
     * show relays switching while no socket ever got power (or never lost it).
     */
    public static ChipSettings validate(String pid, String provider, String board, String[] boardPins) {
        return validate(pid, provider, board, boardPins, false);
    }

    /**
     * As {@link #validate(String, String, String, String[])}, refusing MOCK unless the process runs as a demo: a Pi set
     * up with the laptop's board file would show relays "On" that switch nothing.
     *
     * @param demo whether the framework property {@value #DEMO_PROPERTY} is {@code true}
     */
    public static ChipSettings validate(String pid, String provider, String board, String[] boardPins, boolean demo) {
        ChipSettings s = parse(pid, provider, board, boardPins);
        if (s.provider() == GpioProvider.MOCK && !demo) throw new InvalidConfigurationException(pid, PROVIDER,
                "= MOCK switches nothing: it is only for demos and tests (start with -D" + DEMO_PROPERTY + "=true); "
                        + "on a Raspberry Pi use GPIOD / MOCK non comanda nessun relè: solo per demo e test");
        return s;
    }

    /** Framework property that marks a demo or test run, the only place where mock relays make sense. */
    public static final String DEMO_PROPERTY = "msg.demo";

    private static ChipSettings parse(String pid, String provider, String board, String[] boardPins) {
        if (provider == null || provider.isBlank()) throw new InvalidConfigurationException(pid, PROVIDER,
                "is required: one of " + Arrays.toString(GpioProvider.values()));
        GpioProvider p;
        try {
            p = GpioProvider.valueOf(provider.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(pid, PROVIDER,
                    "= '" + provider + "' is unknown: use one of " + Arrays.toString(GpioProvider.values()));
        }
        return new ChipSettings(p, board == null ? "" : board.trim(), BoardPins.parse(pid, BOARD_PINS, boardPins));
    }
}
