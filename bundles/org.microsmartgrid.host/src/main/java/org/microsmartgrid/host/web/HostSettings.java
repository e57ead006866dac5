package org.microsmartgrid.host.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import org.microsmartgrid.console.auth.AuthSettings;
import org.microsmartgrid.console.auth.InstallerAccounts;
import org.microsmartgrid.host.energy.Prices;

/**
 * The validated configuration of the host page. A mistake refuses the whole configuration (the page then closes),
 * with a message naming the property and never a hash.
 *
 * @param auth        the accounts of hosts and members together, with the console's throttling defaults
 * @param hosts       the names that may change things
 * @param prices      grid prices per band and the export price
 * @param allowDisable the host may disable and enable sockets
 * @param allowMode    the host may change an open session's mode (NOW, SOLAR_ONLY)
 * @param allowCap     the host may set a temporary cap on the grid import
 * @param capMinW      the lowest cap the host may set, W
 * @param capMaxMinutes the longest a host's cap may last
 */
public record HostSettings(AuthSettings auth, Set<String> hosts, Prices prices, boolean allowDisable, boolean allowMode,
                           boolean allowCap, double capMinW, int capMaxMinutes) {

    public static HostSettings validate(HostPageConfig c) {
        InstallerAccounts hosts = InstallerAccounts.parse("hosts", c.hosts());
        boolean anyMember = c.members() != null && Arrays.stream(c.members()).anyMatch(m -> m != null && !m.isBlank());
        InstallerAccounts all = anyMember ? InstallerAccounts.union(hosts, InstallerAccounts.parse("members", c.members())) : hosts;
        if (!(c.export_price_eur_kwh() >= 0 && c.export_price_eur_kwh() <= 10))
            throw new IllegalArgumentException("export.price.eur.kwh must be 0..10, got " + c.export_price_eur_kwh());
        if (!(c.cap_min_w() > 0 && c.cap_min_w() < 1_000_000))
            throw new IllegalArgumentException("cap.min.w must be > 0 W, got " + c.cap_min_w());
        if (c.cap_max_minutes() < 1 || c.cap_max_minutes() > 1440)
            throw new IllegalArgumentException("cap.max.minutes must be 1..1440, got " + c.cap_max_minutes());
        Prices prices = new Prices(Prices.parseBands("grid.price.eur.kwh", c.grid_price_eur_kwh()), c.export_price_eur_kwh());
        // the console's defaults: 5 failures, then 60 s doubling up to 15 min; a verified password kept 10 min
        AuthSettings auth = new AuthSettings(all, 5, Duration.ofSeconds(60), Duration.ofMinutes(15), Duration.ofMinutes(10));
        return new HostSettings(auth, Set.copyOf(hosts.all().keySet()), prices, c.allow_disable(), c.allow_mode(),
                c.allow_cap(), c.cap_min_w(), c.cap_max_minutes());
    }

    public boolean isHost(String user) {
        return hosts.contains(user);
    }
}
