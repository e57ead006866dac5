package org.microsmartgrid.console.commissioning;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One board of hardware/boards: its GPIO chip configuration and the relay configurations that go with it, as the
 * files there hold them.
 *
 * @param folder the folder's name, e.g. waveshare-rpi-relay-board
 * @param chip   the properties of org.microsmartgrid.relay.gpio.GpioChip.config
 * @param relays file name (GpioRelay-socket1.config) → its properties
 */
public record Board(String folder, Map<String, Object> chip, Map<String, Map<String, Object>> relays) {

    public Board {
        chip = Map.copyOf(chip);
        relays = new TreeMap<>(relays);
    }

    public String description() {
        Object b = chip.get("board");
        return b == null ? folder : b.toString();
    }

    /** Pi4J's mock pins switch nothing: offered only to a demo (msg.demo=true), as the chip itself refuses them. */
    public boolean mock() {
        return "MOCK".equalsIgnoreCase(String.valueOf(chip.get("provider")));
    }

    /** "CH1=26" … */
    public String[] pins() {
        Object p = chip.get("board.pins");
        return p instanceof String[] a ? a.clone() : new String[0];
    }

    public boolean samePins(Board other) {
        return Arrays.equals(pins(), other.pins());
    }
}
