package org.microsmartgrid.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntPredicate;

class SimulatedSiteTest {
    private static final Instant NOON_JUNE = Instant.parse("2025-06-18T11:00:00Z");
    private static final List<SocketSetup> SOCKETS = List.of(
            new SocketSetup(1, PhaseConnection.L1, VehicleClass.EBIKE, 30),
            new SocketSetup(2, PhaseConnection.L2, VehicleClass.SCOOTER, 50),
            new SocketSetup(3, PhaseConnection.L3, VehicleClass.WHEELCHAIR, 85),
            new SocketSetup(4, PhaseConnection.L1, VehicleClass.CAR, 60),
            new SocketSetup(5, PhaseConnection.L2, null, 0),
            new SocketSetup(6, PhaseConnection.L3, VehicleClass.EBIKE, 100));

    private static SimulatedSite site(long seed, Instant start) {
        return new SimulatedSite(SiteParameters.defaults(seed), SOCKETS, start);
    }

    /** Relay pattern from the bits of a mask: bit n-1 set = socket n closed. */
    private static IntPredicate contacts(int mask) {
        return n -> (mask >> (n - 1) & 1) == 1;
    }

    @Property(tries = 200)
    void socketsDrawOnlyWithContactClosedAVehiclePluggedAndRoomInTheBattery(
            @ForAll @IntRange(min = 0, max = 63) int mask, @ForAll @LongRange(min = 0, max = 365L * 86400) long offset) {
        SimulatedSite site = site(1, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(offset));
        SiteSnapshot s = site.advanceTo(site.now().plusSeconds(5), contacts(mask));
        for (SocketMeterValues m : s.sockets()) {
            boolean mayDraw = contacts(mask).test(m.socket()) && m.vehicle() != null && m.socPercent() < 100;
            assertEquals(mayDraw, m.powerW() > 0, "socket " + m.socket() + " with contacts " + Integer.toBinaryString(mask));
            assertEquals(contacts(mask).test(m.socket()), m.contactClosed());
        }
    }

    @Property(tries = 200)
    void gridIsLoadPlusSocketsMinusPvOnEveryPhaseAndInTotal(
            @ForAll @IntRange(min = 0, max = 63) int mask, @ForAll @LongRange(min = 0, max = 365L * 86400) long offset) {
        SimulatedSite site = site(2, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(offset));
        SiteSnapshot s = site.advanceTo(site.now().plusSeconds(30), contacts(mask));
        assertEquals(s.buildingW() + s.socketsW() - s.pv().powerW(), s.grid().totalPower(), 1e-6);
        for (int phase = 1; phase <= 3; phase++) {
            int p = phase;
            double sockets = s.sockets().stream().filter(m -> m.phase().ordinal() == p - 1).mapToDouble(SocketMeterValues::powerW).sum();
            double expected = s.buildingW() / 3 + sockets - s.pv().powerW() / 3;
            assertEquals(expected, s.grid().phase(phase).activePower(), 1e-6);
            PhaseValues v = s.grid().phase(phase);
            assertEquals(v.apparentPower() / v.voltage(), v.current(), 1e-9, "current = S / V");
            assertTrue(v.voltage() > 220 && v.voltage() < 240);
        }
        assertTrue(s.grid().frequency() >= 49.9 && s.grid().frequency() <= 50.1);
    }

    @Property(tries = 50)
    void energyCountersNeverRunBackwards(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 7200) Integer> steps,
                                         @ForAll @IntRange(min = 0, max = 63) int mask) {
        SimulatedSite site = site(3, Instant.parse("2025-04-10T05:00:00Z"));
        SiteSnapshot before = site.snapshot();
        for (int step : steps) {
            SiteSnapshot after = site.advanceTo(site.now().plusSeconds(step), contacts(mask));
            assertTrue(after.grid().importKwh() >= before.grid().importKwh());
            assertTrue(after.grid().exportKwh() >= before.grid().exportKwh());
            assertTrue(after.pv().energyWh() >= before.pv().energyWh());
            for (SocketMeterValues m : after.sockets()) {
                assertTrue(m.importKwh() >= before.socket(m.socket()).importKwh());
                assertTrue(m.socPercent() >= before.socket(m.socket()).socPercent());
            }
            before = after;
        }
    }

    @Test
    void importAndExportFollowTheSignOfTheGridPower() {
        SimulatedSite sunny = new SimulatedSite(new SiteParameters(4, Location.MILAN, 10_000, 0, PhaseConnection.THREE_PHASE,
                200, 0, PhaseConnection.THREE_PHASE, 0), List.of(), NOON_JUNE);
        SiteSnapshot start = sunny.snapshot();
        SiteSnapshot hourLater = sunny.advanceTo(NOON_JUNE.plus(Duration.ofHours(1)), n -> false);
        assertTrue(hourLater.grid().totalPower() < 0, "10 kWp at noon exports");
        assertEquals(start.grid().importKwh(), hourLater.grid().importKwh(), 1e-9);
        assertTrue(hourLater.grid().exportKwh() - start.grid().exportKwh() > 5, "about 9 kWh exported in an hour");
        assertTrue(hourLater.grid().powerFactor() < 0, "Eastron signs the power factor with the direction of the power");
    }

    @Test
    void stateOfChargeIntegratesTheEnergyThroughTheSocket() {
        SimulatedSite site = site(5, NOON_JUNE);
        SocketMeterValues before = site.snapshot().socket(1);
        SocketMeterValues after = site.advanceTo(NOON_JUNE.plus(Duration.ofMinutes(30)), n -> n == 1).socket(1);
        double deliveredWh = (after.importKwh() - before.importKwh()) * 1000;
        assertEquals(75, deliveredWh, 0.5, "an e-bike charger draws 150 W: 75 Wh in half an hour");
        double storedWh = (after.socPercent() - before.socPercent()) / 100 * VehicleClass.EBIKE.batteryWh();
        assertEquals(deliveredWh * Charger.EFFICIENCY, storedWh, 0.01);
    }

    @Test
    void aVehicleStopsDrawingWhenFull() {
        SimulatedSite site = site(6, NOON_JUNE);
        SiteSnapshot s = site.advanceTo(NOON_JUNE.plus(Duration.ofHours(12)), n -> n == 1);
        assertEquals(100, s.socket(1).socPercent(), 1e-9);
        assertEquals(0, s.socket(1).powerW());
    }

    @Test
    void nearlyFullBatteriesTaper() {
        SiteSnapshot s = site(7, NOON_JUNE).advanceTo(NOON_JUNE, n -> true);
        assertTrue(s.socket(3).powerW() < VehicleClass.WHEELCHAIR.chargerW(), "the wheelchair at 85% is in its CV phase");
        assertEquals(VehicleClass.EBIKE.chargerW(), s.socket(1).powerW(), 1e-9);
    }

    @Test
    void plugAndUnplugAtRuntime() {
        SimulatedSite site = site(8, NOON_JUNE);
        site.plug(5, VehicleClass.MOPED, 10);
        SiteSnapshot s = site.advanceTo(NOON_JUNE.plusSeconds(1), n -> n == 5);
        assertEquals(VehicleClass.MOPED.chargerW(), s.socket(5).powerW(), 1e-9);
        site.unplug(5);
        s = site.advanceTo(NOON_JUNE.plusSeconds(2), n -> n == 5);
        assertEquals(0, s.socket(5).powerW());
        assertNull(s.socket(5).vehicle());
    }

    @Test
    void aSocketLoadsOnlyItsOwnPhase() {
        SimulatedSite site = site(9, NOON_JUNE);
        SiteSnapshot open = site.advanceTo(NOON_JUNE, n -> false);
        SiteSnapshot closed = site.advanceTo(NOON_JUNE, n -> n == 2); // socket 2 is on L2; same instant, same noise
        assertEquals(open.grid().phase(1).activePower(), closed.grid().phase(1).activePower(), 1e-9);
        assertEquals(open.grid().phase(2).activePower() + VehicleClass.SCOOTER.chargerW(), closed.grid().phase(2).activePower(), 1e-9);
        assertEquals(open.grid().phase(3).activePower(), closed.grid().phase(3).activePower(), 1e-9);
    }

    @Test
    void theSameSeedGivesTheSameBuildingAndAnotherSeedAnother() {
        SimulatedSite a = site(10, NOON_JUNE);
        SimulatedSite b = site(10, NOON_JUNE);
        SimulatedSite c = site(11, NOON_JUNE);
        for (int minute = 1; minute <= 60; minute++) {
            Instant t = NOON_JUNE.plus(Duration.ofMinutes(minute));
            assertEquals(a.advanceTo(t, n -> true), b.advanceTo(t, n -> true));
            c.advanceTo(t, n -> true);
        }
        assertNotEquals(a.snapshot().grid().totalPower(), c.snapshot().grid().totalPower());
    }

    @Test
    void aLongJumpIntegratesTheWholeGap() {
        SimulatedSite site = site(12, Instant.parse("2025-06-18T00:00:00Z"));
        double before = site.snapshot().pv().energyWh();
        site.advanceTo(Instant.parse("2025-06-19T00:00:00Z"), n -> false);
        double producedWh = site.snapshot().pv().energyWh() - before;
        assertTrue(producedWh > 8_000 && producedWh < 25_000, "a June day of a 3 kWp array with passing clouds: " + producedWh + " Wh");
    }

    @Test
    void singlePhasePvFeedsOnlyItsPhase() {
        SimulatedSite site = new SimulatedSite(new SiteParameters(13, Location.MILAN, 3000, 0, PhaseConnection.L3,
                400, 2500, PhaseConnection.THREE_PHASE, 0), List.of(), NOON_JUNE);
        SiteSnapshot s = site.advanceTo(NOON_JUNE, n -> false);
        assertEquals(0, s.pv().phase(1).current());
        assertEquals(s.pv().powerW(), s.pv().phase(3).activePower(), 1e-9);
        assertEquals(s.buildingW() / 3 - s.pv().powerW(), s.grid().phase(3).activePower(), 1e-6);
    }
}
