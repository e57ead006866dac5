package org.microsmartgrid.city.api;

import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.microsmartgrid.city.search.BoundingBox;
import org.microsmartgrid.city.search.ConnectorStandard;
import org.microsmartgrid.city.search.Facility;
import org.microsmartgrid.city.search.Filters;
import org.microsmartgrid.city.search.GreatCircle;
import org.microsmartgrid.city.search.InvalidQueryException;
import org.microsmartgrid.city.search.OperatorType;
import org.microsmartgrid.city.search.Position;
import org.microsmartgrid.city.search.SearchQuery;

/**
 * The query parameters of search, clusters and events, read into the search's types. Every value is checked; a bad one
 * is a problem naming the parameter (names and ranges as in openapi.yaml).
 */
final class SearchParams {

    static final Set<String> FILTERS = Set.of("vehicle_class", "connector", "min_power_w", "available_now", "open_now",
            "free_of_charge", "facility", "min_rating", "operator_type");
    static final Set<String> SEARCH = union(FILTERS, Set.of("lat", "lon", "radius", "bbox", "limit", "offset"));
    static final Set<String> CLUSTERS = union(FILTERS, Set.of("bbox", "zoom"));

    static final double MAX_RADIUS_M = 50_000;
    static final double DEFAULT_RADIUS_M = 1_000;
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_OFFSET = SearchQuery.MAX_OFFSET;
    static final int MAX_MIN_POWER_W = 1_000_000;
    private static final int MAX_LIST = 50;

    private SearchParams() {
    }

    static SearchQuery search(Params p, Instant now) {
        Double lat = decimal(p, "lat", -90, 90);
        Double lon = decimal(p, "lon", -180, 180);
        if ((lat == null) != (lon == null))
            throw bad(lat == null ? "lat" : "lon", "lat e lon vanno insieme / lat and lon go together");
        BoundingBox box = bbox(p, false);
        if (lat == null && box == null)
            throw bad("lat", "servono lat e lon, o bbox / lat and lon, or bbox, are required");
        Double radius = decimal(p, "radius", 1, MAX_RADIUS_M);
        double r = radius != null ? radius : box == null ? DEFAULT_RADIUS_M : GreatCircle.MAX_DISTANCE_METRES;
        Position origin = lat != null ? new Position(lat, lon) : box.centre();
        int limit = p.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = p.integer("offset", 0, 0, MAX_OFFSET);
        try {
            return new SearchQuery(origin, r, box, filters(p, now), limit, offset);
        } catch (InvalidQueryException e) {
            throw bad(e.parameter(), e.getMessage());
        }
    }

    static Filters filters(Params p, Instant now) {
        Filters.Builder b = Filters.builder();
        list(p, "vehicle_class", v -> IndexedFacts.vehicle(org.microsmartgrid.city.registry.VehicleClass.valueOf(v)),
                b::vehicleClass);
        list(p, "connector", ConnectorStandard::valueOf, b::connector);
        list(p, "facility", Facility::valueOf, b::facility);
        list(p, "operator_type", OperatorType::valueOf, b::operatorType);
        b.minPowerW(p.integer("min_power_w", 0, 0, MAX_MIN_POWER_W));
        if (bool(p, "available_now")) b.availableNow();
        if (bool(p, "open_now")) b.openAt(now);
        if (bool(p, "free_of_charge")) b.freeOfCharge();
        Double rating = decimal(p, "min_rating", 0, 5);
        if (rating != null) b.minRating(rating);
        return b.build();
    }

    /** {@code minLon,minLat,maxLon,maxLat}; minLon &gt; maxLon crosses the antimeridian. */
    static BoundingBox bbox(Params p, boolean required) {
        String v = p.value("bbox");
        if (v == null) {
            if (required) throw bad("bbox", "bbox obbligatorio / bbox is required (minLon,minLat,maxLon,maxLat)");
            return null;
        }
        String[] parts = v.split(",", -1);
        if (parts.length != 4) throw bad("bbox", "bbox = minLon,minLat,maxLon,maxLat: " + Params.clip(v));
        double[] d = new double[4];
        try {
            for (int i = 0; i < 4; i++) d[i] = finite(parts[i]);
            return new BoundingBox(d[1], d[0], d[3], d[2]);
        } catch (NumberFormatException | InvalidQueryException e) {
            throw bad("bbox", "bbox non valido / invalid bbox (minLon,minLat,maxLon,maxLat in gradi / degrees): "
                    + Params.clip(v));
        }
    }

    static Double decimal(Params p, String name, double min, double max) {
        String v = p.value(name);
        if (v == null) return null;
        try {
            double d = finite(v);
            if (d < min || d > max) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw bad(name, name + " deve essere un numero tra / must be a number from " + num(min) + " to " + num(max)
                    + ": " + Params.clip(v));
        }
    }

    static boolean bool(Params p, String name) {
        String v = p.value(name);
        if (v == null || v.equals("false")) return false;
        if (v.equals("true")) return true;
        throw bad(name, name + " deve essere true o false / must be true or false: " + Params.clip(v));
    }

    private static <E> void list(Params p, String name, Function<String, E> parse, Consumer<E> add) {
        String v = p.value(name);
        if (v == null) return;
        String[] items = v.split(",", -1);
        if (items.length > MAX_LIST) throw bad(name, name + ": al massimo / at most " + MAX_LIST + " valori / values");
        for (String item : items) {
            try {
                add.accept(parse.apply(item));
            } catch (IllegalArgumentException e) {
                throw bad(name, name + ": valore sconosciuto / unknown value: " + Params.clip(item));
            }
        }
    }

    /** A plain decimal number: no NaN, no infinities, no hexadecimal. */
    private static double finite(String s) {
        if (!s.matches("[-+]?[0-9]{1,12}(\\.[0-9]{1,20})?([eE][-+]?[0-9]{1,3})?")) throw new NumberFormatException(s);
        double d = Double.parseDouble(s);
        if (!Double.isFinite(d)) throw new NumberFormatException(s);
        return d;
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static Problem.Raised bad(String parameter, String detail) {
        return new Problem.Raised(Problem.badParameter(parameter, detail));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var s = new java.util.HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
