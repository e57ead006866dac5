package org.microsmartgrid.meter.modbus.device;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.meter.modbus.bus.ReadFailure;
import org.microsmartgrid.meter.modbus.bus.RegisterReader;
import org.microsmartgrid.meter.modbus.config.MeterSettings;
import org.microsmartgrid.meter.modbus.poll.PollKind;
import org.microsmartgrid.meter.modbus.poll.PolledDevice;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.microsmartgrid.meter.modbus.quality.Plausibility;
import org.microsmartgrid.meter.modbus.quality.QualityTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One meter as its bus sees it: reads its channels, judges them, keeps the quality, logs quality changes and tells
 * the listeners after every fast poll.
 */
public final class MeterDevice implements PolledDevice {
    private static final Logger LOG = LoggerFactory.getLogger(MeterDevice.class);

    private final MeterSettings settings;
    private final String busDescription;
    private final RegisterSource source;
    private final QualityTracker tracker;
    private final Consumer<MeterReading> publisher;
    private final TimeSource time;
    private volatile MeterSettings.Timing timing;
    private volatile boolean closed;
    /** Last quality written to the log; touched by the bus thread only. */
    private Quality logged;

    public MeterDevice(MeterSettings settings, String busDescription, RegisterSource source,
                       Consumer<MeterReading> publisher, TimeSource time) {
        this.settings = settings;
        this.busDescription = busDescription;
        this.source = source;
        this.publisher = publisher;
        this.time = time;
        this.timing = settings.timing();
        this.tracker = new QualityTracker(settings.meterId(), settings.role(), settings.socket(),
                timing.staleAfterMs(), timing.failedAfterErrors(), time.now());
    }

    /** Takes over new intervals and thresholds; the caller tells the bus so that it reschedules. */
    public void timing(MeterSettings.Timing next) {
        this.timing = next;
        tracker.thresholds(next.staleAfterMs(), next.failedAfterErrors());
    }

    /** No more listener calls after this. */
    public void close() {
        closed = true;
    }

    public MeterReading reading() {
        return tracker.reading(time.monotonicMillis());
    }

    @Override
    public long intervalMillis(PollKind kind) {
        MeterSettings.Timing t = timing;
        return kind == PollKind.FAST ? t.fastMs() : t.slowMs();
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    /** The grid meter's power goes first on its bus: without it the loop falls into the safe state. */
    @Override
    public boolean urgent(PollKind kind) {
        return kind == PollKind.FAST && settings.role() == MeterRole.GRID;
    }

    @Override
    public String name() {
        return settings.meterId();
    }

    @Override
    public int poll(PollKind kind, RegisterReader reader) {
        if (closed) return 0;
        try {
            List<Decoded> decoded = source.read(kind, reader, settings.unitId());
            judge(decoded, kind);
        } catch (ReadFailure f) {
            tracker.failure(f.getMessage(), time.monotonicMillis(), time.now());
        }
        MeterReading reading = tracker.reading(time.monotonicMillis());
        logChange(reading);
        if (reading.quality() == Quality.FAILED) source.forget();
        if (kind == PollKind.FAST && !closed) publisher.accept(reading);
        return tracker.consecutiveErrors();
    }

    private void judge(List<Decoded> decoded, PollKind kind) {
        Map<Channel, Sample> fresh = new EnumMap<>(Channel.class);
        Set<Channel> absent = EnumSet.noneOf(Channel.class);
        String nonsense = null;
        for (Decoded d : decoded) {
            Channel channel = settings.invert() ? Inversion.channel(d.channel()) : d.channel();
            double value = settings.invert() ? Inversion.value(d.channel(), d.value()) : d.value();
            if (d.absent() || Plausibility.meansAbsent(channel, value)) {
                absent.add(channel);
                continue;
            }
            Optional<String> problem = Plausibility.check(channel, value);
            if (problem.isPresent()) {
                if (nonsense == null) {
                    nonsense = "answers nonsense: " + channel + " = " + value + " " + channel.unit() + " read from "
                            + d.register() + " (" + problem.get() + ")";
                }
                continue;
            }
            fresh.put(channel, new Sample(value, d.at()));
        }
        Instant now = time.now();
        if (nonsense != null) tracker.nonsense(nonsense, kind == PollKind.FAST, time.monotonicMillis(), now);
        else tracker.success(fresh, absent, kind == PollKind.FAST, time.monotonicMillis(), now);
    }

    private void logChange(MeterReading reading) {
        Quality q = reading.quality();
        if (q == logged) return;
        Quality before = logged;
        logged = q;
        boolean degrading = before == null ? q != Quality.GOOD : q.ordinal() > before.ordinal();
        String from = before == null ? "start" : before.name();
        if (degrading) {
            LOG.warn("Meter '{}' (unit {} on bus {}): {} -> {}: {}", settings.meterId(), settings.unitId(),
                    busDescription, from, q, reading.error());
        } else {
            LOG.info("Meter '{}' (unit {} on bus {}): {} -> {}{}", settings.meterId(), settings.unitId(),
                    busDescription, from, q, reading.error() == null ? "" : ": " + reading.error());
        }
    }
}
