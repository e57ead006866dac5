package org.microsmartgrid.cloud.kapua.city;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorState;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;

import com.google.gson.Gson;

/**
 * {@code CITY-V1 EXEC door}: a courier typed a code on the city's "Sono alla porta / I am at the door" page
 * (docs/building-access.md). The code goes through the module's own {@link DoorAccess}, exactly as the keypad's and
 * CoAP's: the same throttle, the same journal line (with {@code via} = {@value #VIA}), the same event. The reply says
 * only what the keypad would say: the outcome and its message; never which codes exist.
 */
public final class CityDoorHandler {

    /** What the access journal records as the channel of the city's attempts. */
    public static final String VIA = "city";
    /** At most this many doors are told to the city (the BIRTH's size stays bounded). */
    static final int MAX_LISTED = 16;

    // door ids as building.access accepts them; a code is checked by the module's own rules, but nothing longer than
    // a keypad's worth of characters is worth a journal line
    private static final Pattern DOOR = Pattern.compile("[a-z0-9-]{1,32}");
    private static final int MAX_CODE_CHARS = 32;
    private static final Gson GSON = new Gson();
    /** As building.access words a door it does not have. */
    static final String UNKNOWN_DOOR = "Porta sconosciuta / unknown door '%s'";

    private final Supplier<Optional<DoorAccess>> access;

    public CityDoorHandler(Supplier<Optional<DoorAccess>> access) {
        this.access = access;
    }

    KuraResponse handle(KuraRequest request) {
        Object door = request.metrics().get("door");
        Object code = request.metrics().get("code");
        if (!(door instanceof String d) || !DOOR.matcher(d).matches())
            return KuraResponse.badRequest("door: a door id (1-32 of a-z 0-9 -) is required");
        if (!(code instanceof String c) || c.isEmpty() || c.length() > MAX_CODE_CHARS)
            return KuraResponse.badRequest("code: a string of 1-" + MAX_CODE_CHARS + " characters is required");
        Optional<DoorAccess> doors = access.get();
        if (doors.isEmpty()) return KuraResponse.notFound("no doors on this module / nessuna porta su questo modulo");
        // a door kept off the public page takes no code from it: answered as a door that does not exist, in the door
        // service's own words, so the answer never tells it is there (the city refuses it first; this holds anyway)
        if (doors.get().doors().stream().anyMatch(s -> s.id().equals(d) && !s.publicPage()))
            return KuraResponse.notFound(UNKNOWN_DOOR.formatted(d));
        DoorAccess.AccessResult result;
        try {
            result = doors.get().redeem(d, c, VIA);
        } catch (IllegalArgumentException unknownDoor) {
            return KuraResponse.notFound(unknownDoor.getMessage());
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("outcome", result.outcome());
        metrics.put("granted", result.granted());
        metrics.put("message", result.message());
        return new KuraResponse(KuraResponse.OK, metrics, new byte[0], null);
    }

    /**
     * The doors the city may show on its map, as the BIRTH's {@code extended_properties} carry them ({@code doors}): a
     * JSON array of {@code {"id","label"}} (the label is the door's name as the installer wrote it; nothing else, never
     * a code), only the doors whose {@code public.page} is on. Empty when the module has none. A city older than
     * {@link #ownerOnlyList} reads only this key, so a door kept off the public page never reaches its map.
     */
    public static String publicList(List<DoorState> doors) {
        return list(doors, true);
    }

    /**
     * The doors kept off the public page ({@code public.page} off), in the same shape, under their own key
     * ({@code owner_doors}): the city shows them only to the point's owner, who issues courier codes for them.
     * {@code null} when there are none (the key is then left out).
     */
    public static String ownerOnlyList(List<DoorState> doors) {
        return doors.stream().anyMatch(d -> !d.publicPage()) ? list(doors, false) : null;
    }

    // at most MAX_LISTED doors in the two lists together, in the door service's order
    private static String list(List<DoorState> doors, boolean publicPage) {
        List<Map<String, String>> out = doors.stream().limit(MAX_LISTED).filter(s -> s.publicPage() == publicPage)
                .map(s -> Map.of("id", s.id(), "label", s.name() == null || s.name().isBlank() ? s.id() : s.name()))
                .toList();
        return GSON.toJson(out);
    }
}
