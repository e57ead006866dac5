package org.microsmartgrid.charging.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Tokens are compared by their SHA-256, so the configuration and the database never hold a token in clear. */
public final class Tokens {

    private Tokens() {
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes (what {@code printf %s TOKEN | sha256sum} prints). */
    public static String sha256Hex(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Who started a session, for the record: a short prefix of the hash identifies the token, never reveals it. */
    public static String startedBy(String tokenHash) {
        return "token:" + tokenHash.substring(0, 8);
    }

    static boolean isHash(String s) {
        return s.matches("[0-9a-f]{64}");
    }
}
