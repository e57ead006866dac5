package org.microsmartgrid.coap.config;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One installer-given pre-shared key: {@code identity:key:rw|ro}. The key is never logged or printed.
 *
 * @param identity the PSK identity the building system presents in the DTLS handshake
 * @param key      the secret, at least {@link #MIN_KEY_BYTES} bytes
 * @param writable rw: may change state; ro: may only read
 */
public record PskEntry(String identity, byte[] key, boolean writable) {

    static final int MIN_KEY_BYTES = 16;
    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9._@\\-]{1,64}");
    private static final Pattern HEX = Pattern.compile("([0-9a-fA-F]{2})+");

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
        if (HEX.matcher(text).matches()) return HexFormat.of().parseHex(text);
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": key is neither hex nor Base64");
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
