package org.microsmartgrid.city.search;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random points, queries and filters for the property tests. Positions come from the places where a grid index goes
 * wrong: a dense city (with exact ties), both sides of the antimeridian, the poles, the meridians ±180 themselves,
 * and anywhere on the globe.
 */
final class RandomWorlds {
    static final List<Instant> INSTANTS = List.of(
            Instant.parse("2026-12-07T10:00:00Z"), // Monday 11:00 in Rome
            Instant.parse("2026-12-05T22:30:00Z"), // Saturday 23:30 in Rome
            Instant.parse("2026-12-06T00:30:00Z"), // Sunday 01:30 in Rome
            Instant.parse("2026-03-29T01:30:00Z")); // Sunday 03:30 in Rome, the night summer time starts

    private static final List<OpeningHours> HOURS = List.of(
            OpeningHours.alwaysOpen(), OpeningHours.unknown(),
            OpeningHours.weekly(List.of(new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)))),
            OpeningHours.weekly(List.of(new WeeklyPeriod(DayOfWeek.SATURDAY, LocalTime.of(22, 0), LocalTime.of(2, 0)))));

    private RandomWorlds() {
    }

    static Arbitrary<Position> positions() {
        Arbitrary<Position> milan = Combinators.combine(Arbitraries.doubles().between(45.40, 45.52),
                Arbitraries.doubles().between(9.10, 9.28)).as(Position::new);
        // two decimals: many points share a position, so distance ties are common
        Arbitrary<Position> milanCoarse = Combinators.combine(Arbitraries.integers().between(4540, 4552),
                Arbitraries.integers().between(910, 928)).as((lat, lon) -> new Position(lat / 100.0, lon / 100.0));
        Arbitrary<Position> antimeridian = Combinators.combine(Arbitraries.doubles().between(-30, 30),
                Arbitraries.doubles().between(-2, 2)).as((lat, d) -> new Position(lat, d >= 0 ? 180 - d : -180 - d));
        Arbitrary<Position> poles = Combinators.combine(Arbitraries.doubles().between(88, 90),
                Arbitraries.doubles().between(-180, 180), Arbitraries.of(1, -1))
                .as((lat, lon, sign) -> new Position(sign * lat, lon));
        Arbitrary<Position> globe = Combinators.combine(Arbitraries.doubles().between(-90, 90),
                Arbitraries.doubles().between(-180, 180)).as(Position::new);
        Arbitrary<Position> special = Arbitraries.of(new Position(90, 0), new Position(-90, 180),
                new Position(0, 180), new Position(0, -180), new Position(45.46, 9.19), new Position(89.99, -180));
        return Arbitraries.frequencyOf(
                Tuple.of(4, milan), Tuple.of(3, milanCoarse),
                Tuple.of(2, antimeridian), Tuple.of(2, poles),
                Tuple.of(2, globe), Tuple.of(1, special));
    }

    static Arbitrary<PointFacts> points() {
        Arbitrary<Set<VehicleClass>> vehicles = Arbitraries.of(VehicleClass.class).set().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Set<ConnectorStandard>> connectors = Arbitraries.of(ConnectorStandard.DOMESTIC_F,
                ConnectorStandard.DOMESTIC_L, ConnectorStandard.IEC_62196_T2, ConnectorStandard.CHADEMO).set()
                .ofMaxSize(2);
        Arbitrary<Set<Facility>> facilities = Arbitraries.of(Facility.CAFE, Facility.WIFI, Facility.PARKING_LOT)
                .set().ofMaxSize(2);
        Arbitrary<OptionalDouble> ratings = Arbitraries.of(OptionalDouble.empty(), OptionalDouble.of(0),
                OptionalDouble.of(2.5), OptionalDouble.of(4), OptionalDouble.of(5));
        Arbitrary<List<String>> evses = Arbitraries.integers().between(0, 3).map(n -> {
            List<String> uids = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                uids.add("E" + i);
            }
            return uids;
        });
        Arbitrary<Object[]> where = Combinators.combine(Arbitraries.integers().between(0, 400), positions(),
                Arbitraries.of(OperatorType.class), Arbitraries.of(HOURS), Arbitraries.of(true, false), evses)
                .as((id, position, operator, hours, monitored, uids) -> new Object[] {id, position, operator, hours,
                    monitored, uids});
        return Combinators.combine(where, vehicles, connectors, Arbitraries.of(0L, 2300L, 3700L, 7400L, 22000L),
                Arbitraries.of(true, false), facilities, ratings).as((a, v, c, power, free, f, rating) -> {
                    Position p = (Position) a[1];
                    @SuppressWarnings("unchecked")
                    List<String> uids = (List<String>) a[5];
                    return new PointFacts("P" + a[0], p.latitude(), p.longitude(), v, c, power, free, f, rating,
                            (OperatorType) a[2], (OpeningHours) a[3], (Boolean) a[4], uids);
                });
    }

    static Arbitrary<Filters> filters() {
        Arbitrary<Filters> random = Combinators.combine(Arbitraries.of(VehicleClass.class).optional(),
                Arbitraries.of(ConnectorStandard.DOMESTIC_L, ConnectorStandard.IEC_62196_T2).optional(0.2),
                Arbitraries.of(0L, 3700L, 22000L), Arbitraries.integers().between(0, 31),
                Arbitraries.of(INSTANTS).optional(0.3)).as((vehicle, connector, power, bits, openAt) -> {
                    Filters.Builder b = Filters.builder().minPowerW(power);
                    vehicle.ifPresent(b::vehicleClass);
                    connector.ifPresent(b::connector);
                    openAt.ifPresent(b::openAt);
                    if ((bits & 1) != 0) {
                        b.availableNow();
                    }
                    if ((bits & 2) != 0) {
                        b.freeOfCharge();
                    }
                    if ((bits & 4) != 0) {
                        b.facility(Facility.WIFI);
                    }
                    if ((bits & 8) != 0) {
                        b.operatorType(OperatorType.PUBLIC_BODY).operatorType(OperatorType.BUSINESS);
                    }
                    if ((bits & 16) != 0) {
                        b.minRating(2.5);
                    }
                    return b.build();
                });
        // many queries have no filter at all, so pages are full and paging is exercised
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Filters.NONE)), Tuple.of(2, random));
    }

    static Arbitrary<BoundingBox> boxes() {
        Arbitrary<BoundingBox> around = Combinators.combine(positions(), Arbitraries.doubles().between(0, 4),
                Arbitraries.doubles().between(0, 8)).as((c, h, w) -> {
                    double south = Math.max(-90, c.latitude() - h);
                    double north = Math.min(90, c.latitude() + h);
                    double west = c.longitude() - w;
                    double east = c.longitude() + w;
                    return new BoundingBox(south, west < -180 ? west + 360 : west, north,
                            east > 180 ? east - 360 : east);
                });
        Arbitrary<BoundingBox> milan = Combinators.combine(Arbitraries.doubles().between(45.40, 45.52),
                Arbitraries.doubles().between(0, 0.06), Arbitraries.doubles().between(9.10, 9.28),
                Arbitraries.doubles().between(0, 0.1)).as((s, h, w, width) -> new BoundingBox(s, w, s + h, w + width));
        Arbitrary<BoundingBox> special = Arbitraries.of(new BoundingBox(-90, -180, 90, 180),
                new BoundingBox(-10, 180, 10, -180), new BoundingBox(-10, -180, 10, -179),
                new BoundingBox(80, 170, 90, -170), new BoundingBox(-90, 179, -85, 180));
        return Arbitraries.frequencyOf(Tuple.of(3, around), Tuple.of(3, milan),
                Tuple.of(1, special));
    }

    static Arbitrary<Double> radii() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.doubles().between(1, 20_000)),
                Tuple.of(2, Arbitraries.doubles().between(20_000, 3_000_000)),
                Tuple.of(1, Arbitraries.just(GreatCircle.MAX_DISTANCE_METRES)));
    }

    static Arbitrary<SearchQuery> queries() {
        Arbitrary<SearchQuery> near = Combinators.combine(positions(), radii()).as(SearchQuery::near);
        Arbitrary<SearchQuery> inBox = Combinators.combine(boxes(), positions().optional(0.5))
                .as((box, origin) -> origin.map(o -> SearchQuery.inBox(box, o)).orElseGet(() -> SearchQuery.inBox(box)));
        Arbitrary<SearchQuery> boxAndRadius = Combinators.combine(boxes(), radii())
                .as((box, r) -> new SearchQuery(box.centre(), r, box, Filters.NONE, 20, 0));
        return Combinators.combine(Arbitraries.oneOf(near, inBox, boxAndRadius), filters(),
                Arbitraries.integers().between(1, 30), Arbitraries.integers().between(0, 40))
                .as((q, f, limit, offset) -> q.withFilters(f).withPage(limit, offset));
    }
}
