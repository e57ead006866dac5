package org.microsmartgrid.meter.modbus.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.meter.modbus.bus.ReadFailure;
import org.microsmartgrid.meter.modbus.bus.RegisterReader;
import org.microsmartgrid.meter.modbus.poll.PollKind;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.microsmartgrid.meter.modbus.registers.GenericMapParser;
import org.microsmartgrid.meter.modbus.registers.Table;
import org.microsmartgrid.meter.modbus.testing.Settings;

/** The judging and publishing of one meter, with a scripted device and a hand-moved clock. */
class MeterDeviceTest {
    private static final String[] MAP = {"ACTIVE_POWER;0;INPUT;FLOAT32", "IMPORT_ENERGY;2;INPUT;FLOAT32;BIG_ENDIAN;1000",
            "EXPORT_ENERGY;4;INPUT;FLOAT32;BIG_ENDIAN;1000"};

    private final FakeTime time = new FakeTime();
    private final List<MeterReading> published = new ArrayList<>();
    private float power = 1500f;
    private ReadFailure failure;

    private final RegisterReader device = (unit, table, address, count) -> {
        if (failure != null) throw failure;
        int[] words = new int[count];
        for (int i = 0; i + 1 < count; i += 2) {
            float v = switch (address + i) {
                case 0 -> power;
                case 2 -> 10f;
                case 4 -> 2f;
                default -> 0f;
            };
            words[i] = Float.floatToIntBits(v) >>> 16;
            words[i + 1] = Float.floatToIntBits(v) & 0xFFFF;
        }
        return words;
    };

    private MeterDevice meter(Object... extra) {
        Object[] kv = new Object[extra.length + 4];
        kv[0] = "profile";
        kv[1] = "GENERIC";
        kv[2] = "registers";
        kv[3] = MAP;
        System.arraycopy(extra, 0, kv, 4, extra.length);
        var settings = Settings.meter(kv);
        return new MeterDevice(settings, "test", new MapSource(settings.genericMap(), time), published::add, time);
    }

    @Test
    void listenersHearOfEveryFastPollOnly() {
        MeterDevice m = meter();
        m.poll(PollKind.FAST, device);
        m.poll(PollKind.SLOW, device);
        m.poll(PollKind.FAST, device);
        assertEquals(2, published.size());
        MeterReading r = published.get(1);
        assertEquals(Quality.GOOD, r.quality());
        assertEquals(1500.0, r.good(Channel.ACTIVE_POWER).orElseThrow());
        assertEquals(10_000.0, r.good(Channel.IMPORT_ENERGY).orElseThrow());
        assertEquals(time.now(), r.values().get(Channel.ACTIVE_POWER).at(), "each sample carries its capture time");
    }

    @Test
    void nanIsNonsenseThatNamesTheRegister() {
        MeterDevice m = meter();
        m.poll(PollKind.FAST, device);
        power = Float.NaN;
        m.poll(PollKind.FAST, device);
        MeterReading r = m.reading();
        assertEquals(Quality.FAILED, r.quality());
        assertEquals("answers nonsense: ACTIVE_POWER = NaN W read from input register 0x0000 (not a number (NaN))", r.error());
        assertEquals(1500.0, r.values().get(Channel.ACTIVE_POWER).value(), "the nonsense is not stored");
        power = 2e6f;
        m.poll(PollKind.FAST, device);
        assertTrue(m.reading().error().contains("beyond +-1 MW"), m.reading().error());
        power = 100f;
        m.poll(PollKind.FAST, device);
        assertEquals(Quality.GOOD, m.reading().quality());
    }

    @Test
    void errorsMakeItStaleThenFailedAndTheBackoffCountFollows() {
        MeterDevice m = meter("stale.after.ms", 1000, "failed.after.errors", 2);
        assertEquals(0, m.poll(PollKind.FAST, device));
        failure = new ReadFailure("timeout");
        time.advance(1500);
        assertEquals(1, m.poll(PollKind.FAST, device));
        assertEquals(Quality.STALE, published.get(1).quality());
        assertEquals(2, m.poll(PollKind.FAST, device));
        assertEquals(Quality.FAILED, published.get(2).quality());
        assertEquals("timeout", published.get(2).error());
        failure = null;
        assertEquals(0, m.poll(PollKind.FAST, device));
        assertEquals(Quality.GOOD, published.get(3).quality());
    }

    @Test
    void invertFlipsPowerAndSwapsTheCounters() {
        MeterDevice m = meter("invert.power", true);
        m.poll(PollKind.FAST, device);
        m.poll(PollKind.SLOW, device);
        MeterReading r = m.reading();
        assertEquals(-1500.0, r.good(Channel.ACTIVE_POWER).orElseThrow());
        assertEquals(2000.0, r.good(Channel.IMPORT_ENERGY).orElseThrow());
        assertEquals(10_000.0, r.good(Channel.EXPORT_ENERGY).orElseThrow());
    }

    @Test
    void aFailedDeviceForgetsWhatItLearnedAndAClosedOneStaysSilent() {
        List<String> calls = new ArrayList<>();
        RegisterSource source = new RegisterSource() {
            @Override
            public List<Decoded> read(PollKind kind, RegisterReader reader, int unitId) throws ReadFailure {
                reader.read(unitId, Table.HOLDING, 40000, 2);
                return List.of();
            }

            @Override
            public void forget() {
                calls.add("forget");
            }
        };
        MeterDevice m = new MeterDevice(Settings.meter("failed.after.errors", 1), "test", source, published::add, time);
        failure = new ReadFailure("exception code 2");
        m.poll(PollKind.FAST, device);
        assertEquals(List.of("forget"), calls);
        m.close();
        m.poll(PollKind.FAST, device);
        assertEquals(1, published.size());
    }

    @Test
    void aGenericMapWithoutPowerIsWatchedByTheFastPoll() {
        var settings = Settings.meter("profile", "GENERIC", "registers", new String[] {"IMPORT_ENERGY;2;INPUT;FLOAT32"});
        MeterDevice m = new MeterDevice(settings, "test", new MapSource(settings.genericMap(), time), published::add, time);
        m.poll(PollKind.FAST, device);
        assertEquals(10.0, m.reading().good(Channel.IMPORT_ENERGY).orElseThrow());
    }

    static final class FakeTime implements TimeSource {
        private long mono = 1_000;
        private Instant wall = Instant.parse("2026-06-01T12:00:00Z");

        void advance(long ms) {
            mono += ms;
            wall = wall.plusMillis(ms);
        }

        @Override
        public long monotonicMillis() {
            return mono;
        }

        @Override
        public Instant now() {
            return wall;
        }
    }
}
