package org.microsmartgrid.meter.modbus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.meter.modbus.config.MeterSettings;
import org.microsmartgrid.meter.modbus.device.MapSource;
import org.microsmartgrid.meter.modbus.device.MeterDevice;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.microsmartgrid.meter.modbus.profiles.Sdm630Map;
import org.microsmartgrid.meter.modbus.testing.Await;
import org.microsmartgrid.meter.modbus.testing.BrokenDevice;
import org.microsmartgrid.meter.modbus.testing.RecordingListener;
import org.microsmartgrid.meter.modbus.testing.Settings;
import org.microsmartgrid.meter.modbus.testing.Slave;

/**
 * Devices that answer badly, on a real bus thread: the meter fails with a clear error, the bus survives, and the
 * meter recovers when the device does.
 */
class BadRepliesTest {
    private Slave slave;
    private BrokenDevice broken;
    private BusPoller bus;

    @AfterEach
    void stop() throws Exception {
        if (bus != null) bus.stop();
        if (broken != null) broken.close();
        if (slave != null) slave.close();
    }

    private void sdm630(int unit, float power) {
        slave.inputFloat(unit, 0x0034, power);
        slave.inputFloat(unit, 0x0156, 1f);
    }

    private MeterDevice meter(String id, int unit, RecordingListener listener, Object... timing) {
        Object[] kv = new Object[timing.length + 4];
        kv[0] = "meter.id";
        kv[1] = id;
        kv[2] = "unit.id";
        kv[3] = unit;
        System.arraycopy(timing, 0, kv, 4, timing.length);
        MeterSettings s = Settings.meter(kv);
        MeterDevice d = new MeterDevice(s, bus.describe(), new MapSource(Sdm630Map.MAP, TimeSource.SYSTEM), listener::onReading, TimeSource.SYSTEM);
        bus.attach(d);
        return d;
    }

    private void startBus(int port, int timeoutMs) {
        bus = BusPoller.withJ2mod(Settings.tcpBus("test", port, timeoutMs));
        bus.start();
    }

    @Test
    void aDeviceMissingTheRegistersFailsWithTheExceptionCodeWhileItsNeighbourStaysGood() throws Exception {
        slave = Slave.start();
        sdm630(1, 1234f);
        slave.inputSize(2, 0x10); // unit 2 exists but has no register 0x34
        startBus(slave.port(), 2000);
        RecordingListener good = new RecordingListener(), missing = new RecordingListener();
        MeterDevice ok = meter("ok", 1, good, "poll.fast.ms", 50);
        MeterDevice bad = meter("bad", 2, missing, "poll.fast.ms", 50);
        Await.until("meter 'bad' FAILED", () -> missing.lastIs(Quality.FAILED), () -> String.valueOf(missing.last()));
        String error = bad.reading().error();
        assertTrue(error.contains("exception code 2 (Illegal Data Address)") && error.contains("of unit 2"), error);
        Await.until("meter 'ok' GOOD", () -> good.lastIs(Quality.GOOD));
        assertEquals(1234.0, ok.reading().good(Channel.ACTIVE_POWER).orElseThrow());
    }

    @Test
    void aDeviceThatStopsAnsweringGoesStaleThenFailedAndRecovers() throws Exception {
        slave = Slave.start();
        sdm630(1, 500f);
        broken = new BrokenDevice(slave.port());
        startBus(broken.port(), 300);
        RecordingListener listener = new RecordingListener();
        MeterDevice m = meter("grid", 1, listener, "poll.fast.ms", 50, "stale.after.ms", 200, "failed.after.errors", 3);
        Await.until("GOOD", () -> listener.lastIs(Quality.GOOD));

        int from = listener.readings.size();
        broken.mode(BrokenDevice.Mode.SILENT);
        Await.until("STALE then FAILED", () -> listener.sawInOrder(from, Quality.STALE, Quality.FAILED),
                () -> String.valueOf(listener.last()));
        assertTrue(m.reading().error().startsWith("timeout"), m.reading().error());

        broken.mode(BrokenDevice.Mode.HEALTHY);
        Await.until("GOOD again", () -> listener.lastIs(Quality.GOOD));
        assertEquals(500.0, m.reading().good(Channel.ACTIVE_POWER).orElseThrow());
    }

    @Test
    void garbageAndShortRepliesFailTheMeterButNotTheBus() throws Exception {
        slave = Slave.start();
        sdm630(1, 700f);
        broken = new BrokenDevice(slave.port());
        startBus(broken.port(), 1000);
        RecordingListener listener = new RecordingListener();
        MeterDevice m = meter("grid", 1, listener, "poll.fast.ms", 50);
        Await.until("GOOD", () -> listener.lastIs(Quality.GOOD));

        broken.mode(BrokenDevice.Mode.GARBAGE);
        Await.until("FAILED on garbage", () -> listener.lastIs(Quality.FAILED), () -> String.valueOf(listener.last()));
        assertTrue(m.reading().error().contains("reading 64 input register(s) at 0x0000 of unit 1"), m.reading().error());

        broken.mode(BrokenDevice.Mode.HEALTHY);
        Await.until("GOOD after garbage", () -> listener.lastIs(Quality.GOOD));

        broken.mode(BrokenDevice.Mode.SHORT);
        Await.until("FAILED on short frames", () -> listener.lastIs(Quality.FAILED));
        assertTrue(m.reading().error().startsWith("short reply reading 64 input register(s)"), m.reading().error());

        broken.mode(BrokenDevice.Mode.HEALTHY);
        Await.until("GOOD after short frames", () -> listener.lastIs(Quality.GOOD));
        assertEquals(700.0, m.reading().good(Channel.ACTIVE_POWER).orElseThrow());
    }

    @Test
    void aNanFromTheDeviceFailsTheReadingNamingTheRegister() throws Exception {
        slave = Slave.start();
        sdm630(1, Float.NaN);
        startBus(slave.port(), 2000);
        RecordingListener listener = new RecordingListener();
        MeterDevice m = meter("grid", 1, listener, "poll.fast.ms", 50);
        Await.until("FAILED", () -> listener.lastIs(Quality.FAILED) && listener.last().error() != null
                && listener.last().error().contains("nonsense"));
        assertTrue(m.reading().error().contains("ACTIVE_POWER = NaN W read from input register 0x0034"), m.reading().error());
        sdm630(1, 42f);
        Await.until("GOOD", () -> listener.lastIs(Quality.GOOD));
    }

    @Test
    void aRefusedConnectionIsReportedAsSuch() {
        startBus(Slave.freePort(), 500);
        RecordingListener listener = new RecordingListener();
        MeterDevice m = meter("grid", 1, listener, "poll.fast.ms", 50);
        Await.until("FAILED", () -> listener.readings.size() >= 2);
        String error = m.reading().error();
        assertEquals(Quality.FAILED, m.reading().quality());
        assertTrue(error.startsWith("cannot connect to 127.0.0.1:") && error.contains("refused"), error);
    }

    @Test
    void aDetachedMeterIsNoLongerPolled() throws Exception {
        slave = Slave.start();
        sdm630(1, 1f);
        startBus(slave.port(), 2000);
        RecordingListener listener = new RecordingListener();
        MeterDevice m = meter("grid", 1, listener, "poll.fast.ms", 20);
        Await.until("a few polls", () -> listener.readings.size() >= 3);
        m.close();
        bus.detach(m);
        int seen = listener.readings.size();
        // the bus keeps running: another meter attached afterwards is polled, the detached one is not
        RecordingListener other = new RecordingListener();
        meter("other", 1, other, "poll.fast.ms", 20);
        Await.until("the other meter polled", () -> other.readings.size() >= 3);
        assertEquals(seen, listener.readings.size());
    }
}
