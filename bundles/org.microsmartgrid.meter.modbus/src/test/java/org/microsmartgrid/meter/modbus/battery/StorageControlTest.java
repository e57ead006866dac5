package org.microsmartgrid.meter.modbus.battery;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.meter.modbus.bus.BusJob;
import org.microsmartgrid.meter.modbus.bus.BusPoller;
import org.microsmartgrid.meter.modbus.bus.ModbusBusService;
import org.microsmartgrid.meter.modbus.poll.PolledDevice;
import org.microsmartgrid.meter.modbus.config.BatterySettings;
import org.microsmartgrid.meter.modbus.testing.Await;
import org.microsmartgrid.meter.modbus.testing.BrokenDevice;
import org.microsmartgrid.meter.modbus.testing.Settings;
import org.microsmartgrid.meter.modbus.testing.Slave;

/** Set-points written over Modbus TCP into a real j2mod process image holding SunSpec model 124. */
class StorageControlTest {
    private static final int UNIT = 3;
    private Slave slave;
    private BusPoller bus;

    private ControlChannel channel(int maxChargeW, int maxDischargeW) throws Exception {
        slave = Slave.start();
        bus = BusPoller.withJ2mod(Settings.tcpBus("test", slave.port(), 1000));
        bus.start();
        return new ControlChannel(new BatterySettings("battery", "test", "(bus.id=test)", UNIT, 40000, maxChargeW,
                maxDischargeW, false), bus, Clock.systemUTC());
    }

    private BrokenDevice broken;

    @AfterEach
    void close() throws Exception {
        if (bus != null) bus.stop();
        if (broken != null) broken.close();
        if (slave != null) slave.close();
    }

    @Test
    void chargeIsWrittenAsAWindowInPerCentOfWChaMaxWithTheRevertTimeout() throws Exception {
        ControlChannel c = channel(3000, 3000);
        StorageDevice.write(slave, UNIT, 500, 1, -2, 24); // WChaMax 5000 W, rates in 0.01 %
        BatteryResult r = c.apply(-1500, Duration.ofMillis(3500), "balancer");
        assertEquals(BatteryResult.Outcome.APPLIED, r.outcome());
        Await.until("StorCtl_Mod = 3", () -> StorageDevice.word(slave, UNIT, StoragePoints.STOR_CTL_MOD) == 3);
        assertEquals(3000, StorageDevice.word(slave, UNIT, StoragePoints.IN_W_RTE), "charge 30.00 % of 5000 W");
        assertEquals(-3000 & 0xFFFF, StorageDevice.word(slave, UNIT, StoragePoints.OUT_W_RTE), "forced charge");
        assertEquals(4, StorageDevice.word(slave, UNIT, StoragePoints.RVRT_TMS), "3.5 s rounds up to 4 s");
        assertEquals(0, StorageDevice.word(slave, UNIT, StoragePoints.WIN_TMS));
        Await.until("state shows the set-point", () -> c.state().setpointW() == -1500);
        assertNull(c.state().fault());
        assertEquals(3000, c.state().maxChargeW(), "configured limit below the device's 5000 W");
    }

    @Test
    void aDischargeBeyondTheLimitIsClampedAndANonNumberRefused() throws Exception {
        ControlChannel c = channel(3000, 2000);
        StorageDevice.write(slave, UNIT, 5000, 0, -1, 24); // WChaMax 5000 W, rates in 0.1 %
        assertEquals(BatteryResult.Outcome.REFUSED, c.apply(Double.NaN, Duration.ofSeconds(4), "balancer").outcome());
        assertEquals(BatteryResult.Outcome.REFUSED, c.apply(100, Duration.ZERO, "balancer").outcome());
        BatteryResult r = c.apply(4500, Duration.ofSeconds(4), "balancer");
        assertEquals(BatteryResult.Outcome.CLAMPED, r.outcome());
        assertEquals(2000, r.appliedW());
        Await.until("StorCtl_Mod = 3", () -> StorageDevice.word(slave, UNIT, StoragePoints.STOR_CTL_MOD) == 3);
        assertEquals(400, StorageDevice.word(slave, UNIT, StoragePoints.OUT_W_RTE), "40.0 % of 5000 W");
        assertEquals(-400 & 0xFFFF, StorageDevice.word(slave, UNIT, StoragePoints.IN_W_RTE));
    }

    @Test
    void releaseGivesTheBatteryBackToItsAutomaticMode() throws Exception {
        ControlChannel c = channel(3000, 3000);
        StorageDevice.write(slave, UNIT, 5000, 0, 0, 24);
        c.apply(1000, Duration.ofSeconds(4), "balancer");
        Await.until("controlled", () -> StorageDevice.word(slave, UNIT, StoragePoints.STOR_CTL_MOD) == 3);
        assertEquals(BatteryResult.Outcome.APPLIED, c.release("stop").outcome());
        Await.until("automatic", () -> StorageDevice.word(slave, UNIT, StoragePoints.STOR_CTL_MOD) == 0);
        Await.until("state cleared", () -> c.state().validUntil() == null);
    }

    @Test
    void aDeviceWithoutWChaMaxIsAFaultAndLaterSetPointsAreRefusedWithIt() throws Exception {
        ControlChannel c = channel(3000, 3000);
        StorageDevice.write(slave, UNIT, 0xFFFF, 0, 0, 24);
        c.apply(1000, Duration.ofSeconds(4), "balancer");
        Await.until("fault", () -> c.state().fault() != null);
        assertTrue(c.state().fault().contains("WChaMax not set"), c.state().fault());
        assertEquals(0, StorageDevice.word(slave, UNIT, StoragePoints.STOR_CTL_MOD), "nothing written");
        BatteryResult r = c.apply(1000, Duration.ofSeconds(4), "balancer");
        assertEquals(BatteryResult.Outcome.REFUSED, r.outcome());
        assertTrue(r.reason().contains("WChaMax"), r.reason());
    }

    @Test
    void aDeviceAnsweringAnExceptionToTheReadIsAFaultWithTheModbusReason() throws Exception {
        ControlChannel c = channel(3000, 3000);
        StorageDevice.write(slave, UNIT, 5000, 0, 0, 10); // the image ends inside model 124
        c.apply(-800, Duration.ofSeconds(4), "balancer");
        Await.until("fault", () -> c.state().fault() != null);
        assertTrue(c.state().fault().contains("exception code 2"), c.state().fault());
    }

    @Test
    void garbageRepliesToAWriteAreAFaultThatClearsWhenTheDeviceAnswersAgain() throws Exception {
        slave = Slave.start();
        StorageDevice.write(slave, UNIT, 5000, 0, -1, 24);
        broken = new BrokenDevice(slave.port());
        bus = BusPoller.withJ2mod(Settings.tcpBus("test", broken.port(), 300));
        bus.start();
        ControlChannel c = new ControlChannel(new BatterySettings("battery", "test", "(bus.id=test)", UNIT, 40000, 3000,
                3000, false), bus, Clock.systemUTC());
        c.apply(500, Duration.ofSeconds(4), "balancer");
        Await.until("first set-point written", () -> StorageDevice.word(slave, UNIT, StoragePoints.OUT_W_RTE) == 100);

        broken.mode(BrokenDevice.Mode.GARBAGE);
        c.apply(1000, Duration.ofSeconds(4), "balancer");
        Await.until("fault", () -> c.state().fault() != null);
        // a failed write makes the next attempt read the model's scaling again, so the cause named may be either
        assertTrue(c.state().fault().startsWith("set-point not written: "), "the fault names the write: " + c.state().fault());
        assertEquals(100, StorageDevice.word(slave, UNIT, StoragePoints.OUT_W_RTE), "nothing reached the device");
        BatteryResult refused = c.apply(1000, Duration.ofSeconds(4), "balancer");
        assertEquals(BatteryResult.Outcome.REFUSED, refused.outcome(), "the caller learns the battery is not following");

        broken.mode(BrokenDevice.Mode.HEALTHY);
        c.apply(1000, Duration.ofSeconds(4), "balancer");
        Await.until("written after recovery", () -> StorageDevice.word(slave, UNIT, StoragePoints.OUT_W_RTE) == 200);
        Await.until("fault cleared", () -> c.state().fault() == null);
    }

    @Test
    void aWriteJobTheBusDroppedIsHandedOverAgainAndTheNewestSetPointReachesTheDevice() throws Exception {
        slave = Slave.start();
        StorageDevice.write(slave, UNIT, 5000, 0, -1, 24);
        bus = BusPoller.withJ2mod(Settings.tcpBus("test", slave.port(), 1000));
        bus.start();
        // a bus restarted between a submit and its turn: the queued job is gone
        AtomicBoolean dropNext = new AtomicBoolean(true);
        ModbusBusService restarted = new ModbusBusService() {
            public String busId() { return bus.busId(); }
            public String describe() { return bus.describe(); }
            public void attach(PolledDevice d) { bus.attach(d); }
            public void detach(PolledDevice d) { bus.detach(d); }
            public void intervalsChanged(PolledDevice d) { bus.intervalsChanged(d); }
            public void submit(BusJob job) { if (!dropNext.getAndSet(false)) bus.submit(job); }
        };
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-10T10:00:00Z"));
        Clock clock = new Clock() {
            public Instant instant() { return now.get(); }
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
        };
        ControlChannel c = new ControlChannel(new BatterySettings("battery", "test", "(bus.id=test)", UNIT, 40000, 3000,
                3000, false), restarted, clock);
        c.apply(500, Duration.ofSeconds(60), "balancer"); // its job is dropped
        c.apply(1000, Duration.ofSeconds(60), "balancer"); // pending already: no new job at once
        now.set(now.get().plus(ControlChannel.RESUBMIT_AFTER).plusMillis(1));
        c.apply(1500, Duration.ofSeconds(60), "balancer"); // the job has not run for too long: handed over again
        Await.until("the newest set-point written", () -> StorageDevice.word(slave, UNIT, StoragePoints.OUT_W_RTE) == 300);
        Await.until("state shows it", () -> c.state().setpointW() == 1500);
    }
}
