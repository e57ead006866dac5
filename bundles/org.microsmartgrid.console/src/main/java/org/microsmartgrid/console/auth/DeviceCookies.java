package org.microsmartgrid.console.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OWASP's "device cookie": a browser in which an installer has logged in successfully gets a signed token naming
 * them; its later logins are throttled on their own, apart from the anonymous attempts from the same address. A
 * script guessing passwords behind the same NAT or SSH tunnel (every request from 127.0.0.1) slows itself down, not
 * the installer's own browser. The key exists only in memory: a restart makes every browser unknown again, which
 * only means the first login after it is throttled like anyone's.
 */
public final class DeviceCookies {
    public static final String NAME = "msg-device";
    /** How long a browser stays known without logging in. */
    public static final Duration VALIDITY = Duration.ofDays(30);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key = new byte[32];

    public DeviceCookies(SecureRandom random) {
        random.nextBytes(key);
    }

    /** A token for a browser where {@code user} just logged in: {@code user.expiry.mac}, URL-safe Base64. */
    public String issue(String user, Instant now) {
        String payload = B64.encodeToString(user.getBytes(StandardCharsets.UTF_8)) + "."
                + now.plus(VALIDITY).getEpochSecond();
        return payload + "." + B64.encodeToString(mac(payload));
    }

    /** The installer a token was issued to, if it is ours, unaltered and not expired. */
    public Optional<String> verify(String token, Instant now) {
        if (token == null || token.length() > 512) return Optional.empty();
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first) return Optional.empty();
        String payload = token.substring(0, last);
        byte[] sent;
        try {
            sent = Base64.getUrlDecoder().decode(token.substring(last + 1));
            if (!MessageDigest.isEqual(sent, mac(payload))) return Optional.empty();
            long expiry = Long.parseLong(token.substring(first + 1, last));
            if (!now.isBefore(Instant.ofEpochSecond(expiry))) return Optional.empty();
            return Optional.of(new String(Base64.getUrlDecoder().decode(token.substring(0, first)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) { // not Base64, not a number
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
