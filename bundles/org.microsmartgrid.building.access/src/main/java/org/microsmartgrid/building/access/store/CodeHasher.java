package org.microsmartgrid.building.access.store;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.microsmartgrid.building.access.decision.CodeFormat;

/**
 * Codes are stored as PBKDF2-HMAC-SHA256 with a random 16-byte salt per code (the JDK's own crypto). Why a slow hash
 * for 8 digits: a stolen journal (SD card out of the box) must not give the live codes in a second; with
 * {@value #ITERATIONS} iterations a brute force of 10^8 codes per salt costs hours of CPU, longer than a courier's
 * window. Codes are random (SecureRandom), never chosen by people.
 */
public final class CodeHasher {
    public static final int ITERATIONS = 20_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public CodeHasher() {
        this(ITERATIONS);
    }

    /** Fewer iterations only for tests that hash thousands of codes. */
    public CodeHasher(int iterations) {
        this.iterations = iterations;
    }

    public static String newCode() {
        StringBuilder b = new StringBuilder(CodeFormat.DIGITS);
        for (int i = 0; i < CodeFormat.DIGITS; i++) b.append((char) ('0' + RANDOM.nextInt(10)));
        return b.toString();
    }

    /** A random public id for a code: in the journal and events, it says nothing about the code. */
    public static String newId() {
        byte[] b = new byte[9];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String newSalt() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** "iterations:base64(hash)" so that a later change of the cost still verifies old codes. */
    public String hash(String code, String salt) {
        return iterations + ":" + Base64.getEncoder().encodeToString(pbkdf2(code, salt, iterations));
    }

    public static boolean matches(String code, String salt, String stored) {
        int colon = stored.indexOf(':');
        if (colon < 1) return false;
        int n;
        try {
            n = Integer.parseInt(stored.substring(0, colon));
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(stored.substring(colon + 1));
        return MessageDigest.isEqual(expected, pbkdf2(code, salt, n)); // constant time
    }

    private static byte[] pbkdf2(String code, String salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(code.toCharArray(), Base64.getDecoder().decode(salt), iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
