package org.microsmartgrid.city.people.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer secrets (session ids, API tokens, e-mail links) and their stored form. A secret has 256 random bits,
 * so a fast SHA-256 digest is enough to store it (a database leak gives no usable session); slow hashing is for
 * passwords people choose.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Hex SHA-256 of the secret, what the database keeps. */
    public static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A secret as a client may present it: base64url, 43 characters. Anything else is refused before any lookup. */
    public static boolean wellFormed(String s) {
        return s != null && s.length() == 43 && s.chars().allMatch(ch -> Character.isLetterOrDigit(ch) && ch < 128 || ch == '-' || ch == '_');
    }

    public static SecureRandom random() {
        return RANDOM;
    }
}
