package org.microsmartgrid.city.people.listing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.ApiError;

/**
 * Photos of a listed point: uploaded by its owner, re-encoded ({@link PhotoImages}), shown to the public only once a
 * moderator approved the photo and the point is public. Every decision is audited.
 */
public final class Photos {

    public enum Status { PENDING, APPROVED, REJECTED }

    public record Photo(String id, String listingId, String ownerId, Status status, int width, int height, long created) {
    }

    static final int MAX_PER_LISTING = 8;
    private static final String COLUMNS = "id, listing_id, owner_id, status, width, height, created";

    private final Db db;
    private final Listings listings;
    private final AuditLog audit;
    private final Clock clock;

    public Photos(Db db, Listings listings, AuditLog audit, Clock clock) {
        this.db = db;
        this.listings = listings;
        this.audit = audit;
        this.clock = clock;
    }

    public Photo add(Account owner, String listingId, byte[] upload) {
        Listing l = listings.owned(owner, listingId);
        if (l.status() == Enums.Status.WITHDRAWN) throw ApiError.conflict("punto ritirato / point withdrawn");
        if (db.count("SELECT COUNT(*) FROM photo WHERE listing_id = ? AND status <> 'REJECTED'", listingId) >= MAX_PER_LISTING)
            throw ApiError.conflict("al massimo " + MAX_PER_LISTING + " foto per punto / at most " + MAX_PER_LISTING + " photos per point");
        PhotoImages.Encoded e = PhotoImages.reencode(upload);
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        db.update("INSERT INTO photo (id, listing_id, owner_id, status, width, height, jpeg, created) VALUES (?, ?, ?, 'PENDING', ?, ?, ?, ?)",
                id, listingId, owner.id(), e.width(), e.height(), e.jpeg(), now);
        return new Photo(id, listingId, owner.id(), Status.PENDING, e.width(), e.height(), now);
    }

    /** The photo's JPEG if the caller may see it: the public only approved photos of public points. */
    public Optional<byte[]> jpeg(String id, Account caller) {
        Optional<Photo> p = get(id);
        if (p.isEmpty()) return Optional.empty();
        boolean staff = caller != null && (caller.has(Role.MODERATOR) || caller.has(Role.OPERATOR));
        boolean owner = caller != null && caller.id().equals(p.get().ownerId());
        boolean visible = p.get().status() == Status.APPROVED && listings.get(p.get().listingId())
                .map(l -> l.status() == Enums.Status.APPROVED).orElse(false);
        if (!visible && !staff && !owner) return Optional.empty();
        return db.one("SELECT jpeg FROM photo WHERE id = ?", rs -> rs.getBytes(1), id);
    }

    public Optional<Photo> get(String id) {
        return db.one("SELECT " + COLUMNS + " FROM photo WHERE id = ?", Photos::read, id);
    }

    public List<Photo> ofListing(String listingId) {
        return db.list("SELECT " + COLUMNS + " FROM photo WHERE listing_id = ? ORDER BY created", Photos::read, listingId);
    }

    /** Photos the public sees for a point (a listed point's id is its registry id). */
    public List<Photo> publicOf(String pointId) {
        return db.list("SELECT p.id, p.listing_id, p.owner_id, p.status, p.width, p.height, p.created FROM photo p "
                + "JOIN listing l ON l.id = p.listing_id WHERE p.listing_id = ? AND p.status = 'APPROVED' "
                + "AND l.status = 'APPROVED' ORDER BY p.created", Photos::read, pointId);
    }

    public List<Photo> pending() {
        return db.list("SELECT " + COLUMNS + " FROM photo WHERE status = 'PENDING' ORDER BY created", Photos::read);
    }

    public void delete(Account owner, String id) {
        Photo p = get(id).filter(x -> owner.id().equals(x.ownerId()))
                .orElseThrow(() -> ApiError.notFound("nessuna foto tua / no photo of yours"));
        db.update("DELETE FROM photo WHERE id = ?", p.id());
    }

    public Photo decide(Account moderator, String id, boolean approve, String reason) {
        Photo p = get(id).orElseThrow(() -> ApiError.notFound("nessuna foto / no such photo"));
        if (moderator.id().equals(p.ownerId())) throw ApiError.forbidden("la propria foto / one's own photo");
        if (p.status() != Status.PENDING) throw ApiError.conflict("già decisa / already decided");
        Status s = approve ? Status.APPROVED : Status.REJECTED;
        db.update("UPDATE photo SET status = ? WHERE id = ?", s.name(), id);
        audit.record(moderator.id(), approve ? "PHOTO_APPROVED" : "PHOTO_REJECTED", "photo:" + id, reason);
        return new Photo(p.id(), p.listingId(), p.ownerId(), s, p.width(), p.height(), p.created());
    }

    static Photo read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Photo(rs.getString(1), rs.getString(2), rs.getString(3), Status.valueOf(rs.getString(4)),
                rs.getInt(5), rs.getInt(6), rs.getLong(7));
    }
}
