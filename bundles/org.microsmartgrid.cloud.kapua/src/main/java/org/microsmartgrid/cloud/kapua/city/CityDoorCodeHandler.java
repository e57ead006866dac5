package org.microsmartgrid.cloud.kapua.city;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorAccess.CodeKind;
import org.microsmartgrid.api.building.DoorAccess.IssuedCode;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;

/**
 * {@code CITY-V1 EXEC door-code}: the owner of this module's point on the city's "Persone ed energia / People and
 * power" issues a one-time courier code (docs/building-access.md §5). The code comes from the module's own
 * {@link DoorAccess}, as the console's and Kapua's do, so the door service's rules apply (its courier window, its
 * journal, its events); the journal names the issuer {@code city:<account id>}. Only couriers: an intervention needs a
 * reason that must never leave the building, so the city cannot ask for one. The reply carries the code once, to the
 * city, which shows it to the owner and keeps nothing. Any error issues nothing.
 */
public final class CityDoorCodeHandler {

    /** The journal's issuer prefix for codes the city asked for. */
    public static final String ISSUER_PREFIX = "city:";
    /** A module's HTTP-like answer when its door service refuses the window (the city shows the reason). */
    static final int REFUSED = 409;
    // the city's own bounds (docs/people.md): the door service then applies its own courier window
    private static final long MAX_STARTS_IN = 1440;
    private static final long MIN_MINUTES = 5;
    private static final long MAX_MINUTES = 720;
    private static final Pattern DOOR = Pattern.compile("[a-z0-9-]{1,32}");
    // the city's account ids (UUIDs): nothing that could smuggle text into the journal
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Supplier<Optional<DoorAccess>> access;
    private final Clock clock;

    public CityDoorCodeHandler(Supplier<Optional<DoorAccess>> access) {
        this(access, Clock.systemUTC());
    }

    CityDoorCodeHandler(Supplier<Optional<DoorAccess>> access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    KuraResponse handle(KuraRequest request) {
        Map<String, Object> m = request.metrics();
        if (!(m.get("door") instanceof String door) || !DOOR.matcher(door).matches())
            return KuraResponse.badRequest("door: a door id (1-32 of a-z 0-9 -) is required");
        Object kind = m.get("kind"); // optional: the only kind there is
        if (kind != null && !CodeKind.COURIER.name().equals(kind))
            return KuraResponse.badRequest("kind: only COURIER codes are issued for the city");
        Long startsIn = whole(m.get("minutes_from_now"), 0, MAX_STARTS_IN);
        if (startsIn == null)
            return KuraResponse.badRequest("minutes_from_now: a whole number 0-" + MAX_STARTS_IN + " is required");
        Long minutes = whole(m.get("minutes"), MIN_MINUTES, MAX_MINUTES);
        if (minutes == null)
            return KuraResponse.badRequest("minutes: a whole number " + MIN_MINUTES + "-" + MAX_MINUTES + " is required");
        if (!(m.get("account") instanceof String account) || !ACCOUNT.matcher(account).matches())
            return KuraResponse.badRequest("account: the issuing account's id is required");
        Optional<DoorAccess> doors = access.get();
        if (doors.isEmpty() || doors.get().doors().stream().noneMatch(d -> d.id().equals(door)))
            return KuraResponse.notFound("Porta sconosciuta / unknown door '" + door + "'");
        Instant from = clock.instant().plus(Duration.ofMinutes(startsIn));
        IssuedCode c;
        try {
            c = doors.get().issue(door, CodeKind.COURIER, from, from.plus(Duration.ofMinutes(minutes)), null,
                    ISSUER_PREFIX + account);
        } catch (IllegalArgumentException refused) { // the door service's own rules: nothing was issued
            return new KuraResponse(REFUSED, Map.of(), new byte[0], refused.getMessage());
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("code", c.code());
        reply.put("id", c.id());
        reply.put("from", c.from().toString());
        reply.put("until", c.until().toString());
        return new KuraResponse(KuraResponse.OK, reply, new byte[0], null);
    }

    /** An INT32 or INT64 metric within bounds; null otherwise. */
    private static Long whole(Object v, long min, long max) {
        if (!(v instanceof Integer) && !(v instanceof Long)) return null;
        long n = ((Number) v).longValue();
        return n >= min && n <= max ? n : null;
    }
}
