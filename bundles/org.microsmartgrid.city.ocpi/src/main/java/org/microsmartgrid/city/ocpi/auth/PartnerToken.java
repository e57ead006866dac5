package org.microsmartgrid.city.ocpi.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One partner's OCPI credentials token as the configuration stores it: {@code "{partner} sha256:{salt}:{hash}"} (hex).
 * Tokens are random (256 bits) and issued by the city, never chosen by people, so one salted SHA-256 keeps a leaked
 * configuration from revealing them (a slow password hash protects guessable passwords; there is nothing to guess),
 * the same scheme as the modules' broker credentials (org.microsmartgrid.city.broker).
 *
 * @param partner a name for logs, e.g. "pun-gse" or "hubject"
 * @param salt    random salt, 16 bytes or more
 * @param hash    SHA-256(salt ‖ token)
 */
public record PartnerToken(String partner, byte[] salt, byte[] hash) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");
    private static final HexFormat HEX = HexFormat.of();

    public PartnerToken {
        if (partner == null || !NAME.matcher(partner).matches())
            throw new IllegalArgumentException("partner name: 1 to 64 letters, digits, . _ : -");
    }

    /** Parses a configuration line; IllegalArgumentException with why. */
    public static PartnerToken parse(String line) {
        String[] parts = line.strip().split(" +");
        if (parts.length != 2) throw new IllegalArgumentException("expected \"{partner} sha256:{salt}:{hash}\"");
        String[] h = parts[1].split(":");
        if (h.length != 3 || !h[0].equals("sha256")) throw new IllegalArgumentException("expected sha256:{salt}:{hash}");
        byte[] salt = HEX.parseHex(h[1]);
        byte[] hash = HEX.parseHex(h[2]);
        if (salt.length < 16 || hash.length != 32) throw new IllegalArgumentException("salt or hash of the wrong length");
        return new PartnerToken(parts[0], salt, hash);
    }

    /** A new token for a partner: the token (given to the partner once, stored nowhere) and the line to configure. */
    public static Issued issue(String partner, SecureRandom random) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        // URL-safe characters only: partners paste it into their platforms' forms, and its Base64 in the header
        // can never be mistaken for the token itself (the token has '-' or '_' or differs in length)
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new Issued(new PartnerToken(partner, salt, digest(salt, token.getBytes(StandardCharsets.US_ASCII))), token);
    }

    /**
     * @param token the credentials token (given to the partner)
     */
    public record Issued(PartnerToken partnerToken, String token) {
        /** What the partner sends: {@code Authorization: Token {Base64 of the token}} (OCPI 2.2.1). */
        public String authorizationHeader() {
            return "Token " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.US_ASCII));
        }
    }

    public boolean matches(byte[] token) {
        return token != null && MessageDigest.isEqual(hash, digest(salt, token));
    }

    public String format() {
        return partner + " sha256:" + HEX.formatHex(salt) + ":" + HEX.formatHex(hash);
    }

    private static byte[] digest(byte[] salt, byte[] token) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            return md.digest(token);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
