package org.microsmartgrid.coap.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One installer-given pre-shared key: {@code identity:key:rw|ro}. The key is never logged or printed.
 *
 * <p>The key is Base64, or hex only with a {@code 0x} prefix (as libcoap 4.3.2+ takes {@code -k 0x...}). A key made
 * only of hex digits is Base64 like any other: guessing the encoding read a Base64 key such as
 * {@code cafe1234cafe1234cafe1234} as hex, a different secret, and the handshake failed with nothing to say why.
 * An integrator with Debian 12's libcoap (4.3.1, {@code -k} is the key's text) uses a printable key and configures
 * its Base64: {@code printf %s "$KEY" | base64}.
 *
 * @param identity the PSK identity the building system presents in the DTLS handshake
 * @param key      the secret, at least {@link #MIN_KEY_BYTES} bytes
 * @param writable rw: may change state; ro: may only read
 */
public record PskEntry(String identity, byte[] key, boolean writable) {

    private static final Logger LOG = LoggerFactory.getLogger(PskEntry.class);

    static final int MIN_KEY_BYTES = 16;
    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9._@\\-]{1,64}");
    private static final Pattern HEX = Pattern.compile("0[xX]([0-9a-fA-F]{2})+");
    private static final Pattern ONLY_HEX_DIGITS = Pattern.compile("[0-9a-fA-F]+");

    public PskEntry {
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /**
     * Parses one entry.
     *
     * @param index the entry's position, for the error message (which never repeats the key)
     * @throws IllegalArgumentException a malformed entry
     */
    public static PskEntry parse(String entry, int index) {
        String where = "psk.identities[" + index + "]";
        if (entry == null || entry.isBlank()) throw new IllegalArgumentException(where + " is empty");
        String[] parts = entry.trim().split(":", -1);
        if (parts.length != 3)
            throw new IllegalArgumentException(where + " must be identity:key:rw or identity:key:ro");
        String identity = parts[0];
        if (!IDENTITY.matcher(identity).matches())
            throw new IllegalArgumentException(where + ": identity must be 1-64 of A-Z a-z 0-9 . _ @ -");
        boolean writable = switch (parts[2]) {
            case "rw" -> true;
            case "ro" -> false;
            default -> throw new IllegalArgumentException(where + " (" + identity + "): access must be rw or ro");
        };
        byte[] key = decodeKey(parts[1], where + " (" + identity + ")");
        if (key.length < MIN_KEY_BYTES)
            throw new IllegalArgumentException(where + " (" + identity + "): key must be at least " + MIN_KEY_BYTES
                    + " bytes, got " + key.length);
        return new PskEntry(identity, key, writable);
    }

    private static byte[] decodeKey(String text, String where) {
        if (HEX.matcher(text).matches()) return HexFormat.of().parseHex(text.substring(2));
        if (text.startsWith("0x") || text.startsWith("0X"))
            throw new IllegalArgumentException(where + ": a 0x key must be hex digits, an even number of them");
        try {
            byte[] key = Base64.getDecoder().decode(text);
            if (ONLY_HEX_DIGITS.matcher(text).matches())
                LOG.info("{}: key read as Base64; a hex key is written with 0x in front", where);
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": key is neither Base64 nor 0x followed by hex digits");
        }
    }

    @Override
    public String toString() {
        return identity + (writable ? " (rw)" : " (ro)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PskEntry p && p.identity.equals(identity) && p.writable == writable
                && Arrays.equals(p.key, key);
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }
}
