package org.microsmartgrid.console.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides one request: let the installer in, ask for credentials, or refuse because the address is locked out.
 * Pure of HTTP (the component turns the decision into a response) and given its clock, so that tests can drive
 * the throttling through time.
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

        /** 429: too many failures from this address; try again after {@code retryAfter}. */
        record LockedOut(Duration retryAfter) implements Decision {
        }
    }

    private final InstallerAccounts accounts;
    private final LoginThrottle throttle;
    private final VerifiedCredentials verified;
    private final Clock clock;
    /** Checked for unknown users, so that a wrong name costs as much time as a wrong password. */
    private final PasswordHash decoy;

    public Authenticator(AuthSettings settings, Clock clock, SecureRandom random) {
        this.accounts = settings.accounts();
        this.throttle = new LoginThrottle(settings.failuresBeforeLockout(), settings.lockout(), settings.maxLockout());
        this.verified = new VerifiedCredentials(settings.verifiedCache(), random);
        this.clock = clock;
        int iterations = accounts.all().values().stream().mapToInt(PasswordHash::iterations).max()
                .orElse(PasswordHash.MIN_ITERATIONS);
        this.decoy = PasswordHash.create("decoy".toCharArray(), iterations, random);
    }

    /**
     * @param address             the client's address, the unit of throttling
     * @param authorizationHeader the Authorization header, or null
     */
    public Decision authenticate(String address, String authorizationHeader) {
        Instant now = clock.instant();
        Optional<Duration> locked = throttle.lockedFor(address, now);
        if (locked.isPresent()) return new Decision.LockedOut(roundUp(locked.get()));
        if (authorizationHeader == null || authorizationHeader.isBlank()) return new Decision.Challenge(false);

        Optional<BasicCredentials> credentials = BasicCredentials.parse(authorizationHeader);
        if (credentials.isEmpty()) return failure(address, null, now);
        BasicCredentials c = credentials.get();
        try {
            Optional<PasswordHash> hash = accounts.hashOf(c.user());
            if (hash.isEmpty()) {
                decoy.matches(c.password());
                return failure(address, null, now);
            }
            if (verified.matches(c.user(), c.password(), now)) {
                throttle.succeeded(address);
                return new Decision.Granted(c.user());
            }
            if (!hash.get().matches(c.password())) return failure(address, c.user(), now);
            verified.remember(c.user(), c.password(), now);
            throttle.succeeded(address);
            LOG.info("Installer console: installer '{}' logged in from {}", c.user(), address);
            return new Decision.Granted(c.user());
        } finally {
            c.wipe();
        }
    }

    /** @param knownUser the configured user whose password was wrong; null for an unknown name (never logged) */
    private Decision failure(String address, String knownUser, Instant now) {
        Optional<Duration> lock = throttle.failed(address, now);
        String who = knownUser == null ? "an unknown user name" : "installer '" + knownUser + "'";
        if (lock.isPresent()) {
            LOG.warn("Installer console: {} failed logins in a row from {} (last for {}); this address is locked out for {} s",
                    throttle.failures(address, now), address, who, lock.get().toSeconds());
            return new Decision.LockedOut(roundUp(lock.get()));
        }
        LOG.info("Installer console: failed login from {} for {} ({} of {} before lock-out)",
                address, who, throttle.failures(address, now), throttle.failuresBeforeLockout());
        return new Decision.Challenge(true);
    }

    private static Duration roundUp(Duration d) {
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
