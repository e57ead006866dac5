package org.microsmartgrid.console.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short while, that a user's password was verified. A browser sends the Basic credentials with
 * every request of a page (HTML, scripts, styles, images), and one PBKDF2 check costs about a second on a Raspberry
 * Pi: without this, every console page would take many seconds. What is kept is an HMAC of the password under a
 * random key that lives only in memory; a match is compared in constant time.
 */
public final class VerifiedCredentials {
    private final Duration ttl;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(byte[] mac, Instant expires) {
    }

    public VerifiedCredentials(Duration ttl, SecureRandom random) {
        this.ttl = ttl;
        byte[] k = new byte[32];
        random.nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    public boolean matches(String user, char[] password, Instant now) {
        if (ttl.isZero()) return false;
        Entry e = entries.get(user);
        if (e == null) return false;
        if (!now.isBefore(e.expires())) {
            entries.remove(user, e);
            return false;
        }
        return MessageDigest.isEqual(e.mac(), mac(user, password));
    }

    public void remember(String user, char[] password, Instant now) {
        if (ttl.isZero()) return;
        entries.put(user, new Entry(mac(user, password), now.plus(ttl)));
    }

    private byte[] mac(String user, char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(bytes);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            if (bytes.hasArray()) Arrays.fill(bytes.array(), (byte) 0);
        }
    }
}
