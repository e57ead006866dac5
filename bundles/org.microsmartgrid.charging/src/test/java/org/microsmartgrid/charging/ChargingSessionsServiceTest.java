package org.microsmartgrid.charging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.api.tariff.TariffCalendar;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.charging.config.Configs;
import org.microsmartgrid.charging.config.Tokens;

/** The component activated directly (no OSGi) on a real H2 file in a temporary folder, fed with fake meter readings. */
class ChargingSessionsServiceTest {

    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");
    private static final String TOKEN = "driver-42";

    @TempDir
    Path dir;
    private ChargingSessionsService service;

    @AfterEach
    void tearDown() {
        if (service != null) service.deactivate();
    }

    private ChargingSessionsService activate() {
        Configs c = new Configs();
        c.databasePath = dir.resolve("db/sessions").toString();
        c.tokens = new String[] {Tokens.sha256Hex(TOKEN)};
        c.fleet = new String[] {"bike-7=6"};
        ChargingSessionsService s = new ChargingSessionsService(Clock.fixed(T0, ZoneOffset.UTC));
        s.activate(c.build(), null);
        return s;
    }

    private static MeterReading socket(int socket, long second, double w, Double importWh) {
        Instant at = T0.plusSeconds(second);
        Map<Channel, Sample> v = new EnumMap<>(Channel.class);
        v.put(Channel.ACTIVE_POWER, new Sample(w, at));
        if (importWh != null) v.put(Channel.IMPORT_ENERGY, new Sample(importWh, at));
        return new MeterReading("socket" + socket, MeterRole.SOCKET, socket, Quality.GOOD, at, v, null);
    }

    private static MeterReading grid(long second, double w) {
        Instant at = T0.plusSeconds(second);
        return new MeterReading("grid", MeterRole.GRID, 0, Quality.GOOD, at,
                Map.of(Channel.ACTIVE_POWER, new Sample(w, at)), null);
    }

    /** Socket 1 with an import counter: 1 kW, 1 Wh counted per 3.6 s; the readings come every second. */
    private static void charge(ChargingSessionsService s, long from, long to, double startCounterWh) {
        for (long t = from; t <= to; t++) {
            s.onReading(grid(t, -500));
            s.onReading(socket(1, t, 1000, startCounterWh + t * 1000 / 3600.0));
        }
    }

    @Test
    void aKilledModuleResumesTheOpenSessionWithoutDuplicateAndCountsTheEnergyOnce() {
        service = activate();
        charge(service, 0, 600, 5000); // plugged at 0 s, ten minutes at 1 kW
        java.util.UUID id = service.active(1).orElseThrow().id();
        service.flush();
        service.crash(); // kill -9: no clean close, no last write
        service = null;

        // meanwhile the vehicle keeps charging on the relay's lease... the module comes back 60 s later
        service = activate();
        ChargingSession resumed = service.active(1).orElseThrow();
        assertEquals(id, resumed.id(), "the same session, resumed");
        assertTrue(resumed.energyWh() > 0, "energy up to the last periodic write is there");
        assertTrue(resumed.energyWh() <= 600 * 1000 / 3600.0 + 1e-9);

        charge(service, 660, 1200, 5000);
        service.flush();
        ChargingSession now = service.active(1).orElseThrow();
        assertEquals(1200 * 1000 / 3600.0, now.energyWh(), 1e-6,
                "counter difference since the start: nothing lost across the crash, nothing counted twice");
        assertEquals(now.energyWh(), now.solarWh(), 1e-6, "the site was exporting throughout");

        List<ChargingSession> all = service.recent(10);
        assertEquals(1, all.size(), "no duplicate record");
        Optional<ChargingSession> stopped = service.stop(1, "kapua:tech-01");
        assertEquals(ChargingSessions.STOPPED, stopped.orElseThrow().endReason());
        assertEquals("kapua:tech-01", stopped.orElseThrow().endedBy(), "who stopped it, in its own field");

        service.deactivate();
        service = activate();
        assertTrue(service.active(1).isEmpty(), "a stopped session stays stopped after a restart");
        ChargingSession rec = service.recent(10).get(0);
        assertEquals(id, rec.id());
        assertEquals(ChargingSessions.STOPPED, rec.endReason());
        assertEquals("kapua:tech-01", rec.endedBy(), "kept in the database");
        assertEquals(1200 * 1000 / 3600.0, rec.energyWh(), 1e-6);
        assertEquals(ChargingSessions.PLUG, rec.startedBy());
    }

    @Test
    void aCleanRestartKeepsOpenSessionsOpenWithTheirLastEnergy() {
        service = activate();
        for (long t = 0; t <= 100; t++) service.onReading(socket(2, t, 720, null)); // no counter: integrated
        double before = service.active(2).orElseThrow().energyWh();
        service.deactivate(); // writes what is pending
        service = activate();
        assertEquals(before, service.active(2).orElseThrow().energyWh(), 1e-9);
        assertEquals(1, service.recent(5).size());
    }

    @Test
    void unpluggingWithTheRelayClosedEndsTheSessionAndTheRecordIsStored() {
        service = activate();
        FakeRelay relay = new FakeRelay(3, true);
        service.relays.add(relay);
        for (long t = 0; t <= 60; t++) service.onReading(socket(3, t, 200, null));
        relay.closed = false; // the balancer waits for sun: 0 W says nothing
        for (long t = 61; t <= 400; t++) service.onReading(socket(3, t, 0, null));
        assertTrue(service.active(3).isPresent());
        relay.closed = true;
        for (long t = 401; t <= 521; t++) service.onReading(socket(3, t, 0, null));
        assertTrue(service.active(3).isEmpty());
        service.flush();
        ChargingSession rec = service.recent(1).get(0);
        assertEquals(ChargingSessions.UNPLUGGED, rec.endReason());
        assertEquals(T0.plusSeconds(521), rec.ended());
        assertEquals(61 * 200 / 3600.0, rec.energyWh(), 1e-6, "200 W held from 0 s until the 0 W reading at 61 s");
    }

    @Test
    void theCalendarPricesTheEnergyWhetherTheBalancerRunsOrNot() {
        service = activate();
        service.calendar = new FixedCalendar(TariffBand.F3); // no balancer at all: a socket switched by hand
        for (long t = 0; t <= 3600; t++) service.onReading(socket(4, t, 1000, null));
        assertEquals(0.20, service.active(4).orElseThrow().costEur(), 1e-6, "1 kWh in F3 at 0.20 EUR/kWh");
        service.calendar = null; // the calendar went away: never priced cheaper than it may be
        for (long t = 3601; t <= 3610; t++) service.onReading(socket(4, t, 3600, null));
        // 1 kW held for the first second, then 3.6 kW (1 Wh per second) for nine
        assertEquals(0.20 + 0.30 * (1000 / 3600.0 + 9) / 1000,
                service.active(4).orElseThrow().costEur(), 1e-6, "then priced at the dearest band (F1)");
    }

    private record FixedCalendar(TariffBand band) implements TariffCalendar {
        public TariffBand band(Instant t) {
            return band;
        }

        public Instant nextPossibleChange(Instant t) {
            return t.plusSeconds(3600);
        }

        public boolean isHoliday(java.time.LocalDate day) {
            return false;
        }
    }

    @Test
    void aDriverStartsWithATokenAndTheSessionIsStoredBeforeTheCallReturns() {
        service = activate();
        Instant deadline = T0.plusSeconds(9 * 3600);
        ChargingSession s = service.start(5, ChargingMode.SOLAR_AND_CHEAP, 4000, deadline, TOKEN);
        service.crash();
        service = activate();
        ChargingSession back = service.active(5).orElseThrow();
        assertEquals(s.id(), back.id());
        assertEquals(ChargingMode.SOLAR_AND_CHEAP, back.mode());
        assertEquals(deadline, back.deadline());
        assertNotNull(back.startedBy());
        assertThrows(SecurityException.class, () -> service.start(6, ChargingMode.NOW, 0, null, "nope"));
        assertTrue(Files.exists(dir.resolve("db/sessions.mvstore")));
    }

    @Test
    void theSharedBikesTripSurvivesAKilledModuleAndItsReturnClosesIt() {
        service = activate();
        for (long t = 0; t <= 1800; t++) service.onReading(socket(6, t, 720, null)); // charged at home
        for (long t = 1801; t <= 1921; t++) service.onReading(socket(6, t, 0, null)); // unplugged: it leaves
        assertTrue(service.active(6).isEmpty());
        service.flush();
        FleetTrip out = service.trips(5).get(0);
        assertTrue(out.out());
        assertEquals("bike-7", out.vehicle());
        assertEquals(T0.plusSeconds(1921), out.left());
        service.crash(); // kill -9 while the bike is out
        service = null;

        service = activate();
        assertEquals(List.of(out), service.trips(5), "the trip is still out after the crash");
        for (long t = 2000; t <= 2100; t++) service.onReading(socket(5, t, 1000, null));
        service.flush();
        assertTrue(service.trips(5).get(0).out(), "a plug-in at another socket is not its return");
        for (long t = 9000; t <= 9000 + 3600; t++) service.onReading(socket(6, t, 1000, null)); // back, 1 h at 1 kW
        service.flush();
        FleetTrip back = service.trips(5).get(0);
        assertEquals(out.id(), back.id());
        assertEquals(T0.plusSeconds(9000), back.returned());
        assertEquals(java.time.Duration.ofSeconds(9000 - 1921), back.duration().orElseThrow());
        assertEquals(1000, back.chargedWh(), 1e-6, "the energy charged since the return");
        assertTrue(!back.charged(), "still charging");
        for (long t = 12601; t <= 12721; t++) service.onReading(socket(6, t, 0, null)); // leaves again
        service.deactivate();
        service = activate();

        List<FleetTrip> all = service.trips(5);
        assertEquals(2, all.size(), "its second departure is a new trip");
        assertTrue(all.get(0).out());
        FleetTrip done = all.get(1);
        assertEquals(out.id(), done.id());
        assertTrue(done.charged());
        assertEquals(3601 * 1000 / 3600.0, done.chargedWh(), 1e-6, "1 kW held until the 0 W reading at 12601 s");
    }

    private static final class FakeRelay implements Relay {
        final int socket;
        volatile boolean closed;

        FakeRelay(int socket, boolean closed) {
            this.socket = socket;
            this.closed = closed;
        }

        public String id() {
            return "relay" + socket;
        }

        public int socket() {
            return socket;
        }

        public RelayState state() {
            return new RelayState(id(), socket, closed, closed, null, null, T0, "test", null);
        }

        public RelayResult command(RelayCommand command) {
            throw new UnsupportedOperationException();
        }
    }
}
