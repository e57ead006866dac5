package org.microsmartgrid.city.people.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.microsmartgrid.city.people.web.ApiError;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 from the JDK, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (the same form as the
 * module console's installer passwords). The iteration count is configurable, never below OWASP's floor.
 */
public final class PasswordHasher {

    public static final int MIN_ITERATIONS = 210_000;
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    /** At most this many derivations at once: a flood of logins queues here instead of starving the server. */
    private final Semaphore slots = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private final int iterations;
    /** A hash of a random password: checked when the account is unknown, so that timing does not tell. */
    private final String decoy;

    public PasswordHasher(int iterations) {
        if (iterations < MIN_ITERATIONS) throw new IllegalArgumentException("PBKDF2 iterations below " + MIN_ITERATIONS);
        this.iterations = iterations;
        this.decoy = hash(Secrets.newSecret().toCharArray());
    }

    public String hash(char[] password) {
        byte[] salt = new byte[16];
        Secrets.random().nextBytes(salt);
        byte[] h = derive(password, salt, iterations);
        Base64.Encoder b = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b.encodeToString(salt) + "$" + b.encodeToString(h);
    }

    /** Constant-time check; a null stored hash (no password set yet) never matches but costs the same. */
    public boolean matches(String stored, char[] password) {
        String s = stored == null ? decoy : stored;
        String[] p = s.split("\\$", -1);
        if (p.length != 4 || !SCHEME.equals(p[0])) return false;
        int n = Integer.parseInt(p[1]);
        byte[] salt = Base64.getDecoder().decode(p[2]);
        byte[] expected = Base64.getDecoder().decode(p[3]);
        boolean ok = MessageDigest.isEqual(expected, derive(password, salt, n));
        return ok && stored != null;
    }

    private byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            if (!slots.tryAcquire(10, TimeUnit.SECONDS))
                throw new ApiError(503, "Servizio occupato / Service busy", "riprovare fra poco / try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "Servizio occupato / Service busy", "riprovare fra poco / try again shortly");
        }
        try {
            return pbkdf2(password, salt, iterations);
        } finally {
            slots.release();
        }
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
