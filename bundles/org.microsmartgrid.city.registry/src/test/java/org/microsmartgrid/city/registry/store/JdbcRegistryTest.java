package org.microsmartgrid.city.registry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleBirth;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.SessionRecord;
import org.microsmartgrid.city.registry.SocketUpdate;
import org.microsmartgrid.city.registry.VehicleClass;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The repository on H2; {@link JdbcRegistryOnPostgresTest} runs the same tests on PostgreSQL. */
class JdbcRegistryTest {

    private final List<Location> told = new ArrayList<>();
    private final JdbcRegistry registry = new JdbcRegistry(database(), told::add);

    /** A fresh, migrated database for one test. */
    javax.sql.DataSource database() {
        return TestDatabases.fresh();
    }

    private static ModuleBirth birth(String client, long at) {
        return new ModuleBirth("milano", client, "Biblioteca Sormani", "SN-1", "0.1.0", 45.4613, 9.1976, 2, at);
    }

    @Test
    void birthRegistersTheModuleItsPointAndItsSocketsAsUnknownUntilReported() {
        assertTrue(registry.moduleBirth(birth("m1", 1000)));
        Location l = registry.locationOfModule("milano", "m1").orElseThrow();
        assertEquals("Biblioteca Sormani", l.name());
        assertEquals(45.4613, l.latitude());
        assertTrue(l.monitored() && l.module().online());
        assertEquals(List.of(1, 2), l.evses().stream().map(Evse::socket).toList());
        assertEquals(EvseStatus.UNKNOWN, l.evses().get(0).status());
        assertEquals(Connector.schuko(), l.evses().get(0).connectors().get(0));
        assertEquals(l, told.get(told.size() - 1), "the listener sees the location as stored");
        assertEquals(1, registry.count());
        assertEquals(1, registry.modulesOnline());
    }

    @Test
    void aSocketUpdateForAModuleNeverBornChangesNothing() {
        assertFalse(registry.socketStatus(new SocketUpdate("milano", "ghost", 1, EvseStatus.CHARGING, 100.0, 5)));
        assertEquals(0, registry.count());
    }

    @Test
    void aSocketTheBirthDidNotCountAppearsWithItsFirstReport() {
        registry.moduleBirth(birth("m1", 1000)); // its BIRTH went out when two of its relays were configured
        assertTrue(registry.socketStatus(new SocketUpdate("milano", "m1", 4, EvseStatus.CHARGING, 150.0, 2000)));
        Location l = registry.locationOfModule("milano", "m1").orElseThrow();
        assertEquals(List.of(1, 2, 4), l.evses().stream().map(Evse::socket).toList());
        Evse four = l.evses().get(2);
        assertEquals(EvseStatus.CHARGING, four.status());
        assertEquals(2000, four.statusAt());
        assertEquals(List.of(Connector.schuko()), four.connectors());
        assertEquals(l, told.get(told.size() - 1), "the search index hears of the new socket");
        assertFalse(registry.socketStatus(new SocketUpdate("milano", "m1", 4, EvseStatus.AVAILABLE, 0.0, 1500)),
                "an older report of the new socket is still older");
    }

    @Test
    void aLaterBirthWithMoreSocketsAddsThemAndKeepsWhatIsKnown() {
        registry.moduleBirth(birth("m1", 1000));
        registry.socketStatus(new SocketUpdate("milano", "m1", 2, EvseStatus.CHARGING, 120.0, 2000));
        assertTrue(registry.moduleBirth(new ModuleBirth("milano", "m1", "Biblioteca Sormani", "SN-1", "0.1.0",
                45.4613, 9.1976, 4, 3000)));
        Location l = registry.locationOfModule("milano", "m1").orElseThrow();
        assertEquals(List.of(1, 2, 3, 4), l.evses().stream().map(Evse::socket).toList());
        assertEquals(EvseStatus.CHARGING, l.evses().get(1).status(), "socket 2's status survives the new BIRTH");
        assertEquals(EvseStatus.UNKNOWN, l.evses().get(3).status(), "socket 4 waits for its first report");
    }

    @Test
    void twoInstancesApplyingTheSameFirstBirthAtOnceStoreItOnce() throws Exception {
        javax.sql.DataSource db = database(); // several city runtime instances on one database
        JdbcRegistry one = new JdbcRegistry(db, null);
        JdbcRegistry two = new JdbcRegistry(db, null);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                ModuleBirth b = birth("m" + i, 1000);
                SocketUpdate u = new SocketUpdate("milano", "m" + i, 3, EvseStatus.CHARGING, 90.0, 2000);
                var first = threads.submit(() -> one.moduleBirth(b) | one.socketStatus(u));
                var second = threads.submit(() -> two.moduleBirth(b) | two.socketStatus(u));
                first.get(); // neither instance fails on the other's insert
                second.get();
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(20, one.count());
        assertEquals(20, two.modulesOnline());
        Location l = one.locationOfModule("milano", "m7").orElseThrow();
        assertEquals(List.of(1, 2, 3), l.evses().stream().map(Evse::socket).toList());
        assertEquals(EvseStatus.CHARGING, l.evses().get(2).status());
    }

    @Test
    void aBatchKeepsTheOrderRuleAndTellsEachChangedLocationOnceAfterItsCommit() {
        registry.batch(() -> {
            assertTrue(registry.moduleBirth(birth("m1", 1000)));
            assertTrue(registry.socketStatus(new SocketUpdate("milano", "m1", 1, EvseStatus.CHARGING, 150.0, 3000)));
            assertFalse(registry.socketStatus(new SocketUpdate("milano", "m1", 1, EvseStatus.AVAILABLE, 0.0, 2000)),
                    "an older status, later in the same batch");
            assertTrue(registry.socketStatus(new SocketUpdate("milano", "m1", 2, EvseStatus.OUTOFORDER, null, 2500)));
            registry.heard("milano", "m1", 5000);
            registry.heard("milano", "m1", 4000);
            assertTrue(told.isEmpty(), "nobody is told before the commit");
        });
        Location l = registry.locationOfModule("milano", "m1").orElseThrow();
        assertEquals(EvseStatus.CHARGING, l.evses().get(0).status());
        assertEquals(3000, l.evses().get(0).statusAt());
        assertEquals(EvseStatus.OUTOFORDER, l.evses().get(1).status());
        assertEquals(5000, l.module().lastHeard(), "the newest time it was heard");
        assertEquals(List.of(l), told, "once, as committed");
    }

    @Test
    void aBatchTheDatabaseRefusesStoresNothingAndTellsNobody() {
        assertTrue(registry.moduleBirth(birth("m1", 1000)));
        told.clear();
        String tooLong = "s".repeat(65); // the column holds 64
        RuntimeException e = assertThrows(RuntimeException.class, () -> registry.batch(() -> {
            registry.socketStatus(new SocketUpdate("milano", "m1", 1, EvseStatus.CHARGING, 150.0, 3000));
            registry.session(new SessionRecord("milano", "m1", tooLong, 1, "NOW", "OPEN", 1000L, null, 0.0, 0.0, 0.0,
                    null, "plug"));
        }));
        assertTrue(e.getMessage().startsWith("registry database"), e.getMessage());
        Location l = registry.locationOfModule("milano", "m1").orElseThrow();
        assertEquals(EvseStatus.UNKNOWN, l.evses().get(0).status(), "the write before the failure was rolled back");
        assertEquals(0, registry.sessions());
        assertTrue(told.isEmpty());
        assertTrue(registry.socketStatus(new SocketUpdate("milano", "m1", 1, EvseStatus.CHARGING, 150.0, 3000)),
                "the same write on its own is stored");
    }

    @Test
    void olderStatusNeverOverwritesNewer() {
        registry.moduleBirth(birth("m1", 1000));
        assertTrue(registry.socketStatus(new SocketUpdate("milano", "m1", 1, EvseStatus.CHARGING, 120.0, 5000)));
        assertFalse(registry.socketStatus(new SocketUpdate("milano", "m1", 1, EvseStatus.AVAILABLE, 0.0, 4000)),
                "a replayed message from before");
        assertFalse(registry.socketStatus(new SocketUpdate("milano", "m1", 1, EvseStatus.AVAILABLE, 0.0, 5000)),
                "same capture time: the first one stays");
        Evse e = registry.locationOfModule("milano", "m1").orElseThrow().evses().get(0);
        assertEquals(EvseStatus.CHARGING, e.status());
        assertEquals(5000, e.statusAt());
    }

    @Property(tries = 30)
    void theStoredStatusIsTheNewestWhateverTheArrivalOrder(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 1_000_000) Integer> times,
            @ForAll long seed) {
        JdbcRegistry r = new JdbcRegistry(database(), null);
        r.moduleBirth(birth("m", 0));
        List<SocketUpdate> updates = new ArrayList<>();
        EvseStatus[] statuses = EvseStatus.values();
        for (int i = 0; i < times.size(); i++)
            updates.add(new SocketUpdate("milano", "m", 1, statuses[i % statuses.length], (double) i, times.get(i)));
        SocketUpdate newest = updates.stream().reduce((a, b) -> b.capturedAt() > a.capturedAt() ? b : a).orElseThrow();
        Collections.shuffle(updates, new Random(seed));
        // equal times: the first of them to arrive wins; pick the expected winner in arrival order
        SocketUpdate winner = updates.stream().filter(u -> u.capturedAt() == newest.capturedAt()).findFirst().orElseThrow();
        updates.forEach(r::socketStatus);
        Evse e = r.locationOfModule("milano", "m").orElseThrow().evses().get(0);
        assertEquals(winner.status(), e.status());
        assertEquals(winner.capturedAt(), e.statusAt());
    }

    @Test
    void offlineShowsUnknownToThePublicAndANewBirthBringsItBack() {
        registry.moduleBirth(birth("m1", 1000));
        registry.socketStatus(new SocketUpdate("milano", "m1", 1, EvseStatus.AVAILABLE, 0.0, 2000));
        registry.heard("milano", "m1", 2500);
        assertTrue(registry.moduleOffline("milano", "m1", 3000));
        Location l = registry.locationOfModule("milano", "m1").orElseThrow();
        assertFalse(l.module().online());
        assertEquals(2500, l.module().lastHeard());
        assertEquals(EvseStatus.AVAILABLE, l.evses().get(0).status(), "the last report is kept");
        assertEquals(EvseStatus.UNKNOWN, l.publicStatus(l.evses().get(0)), "but the public sees UNKNOWN");
        assertFalse(registry.moduleOffline("milano", "m1", 3100), "already offline");

        assertTrue(registry.moduleBirth(birth("m1", 4000)));
        assertFalse(registry.moduleOffline("milano", "m1", 3500), "an LWT from before the new BIRTH");
        assertTrue(registry.locationOfModule("milano", "m1").orElseThrow().module().online());
        assertFalse(registry.moduleBirth(birth("m1", 3900)), "an older BIRTH delivered late");
    }

    @Test
    void sessionRecordsAreStoredOnceAndClosedNeverReopens() {
        registry.moduleBirth(birth("m1", 1000));
        SessionRecord open = new SessionRecord("milano", "m1", "s-1", 1, "NOW", "OPEN", 1000L, null, 0.0, 0.0, 0.0,
                null, "plug");
        SessionRecord closed = new SessionRecord("milano", "m1", "s-1", 1, "NOW", "CLOSED", 1000L, 9000L, 420.0, 100.0,
                0.1, "UNPLUGGED", "plug");
        assertTrue(registry.session(open));
        assertFalse(registry.session(open), "a duplicate");
        assertTrue(registry.session(closed));
        assertFalse(registry.session(open), "an OPEN record arriving late");
        assertFalse(registry.session(closed));
        assertEquals(1, registry.sessions());
    }

    @Test
    void pointsWithoutAModuleAreStoredAsNotMonitored() {
        Location p = new Location("p-1", "Portineria di via Torino", "Via Torino 1", "Milano", 45.462, 9.185,
                OperatorType.CONDOMINIUM, true, Set.of(VehicleClass.EBIKE, VehicleClass.MOBILITY_AID),
                Set.of("CAFE"), "Mo-Fr 08:00-19:00", true, null, 1234,
                null, List.of(new Evse(1, EvseStatus.AVAILABLE, 0, null, List.of(Connector.schuko()))));
        registry.putUnmonitored(p);
        Location stored = registry.location("p-1").orElseThrow();
        assertFalse(stored.monitored(), "whatever the caller said");
        assertEquals(Set.of(VehicleClass.EBIKE, VehicleClass.MOBILITY_AID), stored.vehicleClasses());
        assertEquals(Set.of("CAFE"), stored.facilities());
        assertEquals(EvseStatus.UNKNOWN, stored.publicStatus(stored.evses().get(0)));
        assertEquals(1, registry.page(0, 10).size());
        assertEquals(0, registry.page(1, 10).size());
    }

    /**
     * A client paging through the registry while modules are born: the page and its total come from one snapshot, so
     * a full page always holds exactly the total (read one after the other, a birth in between made them disagree).
     */
    @Test
    void aPageAndItsTotalAgreeWhileModulesAreBorn() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread births = new Thread(() -> {
            for (int i = 0; i < 150; i++) registry.moduleBirth(birth("pc-" + i, 1000 + i));
            writing.set(false);
        });
        births.start();
        List<String> disagreements = new ArrayList<>();
        int reads = 0;
        try {
            while (writing.get() || reads == 0) {
                var all = registry.pageCounted(0, 100_000);
                if (all.items().size() != all.total())
                    disagreements.add(all.items().size() + " listed, total " + all.total());
                var changed = registry.pageChangedCounted(Long.MIN_VALUE, Long.MAX_VALUE, 0, 100_000);
                if (changed.items().size() != changed.total())
                    disagreements.add("changed: " + changed.items().size() + " listed, total " + changed.total());
                reads++;
            }
        } finally {
            births.join();
        }
        assertEquals(List.of(), disagreements, reads + " reads");
        assertEquals(150, registry.pageCounted(0, 100_000).total());
        assertEquals(List.of(), registry.pageChangedCounted(5, 5, 0, 10).items(), "an empty period");
    }
}
