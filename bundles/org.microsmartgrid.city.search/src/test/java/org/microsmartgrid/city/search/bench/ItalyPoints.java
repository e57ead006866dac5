package org.microsmartgrid.city.search.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

import org.microsmartgrid.city.search.ConnectorStandard;
import org.microsmartgrid.city.search.EvseStatus;
import org.microsmartgrid.city.search.Facility;
import org.microsmartgrid.city.search.OpeningHours;
import org.microsmartgrid.city.search.OperatorType;
import org.microsmartgrid.city.search.PointFacts;
import org.microsmartgrid.city.search.Position;
import org.microsmartgrid.city.search.VehicleClass;
import org.microsmartgrid.city.search.WeeklyPeriod;

/**
 * The benchmark's country: 130,000 points (the European Commission's estimate of what Italy needed by 2020) spread
 * like Italy's people. 70 % around 43 cities in proportion to their metropolitan population (a Gaussian whose spread
 * grows with the city: Milan gets about 7,000 points, σ ≈ 8 km, some 17 per km² in the centre), 30 % spread evenly
 * over six boxes that cover the peninsula and the islands. Seeded: every run and every engine gets the same points
 * and the same live statuses, and the origins of the queries are drawn from the same distribution (people search
 * where they live).
 */
public final class ItalyPoints {
    public static final int COUNT = 130_000;
    public static final Instant STATUS_TIME = Instant.parse("2026-12-07T10:00:00Z");

    /** name, latitude, longitude, metropolitan population in millions. */
    private static final Object[][] CITIES = {
        {"Roma", 41.9028, 12.4964, 4.2}, {"Milano", 45.4642, 9.1900, 3.2}, {"Napoli", 40.8518, 14.2681, 3.0},
        {"Torino", 45.0703, 7.6869, 2.2}, {"Palermo", 38.1157, 13.3615, 1.2}, {"Bari", 41.1171, 16.8719, 1.2},
        {"Catania", 37.5079, 15.0830, 1.1}, {"Firenze", 43.7696, 11.2558, 1.0}, {"Bologna", 44.4949, 11.3426, 1.0},
        {"Genova", 44.4056, 8.9463, 0.8}, {"Venezia", 45.4408, 12.3155, 0.85}, {"Verona", 45.4384, 10.9916, 0.9},
        {"Messina", 38.1938, 15.5540, 0.6}, {"Padova", 45.4064, 11.8768, 0.9}, {"Trieste", 45.6495, 13.7768, 0.23},
        {"Brescia", 45.5416, 10.2118, 1.2}, {"Bergamo", 45.6983, 9.6773, 1.1}, {"Cagliari", 39.2238, 9.1217, 0.4},
        {"Taranto", 40.4644, 17.2470, 0.6}, {"Reggio Calabria", 38.1105, 15.6613, 0.5},
        {"Parma", 44.8015, 10.3279, 0.45}, {"Modena", 44.6471, 10.9252, 0.7}, {"Perugia", 43.1107, 12.3908, 0.65},
        {"Salerno", 40.6824, 14.7681, 1.1}, {"Pescara", 42.4618, 14.2161, 0.3}, {"Ancona", 43.6158, 13.5189, 0.47},
        {"Trento", 46.0748, 11.1217, 0.54}, {"Bolzano", 46.4983, 11.3548, 0.53}, {"Lecce", 40.3515, 18.1750, 0.8},
        {"Sassari", 40.7259, 8.5557, 0.5}, {"Monza", 45.5845, 9.2744, 0.87}, {"Como", 45.8081, 9.0852, 0.6},
        {"Varese", 45.8206, 8.8251, 0.89}, {"Novara", 45.4469, 8.6222, 0.37}, {"Udine", 46.0711, 13.2346, 0.53},
        {"Cosenza", 39.2983, 16.2538, 0.7}, {"Foggia", 41.4622, 15.5446, 0.6}, {"Latina", 41.4676, 12.9036, 0.57},
        {"Rimini", 44.0678, 12.5695, 0.34}, {"L'Aquila", 42.3498, 13.3995, 0.3}, {"Potenza", 40.6404, 15.8056, 0.36},
        {"Campobasso", 41.5603, 14.6627, 0.22}, {"Aosta", 45.7370, 7.3201, 0.12},
    };
    /** south, west, north, east of the countryside boxes, weighted by their area. */
    private static final double[][] COUNTRYSIDE = {
        {44.0, 7.0, 46.5, 13.5}, {41.5, 10.5, 44.0, 14.5}, {38.0, 14.5, 41.5, 17.5}, {40.0, 16.0, 41.5, 18.5},
        {37.0, 12.5, 38.2, 15.5}, {39.0, 8.4, 41.0, 9.7},
    };
    private static final EvseStatus[] OTHER_STATUSES = {EvseStatus.CHARGING, EvseStatus.CHARGING,
        EvseStatus.CHARGING, EvseStatus.OUTOFORDER, EvseStatus.UNKNOWN, EvseStatus.RESERVED};
    private static final Facility[] FACILITIES = {Facility.CAFE, Facility.RESTAURANT, Facility.SUPERMARKET,
        Facility.PARKING_LOT, Facility.WIFI, Facility.BIKE_SHARING};
    private static final OpeningHours SHOP_HOURS = OpeningHours.weekly(List.of(
            period(DayOfWeek.MONDAY), period(DayOfWeek.TUESDAY), period(DayOfWeek.WEDNESDAY),
            period(DayOfWeek.THURSDAY), period(DayOfWeek.FRIDAY), period(DayOfWeek.SATURDAY)));

    /** A point and the status of each of its EVSEs. */
    public record Point(PointFacts facts, List<EvseStatus> statuses) {
        public boolean anyAvailable() {
            return statuses.contains(EvseStatus.AVAILABLE);
        }

        /** The vehicle classes as a bit mask (bit = ordinal), the way the database table stores them. */
        public int vehicleMask() {
            int mask = 0;
            for (VehicleClass v : facts.vehicleClasses()) {
                mask |= 1 << v.ordinal();
            }
            return mask;
        }
    }

    private ItalyPoints() {
    }

    public static List<Point> points(int count, long seed) {
        Random random = new Random(seed);
        List<Point> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            points.add(point(String.format("IT-%06d", i), position(random), random));
        }
        return points;
    }

    /** Where people are: the origins of the benchmark's queries. */
    public static List<Position> origins(int count, long seed) {
        Random random = new Random(seed);
        List<Position> origins = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            origins.add(position(random));
        }
        return origins;
    }

    private static Position position(Random random) {
        if (random.nextDouble() < 0.7) {
            double total = 0;
            for (Object[] city : CITIES) {
                total += (double) city[3];
            }
            double pick = random.nextDouble() * total;
            for (Object[] city : CITIES) {
                pick -= (double) city[3];
                if (pick <= 0) {
                    double sigmaKm = 4 * Math.sqrt((double) city[3]) + 1;
                    double lat = (double) city[1] + random.nextGaussian() * sigmaKm / 111.2;
                    double lon = (double) city[2]
                            + random.nextGaussian() * sigmaKm / (111.2 * Math.cos(Math.toRadians(lat)));
                    return new Position(lat, lon);
                }
            }
        }
        double totalArea = 0;
        for (double[] b : COUNTRYSIDE) {
            totalArea += (b[2] - b[0]) * (b[3] - b[1]);
        }
        double pick = random.nextDouble() * totalArea;
        for (double[] b : COUNTRYSIDE) {
            pick -= (b[2] - b[0]) * (b[3] - b[1]);
            if (pick <= 0) {
                return new Position(b[0] + random.nextDouble() * (b[2] - b[0]),
                        b[1] + random.nextDouble() * (b[3] - b[1]));
            }
        }
        return new Position(45.4642, 9.19);
    }

    private static Point point(String id, Position p, Random random) {
        Set<VehicleClass> vehicles = EnumSet.noneOf(VehicleClass.class);
        addIf(vehicles, VehicleClass.CAR, random, 0.5);
        addIf(vehicles, VehicleClass.E_BIKE, random, 0.6);
        addIf(vehicles, VehicleClass.SCOOTER, random, 0.4);
        addIf(vehicles, VehicleClass.MOPED, random, 0.3);
        addIf(vehicles, VehicleClass.MOBILITY_AID, random, 0.15);
        if (vehicles.isEmpty()) {
            vehicles.add(VehicleClass.E_BIKE);
        }
        Set<ConnectorStandard> connectors = EnumSet.noneOf(ConnectorStandard.class);
        addIf(connectors, ConnectorStandard.DOMESTIC_F, random, 0.6);
        addIf(connectors, ConnectorStandard.DOMESTIC_L, random, 0.4);
        addIf(connectors, ConnectorStandard.IEC_62196_T2, random, 0.5);
        double powerPick = random.nextDouble();
        long power = powerPick < 0.4 ? 2300 : powerPick < 0.65 ? 3700 : powerPick < 0.8 ? 7400
                : powerPick < 0.95 ? 22000 : 50000;
        Set<Facility> facilities = EnumSet.noneOf(Facility.class);
        for (int i = random.nextInt(3); i > 0; i--) {
            facilities.add(FACILITIES[random.nextInt(FACILITIES.length)]);
        }
        OptionalDouble rating = random.nextBoolean() ? OptionalDouble.empty()
                : OptionalDouble.of(1 + random.nextInt(9) * 0.5);
        double operatorPick = random.nextDouble();
        OperatorType operator = operatorPick < 0.5 ? OperatorType.BUSINESS
                : operatorPick < 0.7 ? OperatorType.PUBLIC_BODY : OperatorType.PRIVATE_INDIVIDUAL;
        double hoursPick = random.nextDouble();
        OpeningHours hours = hoursPick < 0.7 ? OpeningHours.alwaysOpen()
                : hoursPick < 0.9 ? SHOP_HOURS : OpeningHours.unknown();
        int evseCount = 1 + random.nextInt(4);
        List<String> uids = new ArrayList<>();
        List<EvseStatus> statuses = new ArrayList<>();
        for (int i = 1; i <= evseCount; i++) {
            uids.add(id + "-" + i);
            statuses.add(random.nextBoolean() ? EvseStatus.AVAILABLE
                    : OTHER_STATUSES[random.nextInt(OTHER_STATUSES.length)]);
        }
        PointFacts facts = new PointFacts(id, p.latitude(), p.longitude(), vehicles, connectors, power,
                random.nextDouble() < 0.3, facilities, rating, operator, hours, random.nextDouble() < 0.8, uids);
        return new Point(facts, statuses);
    }

    private static <T> void addIf(Set<T> set, T value, Random random, double probability) {
        if (random.nextDouble() < probability) {
            set.add(value);
        }
    }

    private static WeeklyPeriod period(DayOfWeek day) {
        return new WeeklyPeriod(day, LocalTime.of(8, 0), LocalTime.of(20, 0));
    }
}
