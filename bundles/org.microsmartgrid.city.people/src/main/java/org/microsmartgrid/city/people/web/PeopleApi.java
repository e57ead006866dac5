package org.microsmartgrid.city.people.web;

import static org.microsmartgrid.city.people.account.Role.BUSINESS;
import static org.microsmartgrid.city.people.account.Role.MODERATOR;
import static org.microsmartgrid.city.people.account.Role.MUNICIPALITY;
import static org.microsmartgrid.city.people.account.Role.OPERATOR;
import static org.microsmartgrid.city.people.account.Role.PROVIDER;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.account.Accounts;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.people.account.Session;
import org.microsmartgrid.city.people.driver.CheckIns;
import org.microsmartgrid.city.people.driver.Faults;
import org.microsmartgrid.city.people.driver.Favourites;
import org.microsmartgrid.city.people.driver.Reputation;
import org.microsmartgrid.city.people.driver.Reviews;
import org.microsmartgrid.city.people.driver.Rewards;
import org.microsmartgrid.city.people.listing.AuditLog;
import org.microsmartgrid.city.people.listing.Claims;
import org.microsmartgrid.city.people.listing.PointDetailsInput;
import org.microsmartgrid.city.people.listing.Photos;
import org.microsmartgrid.city.people.listing.Promotions;
import org.microsmartgrid.city.people.listing.Listing;
import org.microsmartgrid.city.people.listing.ListingInput;
import org.microsmartgrid.city.people.listing.Listings;
import org.microsmartgrid.city.people.store.Db;

/**
 * Every endpoint of people and power and who may call it: the route table is the authorization matrix
 * (docs/people.md). Roles: null = anyone; {} = any logged-in account; else one of the roles listed.
 */
public final class PeopleApi {

    static final String V1 = "/api/v1";
    private static final Set<Role> LISTERS = EnumSet.of(PROVIDER, BUSINESS);
    private static final Set<Role> MODERATION = EnumSet.of(MODERATOR);
    private static final Set<Role> AUDIT = EnumSet.of(MODERATOR, OPERATOR);
    private static final Set<Role> STATISTICS = EnumSet.of(MUNICIPALITY, OPERATOR);
    private static final Set<Role> ADMIN = EnumSet.of(OPERATOR);
    /** Roles an operator grants; CITIZEN every account has, PROVIDER anyone takes. */
    private static final Set<String> ROLE_FIELDS = Set.of("roles");

    private final Db db;
    private final Accounts accounts;
    private final Listings listings;
    private final AuditLog audit;
    private final CheckIns checkIns;
    private final Reviews reviews;
    private final Faults faults;
    private final Favourites favourites;
    private final Reputation reputation;
    private final Claims claims;
    private final Photos photos;
    private final Promotions promotions;
    private final Rewards rewards;
    /** Starts from the map and the points their solar energy earns; set once by {@link #withSolarStarts}. */
    private org.microsmartgrid.city.people.driver.SolarStarts solarStarts;

    public PeopleApi(Db db, Accounts accounts, Listings listings, AuditLog audit, CheckIns checkIns, Reviews reviews,
                     Faults faults, Favourites favourites, Reputation reputation, Claims claims, Photos photos,
                     Promotions promotions, Rewards rewards) {
        this.promotions = promotions;
        this.rewards = rewards;
        this.claims = claims;
        this.photos = photos;
        this.db = db;
        this.accounts = accounts;
        this.listings = listings;
        this.audit = audit;
        this.checkIns = checkIns;
        this.reviews = reviews;
        this.faults = faults;
        this.favourites = favourites;
        this.reputation = reputation;
    }

    public PeopleApi withSolarStarts(org.microsmartgrid.city.people.driver.SolarStarts starts) {
        this.solarStarts = starts;
        return this;
    }

    public List<Route> routes() {
        List<Route> r = new ArrayList<>();
        // accounts
        r.add(Route.open("POST", V1 + "/account/signup", this::signUp));
        r.add(Route.open("POST", V1 + "/account/verify", this::verify));
        r.add(Route.open("POST", V1 + "/account/login", this::login));
        r.add(Route.account("POST", V1 + "/account/logout", this::logout));
        r.add(Route.open("POST", V1 + "/account/password-reset", this::requestReset));
        r.add(Route.open("POST", V1 + "/account/password-reset/confirm", this::reset));
        r.add(Route.account("GET", V1 + "/account/me", this::me));
        r.add(Route.account("POST", V1 + "/account/provider", c -> Reply.ok(Views.account(accounts.addRole(c.account().id(), PROVIDER)))));
        r.add(Route.account("GET", V1 + "/account/data", this::export));
        r.add(Route.account("GET", V1 + "/account/reputation", c -> Reply.ok(Views.providerReputation(null,
                reputation.ofProvider(c.account().id())))));
        r.add(Route.account("DELETE", V1 + "/account", this::deleteAccount));
        r.add(Route.account("GET", V1 + "/account/favourites", c -> Reply.ok(Map.of("items", favourites.of(c.account().id())))));
        r.add(Route.account("PUT", V1 + "/account/favourites/{point}", c -> {
            favourites.add(c.account(), c.param(0));
            return Reply.noContent();
        }));
        r.add(Route.account("DELETE", V1 + "/account/favourites/{point}", c -> {
            favourites.remove(c.account(), c.param(0));
            return Reply.noContent();
        }));
        // listings (providers)
        r.add(Route.roles("POST", V1 + "/listings", LISTERS, c -> Reply.created(Views.listing(
                listings.create(c.account(), ListingInput.parse(c.body(ListingInput.FIELDS)))))));
        r.add(Route.account("GET", V1 + "/listings", c -> Reply.ok(Map.of("items",
                listings.ofOwner(c.account().id()).stream().map(Views::listing).toList()))));
        r.add(Route.account("GET", V1 + "/listings/{id}", c -> Reply.ok(Views.listing(readable(c, c.param(0))))));
        r.add(Route.roles("PUT", V1 + "/listings/{id}", LISTERS, c -> Reply.ok(Views.listing(
                listings.update(c.account(), c.param(0), ListingInput.parse(c.body(ListingInput.FIELDS)))))));
        r.add(Route.account("DELETE", V1 + "/listings/{id}", c -> Reply.ok(Views.listing(listings.withdraw(c.account(), c.param(0))))));
        r.add(Route.account("GET", V1 + "/listings/{id}/faults", c -> Reply.ok(Map.of("items",
                faults.ofPoint(readable(c, c.param(0)).id()).stream().map(Views::fault).toList()))));
        // photos of listed points
        r.add(Route.upload("POST", V1 + "/listings/{id}/photos", LISTERS, c -> Reply.created(Views.photo(
                photos.add(c.account(), c.param(0), c.bytes())))));
        r.add(Route.account("GET", V1 + "/listings/{id}/photos", c -> Reply.ok(Map.of("items",
                photos.ofListing(readable(c, c.param(0)).id()).stream().map(Views::photo).toList()))));
        r.add(Route.account("DELETE", V1 + "/photos/{id}", c -> {
            photos.delete(c.account(), c.param(0));
            return Reply.noContent();
        }));
        r.add(Route.open("GET", V1 + "/photos/{id}", c -> Reply.raw("image/jpeg", photos.jpeg(c.param(0), c.accountOrNull())
                .orElseThrow(() -> ApiError.notFound("nessuna foto / no such photo")))));
        r.add(Route.open("GET", V1 + "/points/{id}/photos", c -> Reply.ok(Map.of("items",
                photos.publicOf(c.param(0)).stream().map(Views::photo).toList()))));
        // promotions of businesses
        r.add(Route.roles("POST", V1 + "/points/{id}/promotions", EnumSet.of(BUSINESS), c -> {
            JsonBody b = c.body(Set.of("text", "valid_from", "valid_until", "points_cost"));
            Integer cost = b.has("points_cost") ? b.integer("points_cost", 1, 10_000, null) : null;
            return Reply.created(Views.promotion(promotions.add(c.account(), c.param(0), b.text("text", 3, 140, false),
                    instant(b, "valid_from"), instant(b, "valid_until"), cost)));
        }));
        r.add(Route.open("GET", V1 + "/points/{id}/promotions", c -> Reply.ok(Map.of("items",
                promotions.current(c.param(0)).stream().map(Views::promotion).toList()))));
        r.add(Route.account("GET", V1 + "/promotions", c -> Reply.ok(Map.of("items",
                promotions.ofOwner(c.account().id()).stream().map(Views::promotion).toList()))));
        r.add(Route.account("DELETE", V1 + "/promotions/{id}", c -> {
            promotions.withdraw(c.account(), c.param(0));
            return Reply.noContent();
        }));
        r.add(Route.roles("POST", V1 + "/moderation/promotions/{id}/remove", MODERATION, c -> {
            promotions.remove(c.account(), c.param(0), c.body(Set.of("reason")).text("reason", 3, 500, true));
            return Reply.noContent();
        }));
        // points and games
        r.add(Route.account("GET", V1 + "/account/points", c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("balance", rewards.balance(c.account().id()));
            m.put("available", rewards.available(c.account().id()));
            m.put("history", rewards.history(c.account().id()).stream().map(Views::points).toList());
            return Reply.ok(m);
        }));
        r.add(Route.account("PUT", V1 + "/account/leaderboard", c -> {
            JsonBody b = c.body(Set.of("neighbourhood"));
            rewards.leaderboard(c.account(), b.has("neighbourhood") ? b.text("neighbourhood", 2, 40, false) : null);
            return Reply.noContent();
        }));
        r.add(Route.open("GET", V1 + "/leaderboard", c -> {
            for (String k : c.request.getParameterMap().keySet())
                if (!k.equals("neighbourhood")) throw ApiError.badRequest("parametro sconosciuto / unknown parameter: " + JsonBody.clip(k));
            String[] n = c.request.getParameterValues("neighbourhood");
            if (n == null || n.length != 1) throw ApiError.badRequest("neighbourhood: uno / exactly one");
            String hood = Text.check("neighbourhood", n[0], 2, 40, false);
            return Reply.ok(Map.of("neighbourhood", hood, "items", rewards.top(hood).stream()
                    .map(x -> Map.of("display_name", x.displayName(), "points", x.points())).toList()));
        }));
        r.add(Route.account("POST", V1 + "/faults/{id}/confirm", c -> {
            c.optionalBody(Set.of());
            rewards.confirmFault(c.account(), c.param(0));
            return Reply.noContent();
        }));
        r.add(Route.account("POST", V1 + "/promotions/{id}/redeem", c -> {
            c.optionalBody(Set.of());
            Rewards.Redemption x = rewards.redeem(c.account(), c.param(0));
            return Reply.created(Map.of("code", x.code(), "promotion_id", x.promotionId(), "cost", x.cost(),
                    "expires", Views.time(x.expires())));
        }));
        r.add(Route.roles("POST", V1 + "/promotions/redemptions/verify", EnumSet.of(BUSINESS), c -> {
            Rewards.Redemption x = rewards.verify(c.account(), c.body(Set.of("code")).string("code"));
            return Reply.ok(Map.of("promotion_id", x.promotionId(), "cost", x.cost()));
        }));
        // claiming a module-backed point
        r.add(Route.roles("POST", V1 + "/admin/modules/claim-codes", ADMIN, c -> {
            JsonBody b = c.body(Set.of("account", "client_id"));
            Claims.Issued i = claims.issue(c.account(), moduleName(b, "account"), moduleName(b, "client_id"));
            return Reply.created(Map.of("code", i.code(), "location_id", i.locationId(), "expires", Views.time(i.expires())));
        }));
        r.add(Route.roles("POST", V1 + "/claims", LISTERS, c -> {
            Claims.Owned o = claims.claim(c.account(), c.body(Set.of("code")).string("code"));
            return Reply.ok(Map.of("location_id", o.locationId(), "since", Views.time(o.since())));
        }));
        r.add(Route.account("GET", V1 + "/claims", c -> Reply.ok(Map.of("items", claims.of(c.account().id()).stream()
                .map(o -> Map.of("location_id", o.locationId(), "since", Views.time(o.since()))).toList()))));
        r.add(Route.roles("PUT", V1 + "/claims/{id}/details", LISTERS, c -> Reply.ok(Views.pointDetails(claims.details(
                c.account(), c.param(0), PointDetailsInput.parse(c.body(PointDetailsInput.FIELDS)))))));
        r.add(Route.account("GET", V1 + "/claims/{id}/faults", c -> {
            Account a = c.account();
            if (!claims.owns(a, c.param(0)) && !a.has(MODERATOR) && !a.has(OPERATOR))
                throw ApiError.notFound("nessun punto tuo con questo id / no point of yours with this id");
            return Reply.ok(Map.of("items", faults.ofPoint(c.param(0)).stream().map(Views::fault).toList()));
        }));
        // moderation
        r.add(Route.roles("GET", V1 + "/moderation/queue", MODERATION, this::queue));
        r.add(Route.roles("POST", V1 + "/moderation/listings/{id}/approve", MODERATION, c -> {
            c.optionalBody(Set.of());
            return Reply.ok(Views.listing(listings.approve(c.account(), c.param(0))));
        }));
        r.add(Route.roles("POST", V1 + "/moderation/listings/{id}/reject", MODERATION, c -> Reply.ok(Views.listing(
                listings.reject(c.account(), c.param(0), c.body(Set.of("reason")).text("reason", 3, 500, true))))));
        r.add(Route.roles("POST", V1 + "/moderation/reviews/{id}/publish", MODERATION, c -> Reply.ok(Views.review(
                reviews.decide(c.account(), c.param(0), true, c.optionalBody(Set.of("reason")).text("reason", 0, 500, true))))));
        r.add(Route.roles("POST", V1 + "/moderation/reviews/{id}/remove", MODERATION, c -> Reply.ok(Views.review(
                reviews.decide(c.account(), c.param(0), false, c.body(Set.of("reason")).text("reason", 3, 500, true))))));
        r.add(Route.roles("POST", V1 + "/moderation/photos/{id}/approve", MODERATION, c -> {
            c.optionalBody(Set.of());
            return Reply.ok(Views.photo(photos.decide(c.account(), c.param(0), true, null)));
        }));
        r.add(Route.roles("POST", V1 + "/moderation/photos/{id}/reject", MODERATION, c -> Reply.ok(Views.photo(
                photos.decide(c.account(), c.param(0), false, c.body(Set.of("reason")).text("reason", 3, 500, true))))));
        r.add(Route.roles("GET", V1 + "/moderation/audit", AUDIT, c -> {
            int limit = intParam(c, "limit", 100, 1, 500);
            int offset = intParam(c, "offset", 0, 0, 1_000_000);
            return Reply.ok(Map.of("items", audit.recent(limit, offset).stream().map(Views::audit).toList()));
        }));
        // drivers, on public points
        r.add(Route.account("POST", V1 + "/points/{id}/checkins", this::checkIn));
        r.add(Route.open("GET", V1 + "/points/{id}/reviews", c -> Reply.ok(Map.of("items",
                reviews.published(c.param(0)).stream().map(Views::review).toList()))));
        r.add(Route.account("POST", V1 + "/points/{id}/reviews", this::review));
        r.add(Route.open("GET", V1 + "/points/{id}/reputation", c -> Reply.ok(Views.reputation(c.param(0), reputation.of(c.param(0))))));
        r.add(Route.open("GET", V1 + "/points/{id}/provider-reputation", this::providerReputation));
        r.add(Route.account("POST", V1 + "/points/{id}/faults", this::fault));
        if (solarStarts != null) r.add(SolarStartRoute.route(solarStarts));
        r.add(Route.account("POST", V1 + "/reviews/{id}/reports", c -> Reply.created(Views.report(reviews.report(
                c.account(), c.param(0), c.body(Set.of("reason")).text("reason", 3, 500, true))))));
        // municipality and operators
        r.add(Route.roles("GET", V1 + "/statistics", STATISTICS, this::statistics));
        r.add(Route.roles("PUT", V1 + "/admin/accounts/{id}/roles", ADMIN, this::setRoles));
        return r;
    }

    // ---- accounts ----------------------------------------------------------------------------------------------

    private Reply signUp(Call c) {
        JsonBody b = c.body(Set.of("email", "password", "display_name"));
        accounts.signUp(b.string("email"), chars(b.string("password")), b.string("display_name"), c.clientAddress());
        return Reply.accepted(Map.of("message", "controlla la posta per il codice di conferma / check your mail for the confirmation code"));
    }

    private Reply verify(Call c) {
        accounts.verify(c.body(Set.of("token")).string("token"));
        return Reply.ok(Map.of("message", "indirizzo confermato / address confirmed"));
    }

    private Reply login(Call c) {
        JsonBody b = c.body(Set.of("email", "password", "mode"));
        String mode = b.string("mode") == null ? "cookie" : b.string("mode");
        if (!mode.equals("cookie") && !mode.equals("bearer")) throw ApiError.badRequest("mode: cookie | bearer");
        Session.Kind kind = mode.equals("cookie") ? Session.Kind.COOKIE : Session.Kind.BEARER;
        if (b.string("email") == null || b.string("password") == null)
            throw ApiError.badRequest("email e password obbligatorie / email and password required");
        // a session the client brings is ended, never upgraded: whoever planted it gains nothing (session fixation)
        if (c.sessionSecret() != null) accounts.logout(c.sessionSecret());
        Accounts.Opened o = accounts.login(b.string("email"), chars(b.string("password")), kind, c.clientAddress());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", Views.account(o.session().account()));
        if (kind == Session.Kind.COOKIE) {
            c.response.addHeader("Set-Cookie", PeopleServlet.COOKIE + "=" + o.secret()
                    + "; Path=/; Max-Age=604800; HttpOnly; Secure; SameSite=Strict");
            body.put("csrf_token", o.session().csrfToken());
        } else {
            body.put("token_type", "Bearer");
            body.put("token", o.secret());
        }
        return Reply.ok(body);
    }

    private Reply logout(Call c) {
        accounts.logout(c.sessionSecret());
        if (c.session().kind() == Session.Kind.COOKIE)
            c.response.addHeader("Set-Cookie", PeopleServlet.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
        return Reply.noContent();
    }

    private Reply requestReset(Call c) {
        accounts.requestReset(c.body(Set.of("email")).string("email"), c.clientAddress());
        return Reply.accepted(Map.of("message", "se l'indirizzo ha un account, riceverà un codice / if the address has an account, it will receive a code"));
    }

    private Reply reset(Call c) {
        JsonBody b = c.body(Set.of("token", "password"));
        accounts.reset(b.string("token"), chars(b.string("password")));
        return Reply.ok(Map.of("message", "password cambiata, accedere di nuovo / password changed, log in again"));
    }

    /** The reputation of whoever offers the point, over all its points; 404 when no one is on record (a module nobody claimed). */
    private Reply providerReputation(Call c) {
        String point = c.param(0);
        return reputation.providerOf(point).map(p -> Reply.ok(Views.providerReputation(point, reputation.ofProvider(p))))
                .orElseThrow(() -> ApiError.notFound("no provider on record for point " + point
                        + " / nessun fornitore registrato per questo punto"));
    }

    private Reply me(Call c) {
        Map<String, Object> m = Views.account(c.account());
        if (c.session().kind() == Session.Kind.COOKIE) m.put("csrf_token", c.session().csrfToken());
        return Reply.ok(m);
    }

    /** Everything the city keeps about the caller (GDPR art. 15 and 20), as one JSON document. */
    private Reply export(Call c) {
        Account a = c.account();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", Views.account(a));
        m.put("sessions_open", db.count("SELECT COUNT(*) FROM web_session WHERE account_id = ?", a.id()));
        m.put("listings", listings.ofOwner(a.id()).stream().map(l -> {
            Map<String, Object> v = Views.listing(l);
            v.put("photos", photos.ofListing(l.id()).stream().map(Views::photo).toList());
            return v;
        }).toList());
        m.put("checkins", checkIns.ofAuthor(a.id()).stream().map(Views::checkIn).toList());
        m.put("reviews", reviews.ofAuthor(a.id()).stream().map(Views::review).toList());
        m.put("review_reports", reviews.reportsOf(a.id()).stream().map(Views::report).toList());
        m.put("faults", faults.ofAuthor(a.id()).stream().map(Views::fault).toList());
        m.put("favourites", favourites.of(a.id()));
        m.put("promotions", promotions.ofOwner(a.id()).stream().map(Views::promotion).toList());
        m.put("points", rewards.history(a.id()).stream().map(Views::points).toList());
        m.put("leaderboard_neighbourhood", rewards.neighbourhoodOf(a.id()));
        if (solarStarts != null) m.put("charging_started", SolarStartRoute.views(solarStarts.of(a.id())));
        m.put("claimed_points", claims.of(a.id()).stream().map(o -> Map.of("location_id", o.locationId(),
                "since", Views.time(o.since()))).toList());
        m.put("moderation_decisions", audit.byActor(a.id()).stream().map(Views::audit).toList());
        c.response.setHeader("Content-Disposition", "attachment; filename=\"micro-smart-grid-data.json\"");
        return Reply.ok(m);
    }

    /**
     * Deletes the caller's account (password again). Listings are taken off the map; check-ins, ratings and fault
     * reports stay as anonymous statistics (their author becomes nobody; review comments are erased, being free
     * text that may name the person).
     */
    private Reply deleteAccount(Call c) {
        Account a = c.account();
        String password = c.body(Set.of("password")).string("password");
        if (password == null) throw ApiError.badRequest("password: obbligatoria per cancellare / required to delete");
        accounts.confirmPassword(a, password.toCharArray());
        for (Listing l : listings.ofOwner(a.id())) if (l.status() != org.microsmartgrid.city.people.listing.Enums.Status.WITHDRAWN) listings.retire(l);
        db.update("UPDATE review SET comment = NULL WHERE author_id = ?", a.id());
        db.update("UPDATE checkin SET comment = NULL WHERE author_id = ?", a.id());
        db.update("UPDATE fault_report SET description = NULL WHERE author_id = ?", a.id());
        db.update("UPDATE review_report SET reason = '—' WHERE reporter_id = ?", a.id());
        // the listing row stays for the statistics, without name, address or a position closer than about 1 km
        db.update("UPDATE listing SET name = '—', address = '—', description = NULL, latitude = ROUND(latitude, 2), "
                + "longitude = ROUND(longitude, 2) WHERE owner_id = ?", a.id());
        accounts.delete(a);
        if (c.session().kind() == Session.Kind.COOKIE)
            c.response.addHeader("Set-Cookie", PeopleServlet.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
        return Reply.noContent();
    }

    // ---- listings and moderation -------------------------------------------------------------------------------

    /** The owner sees their listing; moderators and operators see any; others get "not found". */
    private Listing readable(Call c, String id) {
        Account a = c.account();
        if (a.has(MODERATOR) || a.has(OPERATOR))
            return listings.get(id).orElseThrow(() -> ApiError.notFound("nessun punto / no such listing"));
        return listings.owned(a, id);
    }

    private Reply queue(Call c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("listings", listings.pending().stream().map(Views::listing).toList());
        m.put("photos", photos.pending().stream().map(Views::photo).toList());
        m.put("reviews", reviews.queue().stream().map(r -> {
            Map<String, Object> v = Views.review(r);
            v.put("reports", reviews.openReports(r.id()).stream().map(Views::report).toList());
            return v;
        }).toList());
        return Reply.ok(m);
    }

    // ---- drivers -----------------------------------------------------------------------------------------------

    private Reply checkIn(Call c) {
        JsonBody b = c.body(Set.of("outcome", "reason", "comment"));
        CheckIns.Outcome outcome = b.enumValue("outcome", CheckIns.Outcome.class, null);
        CheckIns.Reason reason = b.has("reason") ? b.enumValue("reason", CheckIns.Reason.class, null) : null;
        CheckIns.CheckIn done = checkIns.add(c.account(), c.param(0), outcome, reason, b.text("comment", 0, 500, true));
        rewards.checkedIn(c.account(), done);
        return Reply.created(Views.checkIn(done));
    }

    private Reply review(Call c) {
        JsonBody b = c.body(Set.of("rating", "comment"));
        int rating = b.integer("rating", 1, 5, null);
        return Reply.created(Views.review(reviews.add(c.account(), c.param(0), rating, b.text("comment", 0, 1000, true))));
    }

    private Reply fault(Call c) {
        JsonBody b = c.body(Set.of("kind", "description"));
        return Reply.created(Views.fault(faults.report(c.account(), c.param(0),
                b.enumValue("kind", Faults.Kind.class, null), b.text("description", 0, 1000, true))));
    }

    // ---- municipality and operators ----------------------------------------------------------------------------

    /** Aggregates only: counts, never who. */
    private Reply statistics(Call c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accounts", db.count("SELECT COUNT(*) FROM account"));
        m.put("listings_by_status", Map.of(
                "PENDING", db.count("SELECT COUNT(*) FROM listing WHERE status = 'PENDING'"),
                "APPROVED", db.count("SELECT COUNT(*) FROM listing WHERE status = 'APPROVED'"),
                "REJECTED", db.count("SELECT COUNT(*) FROM listing WHERE status = 'REJECTED'"),
                "WITHDRAWN", db.count("SELECT COUNT(*) FROM listing WHERE status = 'WITHDRAWN'")));
        m.put("checkins", db.count("SELECT COUNT(*) FROM checkin"));
        m.put("checkins_charged", db.count("SELECT COUNT(*) FROM checkin WHERE outcome = 'CHARGED'"));
        m.put("reviews_published", db.count("SELECT COUNT(*) FROM review WHERE status = 'PUBLISHED'"));
        m.put("faults_open", db.count("SELECT COUNT(*) FROM fault_report WHERE status = 'OPEN'"));
        return Reply.ok(m);
    }

    private Reply setRoles(Call c) {
        List<Role> roles = c.body(ROLE_FIELDS).enums("roles", Role.class, 0, Role.values().length);
        String target = c.param(0);
        if (target.equals(c.account().id()) && !roles.contains(OPERATOR))
            throw ApiError.forbidden("un operatore non toglie il proprio ruolo / an operator does not drop their own role");
        Account a = accounts.setRoles(target, roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        audit.record(c.account().id(), "ROLES_SET", "account:" + target, String.join(",", a.roles().stream().map(Enum::name).sorted().toList()));
        Map<String, Object> v = Views.account(a);
        v.remove("email"); // an operator manages roles by account id; the address is not theirs to see
        return Reply.ok(v);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** A module's account or client id as the broker allows them: letters, digits, . _ : - (docs/city-runtime.md). */
    private static String moduleName(JsonBody b, String field) {
        String v = b.string(field);
        if (v == null || !v.matches("[A-Za-z0-9._:\\-]{1,64}"))
            throw ApiError.badRequest(field + ": lettere, cifre, . _ : - / letters, digits, . _ : -");
        return v;
    }

    /** An RFC 3339 time with its offset, e.g. 2026-06-01T08:00:00+02:00. */
    private static long instant(JsonBody b, String field) {
        String v = b.string(field);
        if (v == null) throw ApiError.badRequest(field + ": obbligatorio / required");
        try {
            return java.time.OffsetDateTime.parse(v).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiError.badRequest(field + ": data RFC 3339 con fuso / an RFC 3339 time with offset");
        }
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }

    private static int intParam(Call c, String name, int absent, int min, int max) {
        for (String k : c.request.getParameterMap().keySet())
            if (!k.equals("limit") && !k.equals("offset")) throw ApiError.badRequest("parametro sconosciuto / unknown parameter: " + JsonBody.clip(k));
        String[] v = c.request.getParameterValues(name);
        if (v == null) return absent;
        if (v.length > 1) throw ApiError.badRequest(name + ": ripetuto / repeated");
        try {
            int n = Integer.parseInt(v[0]);
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + ": intero fra / integer between " + min + " e/and " + max);
        }
    }
}
