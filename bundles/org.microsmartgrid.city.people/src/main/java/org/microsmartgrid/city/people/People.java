package org.microsmartgrid.city.people;

import java.time.Clock;
import java.util.List;

import org.microsmartgrid.city.people.account.Accounts;
import org.microsmartgrid.city.people.account.PasswordHasher;
import org.microsmartgrid.city.people.driver.CheckIns;
import org.microsmartgrid.city.people.driver.Faults;
import org.microsmartgrid.city.people.driver.Favourites;
import org.microsmartgrid.city.people.driver.Points;
import org.microsmartgrid.city.people.driver.Reputation;
import org.microsmartgrid.city.people.driver.Reviews;
import org.microsmartgrid.city.people.driver.Rewards;
import org.microsmartgrid.city.people.driver.SolarStarts;
import org.microsmartgrid.city.people.listing.AuditLog;
import org.microsmartgrid.city.ingest.ClaimHashes;
import org.microsmartgrid.city.people.listing.Claims;
import org.microsmartgrid.city.people.listing.Listings;
import org.microsmartgrid.city.people.listing.Photos;
import org.microsmartgrid.city.people.listing.Promotions;
import org.microsmartgrid.city.people.mail.Mailer;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.PeopleApi;
import org.microsmartgrid.city.people.web.PeopleServlet;
import org.microsmartgrid.city.registry.Registry;

/** Wires the parts together (the OSGi component and the tests build the same thing). */
public final class People {

    private final Accounts accounts;
    private final PeopleServlet servlet;
    private final SolarStarts solarStarts;

    public People(Db db, Registry registry, Mailer mailer, PasswordHasher hasher, String publicUrl,
                  int mailsPerAddressPerHour, Clock clock) {
        this(db, registry, mailer, hasher, publicUrl, mailsPerAddressPerHour, clock, (f, l) -> { });
    }

    /** @param faultReported told of every fault report with its point (a module's point: for its technicians) */
    public People(Db db, Registry registry, Mailer mailer, PasswordHasher hasher, String publicUrl,
                  int mailsPerAddressPerHour, Clock clock,
                  java.util.function.BiConsumer<Faults.Fault, org.microsmartgrid.city.registry.Location> faultReported) {
        this(db, registry, mailer, hasher, publicUrl, mailsPerAddressPerHour, clock, faultReported, hash -> List.of());
    }

    /** @param moduleCodes which module publishes which claim hash (the city's ingest), for claims with a module's code */
    public People(Db db, Registry registry, Mailer mailer, PasswordHasher hasher, String publicUrl,
                  int mailsPerAddressPerHour, Clock clock,
                  java.util.function.BiConsumer<Faults.Fault, org.microsmartgrid.city.registry.Location> faultReported,
                  ClaimHashes moduleCodes) {
        this(db, registry, mailer, hasher, publicUrl, mailsPerAddressPerHour, clock, faultReported, moduleCodes,
                java.util.Optional::empty, java.util.Optional::empty);
    }

    /**
     * @param doorCodes    the modules' door codes through the city's broker (none: "use the console")
     * @param moduleStarts the city broker's start channel, for drivers starting from the map (empty: 504)
     */
    public People(Db db, Registry registry, Mailer mailer, PasswordHasher hasher, String publicUrl,
                  int mailsPerAddressPerHour, Clock clock,
                  java.util.function.BiConsumer<Faults.Fault, org.microsmartgrid.city.registry.Location> faultReported,
                  ClaimHashes moduleCodes,
                  java.util.function.Supplier<java.util.Optional<org.microsmartgrid.city.broker.doorcodes.ModuleDoorCodes>> doorCodes,
                  java.util.function.Supplier<java.util.Optional<org.microsmartgrid.city.broker.charging.ModuleStarts>> moduleStarts) {
        this(db, registry, mailer, hasher, publicUrl, mailsPerAddressPerHour, clock, faultReported, moduleCodes, doorCodes,
                moduleStarts, java.util.Optional::empty);
    }

    /** @param doorList the doors the modules told the city, for their points' owners (empty: none listed) */
    public People(Db db, Registry registry, Mailer mailer, PasswordHasher hasher, String publicUrl,
                  int mailsPerAddressPerHour, Clock clock,
                  java.util.function.BiConsumer<Faults.Fault, org.microsmartgrid.city.registry.Location> faultReported,
                  ClaimHashes moduleCodes,
                  java.util.function.Supplier<java.util.Optional<org.microsmartgrid.city.broker.doorcodes.ModuleDoorCodes>> doorCodes,
                  java.util.function.Supplier<java.util.Optional<org.microsmartgrid.city.broker.charging.ModuleStarts>> moduleStarts,
                  java.util.function.Supplier<java.util.Optional<org.microsmartgrid.city.broker.doorcodes.ModuleDoorList>> doorList) {
        this.accounts = new Accounts(db, hasher, mailer, publicUrl, mailsPerAddressPerHour, clock);
        AuditLog audit = new AuditLog(db, clock);
        Listings listings = new Listings(db, registry, audit, clock);
        Claims claims = new Claims(db, registry, audit, clock, moduleCodes);
        Points points = new Points(registry);
        CheckIns checkIns = new CheckIns(db, points, clock);
        PeopleApi api = new PeopleApi(db, accounts, listings, audit, checkIns,
                new Reviews(db, points, checkIns, audit, clock), new Faults(db, points, clock, faultReported),
                new Favourites(db, points, clock), new Reputation(db), claims,
                new Photos(db, listings, audit, clock), new Promotions(db, listings, claims, audit, clock),
                new Rewards(db, listings, claims, clock));
        this.solarStarts = new SolarStarts(db, points, moduleStarts, clock);
        api.withSolarStarts(solarStarts);
        List<org.microsmartgrid.city.people.web.Route> routes = new java.util.ArrayList<>(api.routes());
        routes.addAll(new org.microsmartgrid.city.people.web.OwnerDoorCodes(claims, registry, audit, doorCodes, doorList)
                .routes());
        this.servlet = new PeopleServlet(routes, accounts);
    }

    public Accounts accounts() {
        return accounts;
    }

    /** Told of the ingest's session records (a TelemetryObserver in the runtime): points for solar charging. */
    public SolarStarts solarStarts() {
        return solarStarts;
    }

    public PeopleServlet servlet() {
        return servlet;
    }
}
