package org.microsmartgrid.meter.modbus.registers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.microsmartgrid.api.meter.Channel;

/**
 * Parses the register map of a GENERIC meter from configuration. One entry per channel:
 *
 * <pre>CHANNEL;ADDRESS;TABLE;TYPE[;WORD_ORDER[;SCALE]]</pre>
 *
 * e.g. {@code ACTIVE_POWER;0x000C;INPUT;FLOAT32;BIG_ENDIAN;1.0}. ADDRESS is decimal or 0x-hex (the protocol
 * address, 0-based, not the "30001" register number); TABLE is INPUT/04 or HOLDING/03; TYPE is INT16, UINT16, INT32,
 * UINT32 or FLOAT32; WORD_ORDER (default BIG_ENDIAN) is LITTLE_ENDIAN for devices that send the low word first;
 * SCALE (default 1) converts to the channel's unit (0.001 for mW to W, 1000 for kWh to Wh).
 */
public final class GenericMapParser {
    /** Registers a GENERIC request may span: only touching registers are merged (unknown device). */
    public static final int GENERIC_MAX_GAP = 0;

    private GenericMapParser() {
    }

    /** Parses every entry; the exception names the first bad entry (1-based) and why it is bad. */
    public static RegisterMap parse(String[] entries) {
        if (entries == null || entries.length == 0)
            throw new IllegalArgumentException("a GENERIC meter needs at least one entry, e.g. "
                    + "\"ACTIVE_POWER;0x000C;INPUT;FLOAT32;BIG_ENDIAN;1.0\"");
        List<RegisterPoint> points = new ArrayList<>();
        Set<Channel> seen = EnumSet.noneOf(Channel.class);
        for (int i = 0; i < entries.length; i++) {
            RegisterPoint p;
            try {
                p = parseEntry(entries[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry " + (i + 1) + " '" + entries[i] + "': " + e.getMessage(), e);
            }
            if (!seen.add(p.channel()))
                throw new IllegalArgumentException("entry " + (i + 1) + " '" + entries[i] + "': channel "
                        + p.channel() + " is mapped twice");
            points.add(p);
        }
        return new RegisterMap("GENERIC", points, Registers.MAX_PER_REQUEST, GENERIC_MAX_GAP);
    }

    static RegisterPoint parseEntry(String entry) {
        if (entry == null || entry.isBlank()) throw new IllegalArgumentException("empty entry");
        String[] f = entry.split(";", -1);
        if (f.length < 4 || f.length > 6)
            throw new IllegalArgumentException("expected CHANNEL;ADDRESS;TABLE;TYPE[;WORD_ORDER[;SCALE]], got "
                    + f.length + " field(s)");
        Channel channel = channel(f[0]);
        int address = address(f[1]);
        Table table = Table.parse(f[2]);
        RegisterType type = RegisterType.parse(f[3]);
        WordOrder order = f.length > 4 && !f[4].isBlank() ? WordOrder.parse(f[4]) : WordOrder.BIG_ENDIAN;
        double scale = f.length > 5 && !f[5].isBlank() ? scale(f[5]) : 1.0;
        if (address + type.words() - 1 > Registers.MAX_ADDRESS)
            throw new IllegalArgumentException(type + " at " + Registers.hex(address) + " runs past register 65535");
        return new RegisterPoint(channel, address, table, type, order, scale, channel.isFast());
    }

    private static Channel channel(String text) {
        try {
            return Channel.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown channel '" + text.trim() + "' (expected one of "
                    + Arrays.toString(Channel.values()) + ")");
        }
    }

    private static int address(String text) {
        String t = text.trim();
        long value;
        try {
            value = t.toLowerCase(Locale.ROOT).startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address '" + t + "' is not a decimal or 0x-hex number");
        }
        if (value < 0 || value > Registers.MAX_ADDRESS)
            throw new IllegalArgumentException("address " + t + " is out of 0..65535");
        return (int) value;
    }

    private static double scale(String text) {
        double s;
        try {
            s = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scale '" + text.trim() + "' is not a number");
        }
        if (!Double.isFinite(s) || s == 0) throw new IllegalArgumentException("scale must be a finite non-zero number");
        return s;
    }
}
