package org.microsmartgrid.console.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The installers who may log in: the {@code users} property, one {@code name:<hash>} entry each. Parsing refuses
 * an empty list, a malformed entry and a duplicate name, so a mistake never leaves the console open.
 */
public final class InstallerAccounts {
    /** Letters, digits and . _ @ -: safe in a Basic header, in a log line and in a relay command's source. */
    public static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final Map<String, PasswordHash> accounts;

    private InstallerAccounts(Map<String, PasswordHash> accounts) {
        this.accounts = Collections.unmodifiableMap(accounts);
    }

    /**
     * @param property the property name, for the messages
     * @param entries  the configured entries; blank ones are skipped (an empty row left in the web console's form)
     */
    public static InstallerAccounts parse(String property, String[] entries) {
        Map<String, PasswordHash> accounts = new LinkedHashMap<>();
        if (entries != null) {
            for (int i = 0; i < entries.length; i++) {
                String entry = entries[i] == null ? "" : entries[i].strip();
                if (entry.isEmpty()) continue;
                String where = property + "[" + i + "]";
                int colon = entry.indexOf(':');
                if (colon < 0)
                    throw new IllegalArgumentException(where + " is not of the form name:" + PasswordHash.SCHEME + "$...");
                String name = entry.substring(0, colon).strip();
                if (!NAME_PATTERN.matcher(name).matches())
                    throw new IllegalArgumentException(where + ": the user name must be 1 to 64 letters, digits or . _ @ -");
                PasswordHash hash;
                try {
                    hash = PasswordHash.parse(entry.substring(colon + 1));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + " (user '" + name + "'): " + e.getMessage());
                }
                if (accounts.putIfAbsent(name, hash) != null)
                    throw new IllegalArgumentException(where + ": user '" + name + "' is configured twice");
            }
        }
        if (accounts.isEmpty())
            throw new IllegalArgumentException("no installer account in '" + property
                    + "': add at least one name:hash line made with HashPassword; there is no default account");
        return new InstallerAccounts(accounts);
    }

    /**
     * The accounts of both lists, for a page with two kinds of users (the building's hosts and members).
     *
     * @throws IllegalArgumentException a name is in both lists
     */
    public static InstallerAccounts union(InstallerAccounts a, InstallerAccounts b) {
        Map<String, PasswordHash> all = new LinkedHashMap<>(a.accounts);
        for (Map.Entry<String, PasswordHash> e : b.accounts.entrySet())
            if (all.putIfAbsent(e.getKey(), e.getValue()) != null)
                throw new IllegalArgumentException("user '" + e.getKey() + "' is configured twice");
        return new InstallerAccounts(all);
    }

    public Optional<PasswordHash> hashOf(String name) {
        return Optional.ofNullable(accounts.get(name));
    }

    public Map<String, PasswordHash> all() {
        return accounts;
    }

    public int size() {
        return accounts.size();
    }
}
