package org.microsmartgrid.city.people.listing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.listing.Enums.ConnectorStandard;
import org.microsmartgrid.city.people.listing.Enums.Facility;
import org.microsmartgrid.city.people.listing.Enums.PriceKind;
import org.microsmartgrid.city.people.listing.Enums.Precision;
import org.microsmartgrid.city.people.listing.Enums.Status;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.ApiError;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.registry.VehicleClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listings of plain sockets and their moderation: a new or changed listing is PENDING until a moderator approves it
 * (then it is in the registry, not monitored) or rejects it with a reason. Every decision goes to the audit log.
 * Another person's listing is "not found" to the caller: its existence is not disclosed.
 */
public final class Listings {

    private static final Logger LOG = LoggerFactory.getLogger(Listings.class);
    /** How many listings one account may have waiting for moderation at once. */
    static final int MAX_PENDING = 5;
    private static final String COLUMNS = "id, owner_id, status, name, address, city, latitude, longitude, "
            + "precision_level, operator_type, vehicle_classes, facilities, opening_hours, price_kind, price_cents, "
            + "description, sockets, reject_reason, created, updated";

    private final Db db;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;

    public Listings(Db db, Registry registry, AuditLog audit, Clock clock) {
        this.db = db;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    public Listing create(Account owner, ListingInput in) {
        if (db.count("SELECT COUNT(*) FROM listing WHERE owner_id = ? AND status = 'PENDING'", owner.id()) >= MAX_PENDING)
            throw ApiError.tooMany("già " + MAX_PENDING + " punti in attesa di moderazione / already " + MAX_PENDING
                    + " points waiting for moderation");
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        db.update("INSERT INTO listing (" + COLUMNS + ") VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                id, owner.id(), in.name(), in.address(), in.city(), in.latitude(), in.longitude(), in.precision().name(),
                in.operatorType().name(), names(in.vehicleClasses()), names(in.facilities()), in.openingHours(),
                in.priceKind().name(), in.priceCents(), in.description(), sockets(in.sockets()), now, now);
        LOG.info("listing {} created by account {}", id, owner.id());
        return get(id).orElseThrow();
    }

    /** The owner changes the listing: it goes back to moderation; the last approved version stays public meanwhile. */
    public Listing update(Account owner, String id, ListingInput in) {
        Listing l = owned(owner, id);
        if (l.status() == Status.WITHDRAWN) throw ApiError.conflict("punto ritirato / point withdrawn");
        db.update("UPDATE listing SET status = 'PENDING', name = ?, address = ?, city = ?, latitude = ?, longitude = ?, "
                + "precision_level = ?, operator_type = ?, vehicle_classes = ?, facilities = ?, opening_hours = ?, "
                + "price_kind = ?, price_cents = ?, description = ?, sockets = ?, reject_reason = NULL, updated = ? WHERE id = ?",
                in.name(), in.address(), in.city(), in.latitude(), in.longitude(), in.precision().name(),
                in.operatorType().name(), names(in.vehicleClasses()), names(in.facilities()), in.openingHours(),
                in.priceKind().name(), in.priceCents(), in.description(), sockets(in.sockets()), clock.millis(), id);
        return get(id).orElseThrow();
    }

    /** The owner takes the point off the map. */
    public Listing withdraw(Account owner, String id) {
        Listing l = owned(owner, id);
        retire(l);
        return get(id).orElseThrow();
    }

    /** Takes a listing off the public registry (withdrawn by its owner, or its owner deleted the account). */
    public void retire(Listing l) {
        boolean wasPublic = l.status() == Status.APPROVED || registry.location(l.id()).isPresent();
        db.update("UPDATE listing SET status = 'WITHDRAWN', updated = ? WHERE id = ?", clock.millis(), l.id());
        if (wasPublic) registry.putUnmonitored(PublicPoint.retired(l, clock.millis()));
    }

    public List<Listing> ofOwner(String ownerId) {
        return db.list("SELECT " + COLUMNS + " FROM listing WHERE owner_id = ? ORDER BY created", Listings::read, ownerId);
    }

    public Optional<Listing> get(String id) {
        return db.one("SELECT " + COLUMNS + " FROM listing WHERE id = ?", Listings::read, id);
    }

    /** The caller's own listing, or "not found" (also when it exists but belongs to someone else). */
    public Listing owned(Account caller, String id) {
        return get(id).filter(l -> caller.id().equals(l.ownerId()))
                .orElseThrow(() -> ApiError.notFound("nessun punto tuo con questo id / no point of yours with this id"));
    }

    // ---- moderation --------------------------------------------------------------------------------------------

    public List<Listing> pending() {
        return db.list("SELECT " + COLUMNS + " FROM listing WHERE status = 'PENDING' ORDER BY updated", Listings::read);
    }

    public Listing approve(Account moderator, String id) {
        Listing l = pendingOne(id);
        if (moderator.id().equals(l.ownerId()))
            throw ApiError.forbidden("non si modera il proprio punto / one does not moderate one's own point");
        db.update("UPDATE listing SET status = 'APPROVED', reject_reason = NULL, updated = ? WHERE id = ?", clock.millis(), id);
        registry.putUnmonitored(PublicPoint.of(l, clock.millis()));
        audit.record(moderator.id(), "LISTING_APPROVED", "listing:" + id, null);
        LOG.info("listing {} approved by account {}", id, moderator.id());
        return get(id).orElseThrow();
    }

    public Listing reject(Account moderator, String id, String reason) {
        Listing l = pendingOne(id);
        if (moderator.id().equals(l.ownerId()))
            throw ApiError.forbidden("non si modera il proprio punto / one does not moderate one's own point");
        db.update("UPDATE listing SET status = 'REJECTED', reject_reason = ?, updated = ? WHERE id = ?", reason, clock.millis(), id);
        audit.record(moderator.id(), "LISTING_REJECTED", "listing:" + id, reason);
        LOG.info("listing {} rejected by account {}", id, moderator.id());
        return get(id).orElseThrow();
    }

    private Listing pendingOne(String id) {
        Listing l = get(id).orElseThrow(() -> ApiError.notFound("nessun punto / no such listing"));
        if (l.status() != Status.PENDING) throw ApiError.conflict("il punto non è in attesa / the listing is not pending: " + l.status());
        return l;
    }

    // ---- rows --------------------------------------------------------------------------------------------------

    private static String names(Set<? extends Enum<?>> set) {
        return set.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static String sockets(List<Listing.Socket> sockets) {
        return sockets.stream().map(s -> s.connector().name() + ":" + s.powerW()).collect(Collectors.joining(","));
    }

    static Listing read(ResultSet rs) throws SQLException {
        Set<VehicleClass> vehicles = EnumSet.noneOf(VehicleClass.class);
        for (String v : split(rs.getString(11))) vehicles.add(VehicleClass.valueOf(v));
        Set<Facility> facilities = EnumSet.noneOf(Facility.class);
        for (String f : split(rs.getString(12))) facilities.add(Facility.valueOf(f));
        List<Listing.Socket> sockets = split(rs.getString(17)).stream().map(s -> {
            String[] p = s.split(":");
            return new Listing.Socket(ConnectorStandard.valueOf(p[0]), Integer.parseInt(p[1]));
        }).toList();
        return new Listing(rs.getString(1), rs.getString(2), Status.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getDouble(7), rs.getDouble(8), Precision.valueOf(rs.getString(9)),
                OperatorType.valueOf(rs.getString(10)), vehicles, facilities, rs.getString(13),
                PriceKind.valueOf(rs.getString(14)), rs.getInt(15), rs.getString(16), sockets, rs.getString(18),
                rs.getLong(19), rs.getLong(20));
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }
}
