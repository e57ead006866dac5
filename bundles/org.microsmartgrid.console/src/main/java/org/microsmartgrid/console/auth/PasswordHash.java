package org.microsmartgrid.console.auth;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PBKDF2-HMAC-SHA256 password hash as stored in the configuration:
 * {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}. Only the JDK is used, so the hash tool runs
 * with a bare {@code java -cp}. Error messages never repeat the text they were given: a user may have pasted a
 * password where the hash belongs.
 */
public final class PasswordHash {
    public static final String SCHEME = "pbkdf2-sha256";
    /** The floor we accept (the brief's; OWASP's 2021 figure for PBKDF2-HMAC-SHA512). */
    public static final int MIN_ITERATIONS = 210_000;
    /** What the hash tool uses: OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. About 1 s on a Raspberry Pi 4. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Beyond this a configured hash would make every login a denial of service. */
    public static final int MAX_ITERATIONS = 10_000_000;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes a new password with a fresh random salt. */
    public static PasswordHash create(char[] password, int iterations, SecureRandom random) {
        checkIterations(iterations);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BYTES));
    }

    /** Reads the stored form; throws IllegalArgumentException saying what is wrong, without echoing the input. */
    public static PasswordHash parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("the hash is empty");
        String[] parts = text.strip().split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0]))
            throw new IllegalArgumentException("not of the form " + SCHEME + "$<iterations>$<salt>$<hash>"
                    + " (make it with HashPassword)");
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count is not a number");
        }
        checkIterations(iterations);
        byte[] salt = base64(parts[2], "salt");
        byte[] hash = base64(parts[3], "hash");
        if (salt.length < SALT_BYTES)
            throw new IllegalArgumentException("the salt has " + salt.length + " bytes, at least " + SALT_BYTES + " are needed");
        if (hash.length != HASH_BYTES)
            throw new IllegalArgumentException("the hash has " + hash.length + " bytes, " + HASH_BYTES + " expected (truncated?)");
        return new PasswordHash(iterations, salt, hash);
    }

    /** Derives the hash of the candidate with the stored salt and iterations and compares in constant time. */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations, hash.length));
    }

    public int iterations() {
        return iterations;
    }

    public String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public String toString() {
        return SCHEME + "$" + iterations + "$…"; // never the salt and hash, should it end up in a log
    }

    private static void checkIterations(int iterations) {
        if (iterations < MIN_ITERATIONS)
            throw new IllegalArgumentException("the iteration count " + iterations + " is below the minimum " + MIN_ITERATIONS);
        if (iterations > MAX_ITERATIONS)
            throw new IllegalArgumentException("the iteration count " + iterations + " is above the maximum " + MAX_ITERATIONS);
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not valid base64");
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
