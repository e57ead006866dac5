package org.microsmartgrid.console.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps other web sites from switching relays through an installer's logged-in browser (cross-site request
 * forgery). The Felix Web Console 5.0.0 has no CSRF protection of its own, so a POST is accepted only
 * <ul>
 * <li>with the form token of this page (an HMAC of the installer's name under a key made at start), or</li>
 * <li>with an {@code Origin} header naming this host (browsers send it with every POST; "null" is refused), or,
 * without Origin, a {@code Referer} naming this host, or</li>
 * <li>with neither header: a client that is not a browser, such as curl, which sends its credentials on purpose.</li>
 * </ul>
 * The token lets the form work behind a reverse proxy that rewrites the Host header.
 */
public final class CsrfGuard {
    public static final String TOKEN_PARAMETER = "csrf";

    private final SecretKeySpec key;

    public CsrfGuard(SecureRandom random) {
        byte[] k = new byte[32];
        random.nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    public String tokenFor(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(("relays:" + user).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    /**
     * @return empty when the request may proceed, otherwise why it is refused
     */
    public Optional<String> refusal(String user, String token, String host, String origin, String referer) {
        if (token != null && MessageDigest.isEqual(tokenFor(user).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        if (origin != null) {
            return sameHost(origin, host) ? Optional.empty()
                    : Optional.of("Richiesta da un'altra origine / Request from another origin: " + origin);
        }
        if (referer != null) {
            return sameHost(referer, host) ? Optional.empty()
                    : Optional.of("Richiesta da un'altra pagina / Request from another site's page");
        }
        return Optional.empty();
    }

    /** Whether the URL (an Origin or a Referer) names the host (and port, when the Host header has one). */
    static boolean sameHost(String url, String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank() || url.equals("null")) return false;
        try {
            URI target = URI.create(url);
            URI self = URI.create("http://" + hostHeader.strip());
            if (target.getHost() == null || self.getHost() == null) return false;
            if (!target.getHost().toLowerCase(Locale.ROOT).equals(self.getHost().toLowerCase(Locale.ROOT))) return false;
            if (self.getPort() < 0) return true; // no port in Host: a proxy on the default port; the host decides
            int port = target.getPort() >= 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
            return port == self.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
