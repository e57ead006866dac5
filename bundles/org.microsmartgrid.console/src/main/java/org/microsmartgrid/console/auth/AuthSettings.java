package org.microsmartgrid.console.auth;

import java.time.Duration;

/**
 * The validated configuration of the installer login. {@link #validate} is where a bad configuration is refused,
 * with a message naming the property; the message never contains a configured hash or password.
 */
public record AuthSettings(InstallerAccounts accounts, int failuresBeforeLockout, Duration lockout,
                           Duration maxLockout, Duration verifiedCache) {

    public static AuthSettings validate(String[] users, int failuresBeforeLockout, int lockoutSeconds,
                                        int lockoutMaxSeconds, int verifiedCacheSeconds) {
        InstallerAccounts accounts = InstallerAccounts.parse("users", users);
        range("failuresBeforeLockout", failuresBeforeLockout, 1, 100);
        range("lockoutSeconds", lockoutSeconds, 1, 3600);
        range("lockoutMaxSeconds", lockoutMaxSeconds, 1, 86400);
        if (lockoutMaxSeconds < lockoutSeconds)
            throw new IllegalArgumentException("property 'lockoutMaxSeconds' is " + lockoutMaxSeconds
                    + ", it must not be less than 'lockoutSeconds' (" + lockoutSeconds + ")");
        range("verifiedCacheSeconds", verifiedCacheSeconds, 0, 3600);
        return new AuthSettings(accounts, failuresBeforeLockout, Duration.ofSeconds(lockoutSeconds),
                Duration.ofSeconds(lockoutMaxSeconds), Duration.ofSeconds(verifiedCacheSeconds));
    }

    private static void range(String property, int value, int min, int max) {
        if (value < min || value > max)
            throw new IllegalArgumentException("property '" + property + "' is " + value + ", it must be " + min + ".." + max);
    }
}
