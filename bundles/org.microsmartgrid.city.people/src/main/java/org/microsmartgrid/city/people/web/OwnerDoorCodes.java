package org.microsmartgrid.city.people.web;

import static org.microsmartgrid.city.people.account.Role.BUSINESS;
import static org.microsmartgrid.city.people.account.Role.PROVIDER;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.microsmartgrid.city.broker.doorcodes.CodeAnswer;
import org.microsmartgrid.city.broker.doorcodes.ModuleDoorCodes;
import org.microsmartgrid.city.broker.doorcodes.ModuleDoorList;
import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.listing.AuditLog;
import org.microsmartgrid.city.people.listing.Claims;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/claims/{id}/doors}: the doors of the owner's module point, those kept off the public page too
 * (as the module told the city, {@link ModuleDoorList}), to pick one from.
 * {@code POST /api/v1/claims/{id}/doors/{door}/codes}: the owner of a module's point issues a one-time courier code
 * for one of the module's doors (docs/building-access.md §5). The module's door service issues it (CITY-V1 EXEC
 * door-code) under its own rules; the city passes the code to the owner once and keeps it nowhere: not in its
 * database, not in its logs (only the code's id), not in the audit log.
 */
public final class OwnerDoorCodes {

    static final String PATH = PeopleApi.V1 + "/claims/{id}/doors/{door}/codes";
    static final String DOORS = PeopleApi.V1 + "/claims/{id}/doors";
    static final Set<String> FIELDS = Set.of("starts_in_minutes", "minutes");
    /** Longer than the broker's own timeout: it always answers first, this only guards against a stuck service. */
    private static final long WAIT_S = 15;
    private static final Pattern DOOR = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Logger LOG = LoggerFactory.getLogger(OwnerDoorCodes.class);

    private final Claims claims;
    private final Registry registry;
    private final AuditLog audit;
    private final Supplier<Optional<ModuleDoorCodes>> modules;
    private final Supplier<Optional<ModuleDoorList>> doorList;

    /** @param doorList the doors the modules told the city (none: the owner's list is empty) */
    public OwnerDoorCodes(Claims claims, Registry registry, AuditLog audit,
                          Supplier<Optional<ModuleDoorCodes>> modules, Supplier<Optional<ModuleDoorList>> doorList) {
        this.claims = claims;
        this.registry = registry;
        this.audit = audit;
        this.modules = modules;
        this.doorList = doorList;
    }

    public List<Route> routes() {
        return List.of(Route.roles("POST", PATH, EnumSet.of(PROVIDER, BUSINESS), this::issue),
                Route.roles("GET", DOORS, EnumSet.of(PROVIDER, BUSINESS), this::doors));
    }

    /** The point, when it is the caller's and has a module; otherwise the same 404 as for no point at all. */
    private Location ownPoint(Account owner, String pointId) {
        Location point = claims.owns(owner, pointId) ? registry.location(pointId).orElse(null) : null;
        if (point == null || point.module() == null)
            throw ApiError.notFound("nessun punto tuo con questo id / no point of yours with this id");
        return point;
    }

    private Reply doors(Call c) {
        Location point = ownPoint(c.account(), c.param(0));
        List<Map<String, Object>> doors = doorList.get()
                .map(d -> d.ownerDoors(point.module().account(), point.module().clientId())).orElse(List.of()).stream()
                .map(d -> Map.<String, Object>of("id", d.id(), "label", d.label(), "public_page", d.publicPage()))
                .toList();
        return Reply.ok(Map.of("location_id", point.id(), "module_online", point.module().online(), "doors", doors));
    }

    private Reply issue(Call c) {
        Account owner = c.account();
        String pointId = c.param(0);
        String door = c.param(1);
        Location point = ownPoint(owner, pointId);
        if (!DOOR.matcher(door).matches())
            throw ApiError.notFound("il modulo non ha questa porta / the module has no such door");
        JsonBody b = c.body(FIELDS);
        int startsIn = b.integer("starts_in_minutes", 0, 1440, 0);
        int minutes = b.integer("minutes", 5, 720, null);
        Optional<ModuleDoorCodes> m = modules.get();
        CodeAnswer a;
        if (m.isEmpty() || !point.module().online()) {
            a = CodeAnswer.of(CodeAnswer.Status.UNREACHABLE, null);
        } else {
            try {
                a = m.get().issueCourierCode(point.module().account(), point.module().clientId(), door, startsIn,
                        minutes, owner.id()).toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                a = CodeAnswer.of(CodeAnswer.Status.UNREACHABLE, null);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                a = CodeAnswer.of(CodeAnswer.Status.UNREACHABLE, null);
            }
        }
        String reason = a.reason() == null ? "" : ": " + clip(a.reason());
        switch (a.status()) {
            case ISSUED -> { } // below
            case UNREACHABLE -> throw new ApiError(504, "Modulo non raggiungibile / Module not reachable",
                    "il modulo non risponde dalla città: usa la console del modulo / the module does not answer the "
                            + "city: use the console of the module");
            case UNKNOWN_DOOR -> throw ApiError.notFound("il modulo non ha questa porta / the module has no such door"
                    + reason);
            case REFUSED -> throw ApiError.conflict("il modulo rifiuta il codice / the module refuses the code" + reason);
            case MALFORMED -> throw ApiError.badRequest("il modulo rifiuta la richiesta / the module refuses the "
                    + "request" + reason);
            default -> throw new ApiError(502, "Risposta non valida dal modulo / Bad answer from the module",
                    "riprovare o usare la console del modulo / try again or use the console of the module");
        }
        LOG.info("point {}: courier code {} for door {} issued by account {} / codice emesso", pointId, a.codeId(),
                door, owner.id());
        audit.record(owner.id(), "DOOR_CODE_ISSUED", "location:" + pointId,
                "door " + door + ", code id " + a.codeId() + ", " + a.from() + " - " + a.until());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", a.code());
        out.put("code_id", a.codeId());
        out.put("from", a.from());
        out.put("until", a.until());
        return Reply.created(out);
    }

    /** A module's reason as the owner reads it: one line, bounded. */
    private static String clip(String s) {
        String one = s.replaceAll("\\p{Cntrl}", " ");
        return one.length() <= 300 ? one : one.substring(0, 300) + "…";
    }
}
