package org.microsmartgrid.console.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides one request: let the installer in, ask for credentials, or make it wait. Pure of HTTP (the component
 * turns the decision into a response) and given its clock, so that tests can drive the throttling through time.
 * <p>
 * Throttling follows OWASP's Authentication Cheat Sheet: it slows guessing down instead of locking the owner out.
 * Failures are counted per account <em>and</em> address (one count per address for unknown names), so a script
 * guessing another name from the same NAT or SSH tunnel does not touch the installer's account; and a browser in
 * which the installer has logged in before carries a {@link DeviceCookies device cookie} and is counted on its own,
 * so even a script guessing the installer's own name from the same address does not slow the installer down.
 */
public final class Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    /** What to do with a request. */
    public sealed interface Decision {
        /** The installer may go on. */
        record Granted(String user) implements Decision {
        }

        /** 401 with a Basic challenge: no credentials, or wrong ones. */
        record Challenge(boolean failed) implements Decision {
        }

        /** 429: too many failures for this account from this address (or this browser); retry after {@code retryAfter}. */
        record LockedOut(Duration retryAfter) implements Decision {
        }
    }

    private final InstallerAccounts accounts;
    private final DeviceCookies devices;
    private final LoginThrottle throttle;
    private final VerifiedCredentials verified;
    private final Clock clock;
    /** Checked for unknown users, so that a wrong name costs as much time as a wrong password. */
    private final PasswordHash decoy;
    /** For the log: which page ("Installer console") and what its users are called ("installer"). */
    private final String page;
    private final String noun;

    public Authenticator(AuthSettings settings, Clock clock, SecureRandom random) {
        this(settings, clock, random, "Installer console", "installer");
    }

    /**
     * @param page what the log calls the page, e.g. "Host page"
     * @param noun what the log calls its users, e.g. "user"
     */
    public Authenticator(AuthSettings settings, Clock clock, SecureRandom random, String page, String noun) {
        this.page = page;
        this.noun = noun;
        this.accounts = settings.accounts();
        this.throttle = new LoginThrottle(settings.failuresBeforeLockout(), settings.lockout(), settings.maxLockout());
        this.verified = new VerifiedCredentials(settings.verifiedCache(), random);
        this.devices = new DeviceCookies(random);
        this.clock = clock;
        int iterations = accounts.all().values().stream().mapToInt(PasswordHash::iterations).max()
                .orElse(PasswordHash.MIN_ITERATIONS);
        this.decoy = PasswordHash.create("decoy".toCharArray(), iterations, random);
    }

    /** A request without a device cookie. */
    public Decision authenticate(String address, String authorizationHeader) {
        return authenticate(address, authorizationHeader, null);
    }

    /**
     * @param address             the client's address
     * @param authorizationHeader the Authorization header, or null
     * @param deviceCookie        the value of the {@link DeviceCookies#NAME} cookie, or null
     */
    public Decision authenticate(String address, String authorizationHeader, String deviceCookie) {
        Instant now = clock.instant();
        if (authorizationHeader == null || authorizationHeader.isBlank()) return new Decision.Challenge(false);

        Optional<BasicCredentials> credentials = BasicCredentials.parse(authorizationHeader);
        if (credentials.isEmpty()) return throttledOrFailure(unknownKey(address), address, null, now);
        BasicCredentials c = credentials.get();
        try {
            Optional<PasswordHash> hash = accounts.hashOf(c.user());
            String key = hash.isEmpty() ? unknownKey(address) : key(c.user(), address, deviceCookie, now);
            Optional<Duration> locked = throttle.lockedFor(key, now);
            // waiting: refused without checking the password (no guessing, and no PBKDF2 work to burn the CPU)
            if (locked.isPresent()) return new Decision.LockedOut(roundUp(locked.get()));
            if (hash.isEmpty()) {
                decoy.matches(c.password());
                return failure(key, address, null, now);
            }
            if (verified.matches(c.user(), c.password(), now)) {
                throttle.succeeded(key);
                return new Decision.Granted(c.user());
            }
            if (!hash.get().matches(c.password())) return failure(key, address, c.user(), now);
            verified.remember(c.user(), c.password(), now);
            throttle.succeeded(key);
            LOG.info("{}: {} '{}' logged in from {}", page, noun, c.user(), address);
            return new Decision.Granted(c.user());
        } finally {
            c.wipe();
        }
    }

    /** A new device cookie for a browser where {@code user} was just granted, unless it carries a valid one. */
    public Optional<String> deviceCookieFor(String user, String presented) {
        Instant now = clock.instant();
        if (presented != null && devices.verify(presented, now).filter(user::equals).isPresent()) return Optional.empty();
        return Optional.of(devices.issue(user, now));
    }

    /** The throttling key: this browser when it is the installer's known one, else the account at this address. */
    private String key(String user, String address, String deviceCookie, Instant now) {
        if (deviceCookie != null && devices.verify(deviceCookie, now).filter(user::equals).isPresent())
            return "device " + deviceCookie;
        return "account " + user + " @ " + address;
    }

    private static String unknownKey(String address) {
        return "unknown names @ " + address;
    }

    private Decision throttledOrFailure(String key, String address, String knownUser, Instant now) {
        Optional<Duration> locked = throttle.lockedFor(key, now);
        if (locked.isPresent()) return new Decision.LockedOut(roundUp(locked.get()));
        return failure(key, address, knownUser, now);
    }

    /** @param knownUser the configured user whose password was wrong; null for an unknown name (never logged) */
    private Decision failure(String key, String address, String knownUser, Instant now) {
        Optional<Duration> lock = throttle.failed(key, now);
        String who = knownUser == null ? "unknown user names" : noun + " '" + knownUser + "'";
        if (lock.isPresent()) {
            LOG.warn("{}: {} failed logins in a row from {} for {}; further attempts for it from there "
                    + "wait {} s (other accounts, and the {}'s known browsers, are not slowed down)",
                    page, throttle.failures(key, now), address, who, lock.get().toSeconds(), noun);
            return new Decision.LockedOut(roundUp(lock.get()));
        }
        LOG.info("{}: failed login from {} for {} ({} of {} before attempts are slowed down)",
                page, address, who, throttle.failures(key, now), throttle.failuresBeforeLockout());
        return new Decision.Challenge(true);
    }

    private static Duration roundUp(Duration d) {
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
