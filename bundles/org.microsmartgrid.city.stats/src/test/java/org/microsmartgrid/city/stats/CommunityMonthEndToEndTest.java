package org.microsmartgrid.city.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.ingest.internal.Ingest;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.registry.store.JdbcRegistry;
import org.microsmartgrid.city.registry.store.TestDatabases;
import org.microsmartgrid.city.stats.cer.Community;
import org.microsmartgrid.city.stats.cer.Member;
import org.microsmartgrid.city.stats.cer.MonthlyStatement;
import org.microsmartgrid.city.stats.cer.Statements;
import org.microsmartgrid.city.stats.energy.CounterHours;
import org.microsmartgrid.city.stats.energy.EnergyAggregator;
import org.microsmartgrid.city.stats.sessions.SessionAggregator;
import org.microsmartgrid.city.stats.store.StatsMigrations;
import org.microsmartgrid.city.stats.store.StatsStore;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.microsmartgrid.testing.Waits;

/**
 * A simulated month of three buildings' telemetry, as Kura payloads through the real ingest (decoding, dedupe,
 * registry on H2) into the statistics, flushed to the database as the runtime does; the statement is checked against
 * a reference computed here directly from the generated messages' counters, hour by hour, with the documented
 * rules and none of the statistics' code (no interpolation: the readings fall on the hour).
 */
class CommunityMonthEndToEndTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 4);
    private static final long FROM = MONTH.atDay(1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    private static final long TO = MONTH.plusMonths(1).atDay(1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    private static final long STEP = 5 * 60_000L; // a reading every 5 minutes (the module: every 10 s)
    private static final long H = 3_600_000L;
    private static final String[] MODULES = {"solar", "flats", "shop"};

    /** Per module, the readings the city received: time → {import, export}. */
    private final Map<String, TreeMap<Long, double[]>> sent = new LinkedHashMap<>();

    @Test
    void theMonthlyStatementMatchesTheOneComputedFromTheRawTelemetry() throws Exception {
        DataSource db = TestDatabases.fresh(); // the registry's schema, then the statistics' own history
        assertTrue(StatsMigrations.migrate(db) >= 1, "V1.. ran");
        Registry registry = new JdbcRegistry(db, l -> { });
        StatsStore store = new StatsStore(db);
        StatsCollector collector = new StatsCollector(new EnergyAggregator(new CounterHours(15 * 60_000L, 200_000),
                300_000), new SessionAggregator(0.01, org.microsmartgrid.city.stats.districts.Districts::none),
                new org.microsmartgrid.city.stats.availability.AvailabilityAggregator(
                        new org.microsmartgrid.city.stats.availability.SocketTimeline(15 * 60_000L)),
                new org.microsmartgrid.city.stats.sessions.UnmetDemand(0.01, 500,
                        org.microsmartgrid.city.stats.districts.Districts::none), registry, store,
                org.microsmartgrid.city.stats.districts.Districts::none);
        Ingest ingest = new Ingest(registry, 100_000, 64 * 1024, 10_000,
                Clock.fixed(Instant.ofEpochMilli(TO + H), ZoneOffset.UTC)); // the month is over: every reading is past
        ingest.addObserver(collector);
        try {
            for (String m : MODULES) ingest.offer("$EDC/milano/" + m + "/MQTT/BIRTH", birth(FROM - H));
            Random r = new Random(42);
            double[][] counters = {{1000, 5000}, {20_000, 0}, {300, 300}};
            int n = 0;
            for (long t = FROM - STEP; t <= TO + STEP; t += STEP) {
                double hourOfDay = ((t + 2 * H) / H) % 24; // Italian summer time
                double sun = Math.max(0, Math.sin((hourOfDay - 6) / 14 * Math.PI));
                // Wh in these 5 minutes: the school's PV feeds in by day, the flats draw, the shop does both
                double[][] step = {{r.nextDouble() * 20, sun * 400 * r.nextDouble()},
                        {100 + r.nextDouble() * 150, 0},
                        {sun > 0.3 ? 0 : r.nextDouble() * 80, sun > 0.3 ? sun * 60 * r.nextDouble() : 0}};
                for (int i = 0; i < MODULES.length; i++) {
                    counters[i][0] += step[i][0];
                    counters[i][1] += step[i][1];
                    String m = MODULES[i];
                    // the flats' module is off the network for two days (a gap of days: those hours are missing)
                    if (m.equals("flats") && t > FROM + 10 * 24 * H && t < FROM + 12 * 24 * H + 7 * STEP) continue;
                    // the shop's meter is replaced on the 20th at 08:05 Italian time: its counters start again at 0
                    if (m.equals("shop") && t == FROM + 19 * 24 * H + 8 * H + STEP) {
                        counters[i][0] = 0;
                        counters[i][1] = 0;
                    }
                    byte[] payload = site(t, counters[i][0], counters[i][1]);
                    // as the embedded broker hands them over: queued, applied in batches on the ingest's thread
                    ingest.offer("milano/" + m + "/msg/site", payload);
                    sent.computeIfAbsent(m, k -> new TreeMap<>()).put(t, counters[i].clone());
                    if (++n % 3 == 0) ingest.offer("milano/" + m + "/msg/site", payload); // at-least-once: repeats
                    if (n % 5000 == 0) collector.flush(); // the runtime stores every 30 s
                }
            }
            // a module whose clock is a day ahead: refused by the ingest, never in the statistics
            ingest.offer("milano/shop/msg/site", site(TO + 25 * H, 1e9, 1e9));
            awaitAllHandled(ingest);
            assertEquals(0, ingest.counters().get("dropped_queue_full"));
            assertEquals(1, ingest.counters().get("malformed"), "the wrong clock is refused");
            collector.flush();
        } finally {
            ingest.close();
        }

        Community c = new Community("bovisa", "CER Bovisa", "AC-MI-042", List.of(
                new Member("milano/solar", "Scuola", LocalDate.of(2026, 1, 1), null),
                new Member("milano/flats", "Condominio", LocalDate.of(2026, 4, 3), null),
                new Member("milano/shop", "Bottega", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 28))));
        MonthlyStatement s = Statements.month(c, MONTH, store, 110, 0.5);
        Reference ref = reference(c);

        assertEquals(720, s.hours());
        assertEquals(ref.missing, s.missingHours(), "hours with a member not measured");
        assertTrue(s.missingHours() >= 48, "the flats' two days off are missing, not guessed");
        assertEquals(ref.shared, s.sharedWh(), 1e-6 * ref.shared);
        assertEquals(ref.fed, s.fedWh(), 1e-6 * ref.fed);
        assertEquals(ref.drawn, s.drawnWh(), 1e-6 * ref.drawn);
        assertEquals(ref.shared / 1e6 * 110, s.incentiveEur(), 1e-6);
        for (MonthlyStatement.MemberLine l : s.members()) {
            assertEquals(ref.memberHours.get(l.module()), l.memberHours(), l.module());
            assertEquals(ref.memberMissing.get(l.module()), l.missingHours(), l.module());
            assertEquals(ref.memberShare.get(l.module()), l.shareWh(), 1e-6 * Math.max(1, ref.shared), l.module());
        }
        assertTrue(store.badData(FROM, TO).stream().anyMatch(b -> b.module().equals("milano/flats")
                && b.rule().equals("GAP")), "the gap is shown");
        assertTrue(store.badData(FROM, TO).stream().anyMatch(b -> b.module().equals("milano/shop")
                && b.rule().equals("COUNTER_BACK")), "the meter change is shown");
    }

    /** Waits until the ingest has handled everything offered (counted as applied, stale, duplicate or malformed). */
    private static void awaitAllHandled(Ingest ingest) {
        Waits.until("the ingest to handle everything it received", ingest::counters, c -> c.get("applied")
                + c.get("stale") + c.get("duplicate") + c.get("malformed") + c.get("failed") >= c.get("received"));
    }

    private record Reference(double shared, double fed, double drawn, int missing, Map<String, Integer> memberHours,
                             Map<String, Integer> memberMissing, Map<String, Double> memberShare) {
    }

    /** The statement's rules applied straight to the readings sent: an hour is measured when no interval of its
     * readings is longer than 15 minutes and no counter went back; its energy is the counters' difference. */
    private Reference reference(Community c) {
        double shared = 0, fed = 0, drawn = 0;
        int missing = 0;
        Map<String, Integer> hours = new HashMap<>(), miss = new HashMap<>();
        Map<String, Double> share = new HashMap<>();
        for (long h = FROM; h < TO; h += H) {
            LocalDate day = Instant.ofEpochMilli(h).atZone(Statements.ITALY).toLocalDate();
            List<Member> present = new ArrayList<>();
            for (Member m : c.members()) if (m.memberOn(day)) present.add(m);
            if (present.isEmpty()) continue;
            Map<String, double[]> e = new HashMap<>();
            for (Member m : present) {
                hours.merge(m.module(), 1, Integer::sum);
                double[] x = hourFromReadings(sent.get(m.module().substring("milano/".length())), h);
                if (x == null) miss.merge(m.module(), 1, Integer::sum);
                else e.put(m.module(), x);
            }
            if (e.size() < present.size()) {
                missing++;
                continue;
            }
            double f = 0, d = 0;
            for (double[] x : e.values()) {
                d += x[0];
                f += x[1];
            }
            double s = Math.min(f, d);
            shared += s;
            fed += f;
            drawn += d;
            for (Map.Entry<String, double[]> x : e.entrySet()) {
                double part = (f > 0 ? s / 2 * x.getValue()[1] / f : 0) + (d > 0 ? s / 2 * x.getValue()[0] / d : 0);
                share.merge(x.getKey(), part, Double::sum);
            }
        }
        for (Member m : c.members()) {
            miss.putIfAbsent(m.module(), 0);
            share.putIfAbsent(m.module(), 0.0);
        }
        return new Reference(shared, fed, drawn, missing, hours, miss, share);
    }

    private static double[] hourFromReadings(TreeMap<Long, double[]> readings, long h) {
        Long before = readings.floorKey(h), after = readings.ceilingKey(h + H);
        if (before == null || after == null || before != h || after != h + H) return null;
        double[] prev = null;
        long prevT = 0;
        for (Map.Entry<Long, double[]> e : readings.subMap(h, true, h + H, true).entrySet()) {
            if (prev != null && (e.getKey() - prevT > 15 * 60_000L || e.getValue()[0] < prev[0]
                    || e.getValue()[1] < prev[1])) return null;
            prev = e.getValue();
            prevT = e.getKey();
        }
        double[] a = readings.get(h), b = readings.get(h + H);
        return new double[] {b[0] - a[0], b[1] - a[1]};
    }

    private static byte[] birth(long at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("display_name", "Edificio");
        m.put("extended_properties", "{\"properties\":{\"MicroSmartGrid\":{\"sockets\":\"1\"}}}");
        return KuraPayloadCodec.encode(new KuraMessage(at, new KuraMessage.Position(45.50, 9.16, null), m, null), true);
    }

    private static byte[] site(long at, double importWh, double exportWh) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("msg.id", UUID.nameUUIDFromBytes((at + "/" + importWh).getBytes()).toString());
        m.put("grid_w", 0.0);
        m.put("grid_import_wh", importWh);
        m.put("grid_export_wh", exportWh);
        return KuraPayloadCodec.encode(KuraMessage.of(at, m), true);
    }
}
