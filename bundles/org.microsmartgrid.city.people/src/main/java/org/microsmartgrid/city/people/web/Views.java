package org.microsmartgrid.city.people.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.driver.CheckIns;
import org.microsmartgrid.city.people.driver.Faults;
import org.microsmartgrid.city.people.driver.Reputation;
import org.microsmartgrid.city.people.driver.Reviews;
import org.microsmartgrid.city.people.listing.AuditLog;
import org.microsmartgrid.city.people.listing.Listing;

/** The JSON shapes of the API (docs/people.md). Times are RFC 3339 UTC strings. */
public final class Views {

    private Views() {
    }

    static String time(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }

    public static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("email", a.email());
        m.put("display_name", a.displayName());
        m.put("roles", a.roles().stream().map(Enum::name).sorted().toList());
        m.put("verified", a.verified());
        m.put("created", time(a.created()));
        return m;
    }

    public static Map<String, Object> listing(Listing l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("status", l.status().name());
        m.put("reject_reason", l.rejectReason());
        m.put("name", l.name());
        m.put("address", l.address());
        m.put("city", l.city());
        m.put("latitude", l.latitude());
        m.put("longitude", l.longitude());
        m.put("location_precision", l.precision().name());
        m.put("operator_type", l.operatorType().name());
        m.put("vehicle_classes", l.vehicleClasses().stream().map(Enum::name).sorted().toList());
        m.put("facilities", l.facilities().stream().map(Enum::name).sorted().toList());
        m.put("opening_hours", l.openingHours());
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("kind", l.priceKind().name());
        price.put("amount_cents", l.priceCents());
        m.put("price", price);
        m.put("description", l.description());
        m.put("sockets", l.sockets().stream().map(s -> Map.of("connector", s.connector().name(), "power_w", s.powerW())).toList());
        m.put("created", time(l.created()));
        m.put("updated", time(l.updated()));
        return m;
    }

    public static Map<String, Object> checkIn(CheckIns.CheckIn c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("point_id", c.pointId());
        m.put("outcome", c.outcome().name());
        m.put("reason", c.reason() == null ? null : c.reason().name());
        m.put("comment", c.comment());
        m.put("at", time(c.at()));
        return m;
    }

    /** A review as the public sees it: no author (a review is signed by nobody in public: personal data). */
    public static Map<String, Object> review(Reviews.Review r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("point_id", r.pointId());
        m.put("rating", r.rating());
        m.put("comment", r.comment());
        m.put("status", r.status().name());
        m.put("at", time(r.at()));
        return m;
    }

    public static Map<String, Object> report(Reviews.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("review_id", r.reviewId());
        m.put("reason", r.reason());
        m.put("at", time(r.at()));
        return m;
    }

    public static Map<String, Object> fault(Faults.Fault f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("point_id", f.pointId());
        m.put("kind", f.kind().name());
        m.put("description", f.description());
        m.put("status", f.status());
        m.put("at", time(f.at()));
        return m;
    }

    public static Map<String, Object> reputation(String pointId, Reputation.Score s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("point_id", pointId);
        scores(m, s);
        m.put("formula", "score = (" + Reputation.PRIOR_WEIGHT + "·" + Reputation.PRIOR_MEAN + " + Σ rating) / ("
                + Reputation.PRIOR_WEIGHT + " + n); reliability = (charged + 1) / (checkins + 2)");
        return m;
    }

    /** What a module point's owner set about it, as the registry now has it. */
    public static Map<String, Object> pointDetails(org.microsmartgrid.city.registry.Location l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("location_id", l.id());
        m.put("vehicle_classes", l.vehicleClasses().stream().map(Enum::name).sorted().toList());
        m.put("facilities", l.facilities().stream().sorted().toList());
        m.put("opening_hours", l.openingHours());
        m.put("free_of_charge", l.freeOfCharge());
        m.put("price_text", l.priceText());
        return m;
    }

    private static void scores(Map<String, Object> m, Reputation.Score s) {
        m.put("ratings", s.ratings());
        m.put("mean", s.mean());
        m.put("score", s.score());
        m.put("checkins", s.checkins());
        m.put("charged", s.charged());
        m.put("reliability", s.reliability());
    }

    /** A provider's reputation: never who the provider is (no id, no name), only how its points fare. */
    public static Map<String, Object> providerReputation(String pointId, Reputation.ProviderScore p) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (pointId != null) m.put("point_id", pointId);
        m.put("points", p.points());
        scores(m, p.score());
        m.put("formula", "over every point of the provider: score = (" + Reputation.PRIOR_WEIGHT + "·"
                + Reputation.PRIOR_MEAN + " + Σ rating) / (" + Reputation.PRIOR_WEIGHT
                + " + n); reliability = (charged + 1) / (checkins + 2)");
        return m;
    }

    public static Map<String, Object> photo(org.microsmartgrid.city.people.listing.Photos.Photo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("listing_id", p.listingId());
        m.put("status", p.status().name());
        m.put("width", p.width());
        m.put("height", p.height());
        m.put("url", "/api/v1/photos/" + p.id());
        m.put("created", time(p.created()));
        return m;
    }

    public static Map<String, Object> promotion(org.microsmartgrid.city.people.listing.Promotions.Promotion p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("point_id", p.pointId());
        m.put("text", p.text());
        m.put("valid_from", time(p.validFrom()));
        m.put("valid_until", time(p.validUntil()));
        m.put("status", p.status().name());
        m.put("points_cost", p.pointsCost());
        return m;
    }

    public static Map<String, Object> points(org.microsmartgrid.city.people.driver.Rewards.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("delta", e.delta());
        m.put("reason", e.reason());
        m.put("ref", e.ref());
        m.put("at", time(e.at()));
        return m;
    }

    public static Map<String, Object> audit(AuditLog.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", time(e.at()));
        m.put("actor_id", e.actorId());
        m.put("action", e.action());
        m.put("subject", e.subject());
        m.put("reason", e.reason());
        return m;
    }
}
