package org.microsmartgrid.meter.modbus.sunspec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.meter.modbus.bus.ReadFailure;
import org.microsmartgrid.meter.modbus.bus.RegisterReader;
import org.microsmartgrid.meter.modbus.device.Blocks;
import org.microsmartgrid.meter.modbus.device.Decoded;
import org.microsmartgrid.meter.modbus.device.RegisterSource;
import org.microsmartgrid.meter.modbus.poll.PollKind;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.microsmartgrid.meter.modbus.registers.ReadPlanner;
import org.microsmartgrid.meter.modbus.registers.RegisterSnapshot;
import org.microsmartgrid.meter.modbus.registers.Registers;
import org.microsmartgrid.meter.modbus.registers.Span;
import org.microsmartgrid.meter.modbus.registers.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channels of a SunSpec device. The layout is discovered at the first poll and again after the device was FAILED
 * (a firmware update can move models). Which model gives the power depends on the role: a meter model (201-204) for
 * GRID, BUILDING, SOCKET and BATTERY, an inverter model (101-103) for PV, each falling back to the other.
 * Storage model 124 adds the state of charge.
 */
public final class SunSpecSource implements RegisterSource {
    private static final Logger LOG = LoggerFactory.getLogger(SunSpecSource.class);
    /** Scale factors beyond this are garbage, not a unit conversion. */
    static final int MAX_SCALE_EXPONENT = 10;

    private record Bound(SunSpecModel model, SunSpecPoint point) {
        int valueAddress() {
            return model.start() + point.offset();
        }

        int sfAddress() {
            return model.start() + point.sfOffset();
        }
    }

    private final String meterName;
    private final MeterRole role;
    private final int configuredBase;
    private final TimeSource time;
    private volatile SunSpecLayout layout;
    private List<Bound> fast = List.of();
    private List<Bound> slow = List.of();

    public SunSpecSource(String meterName, MeterRole role, int configuredBase, TimeSource time) {
        this.meterName = meterName;
        this.role = role;
        this.configuredBase = configuredBase;
        this.time = time;
    }

    /** The discovered layout, or null before discovery. */
    public SunSpecLayout layout() {
        return layout;
    }

    @Override
    public void forget() {
        layout = null;
    }

    @Override
    public List<Decoded> read(PollKind kind, RegisterReader reader, int unitId) throws ReadFailure {
        if (layout == null) discover(reader, unitId);
        List<Bound> points = kind == PollKind.FAST ? fast : slow;
        if (points.isEmpty()) return List.of();
        List<Span> spans = new ArrayList<>();
        for (Bound b : points) {
            spans.add(new Span(Table.HOLDING, b.valueAddress(), b.point().type().words()));
            spans.add(new Span(Table.HOLDING, b.sfAddress(), 1));
        }
        List<Span> requests = ReadPlanner.plan(spans, Registers.MAX_PER_REQUEST, Registers.MAX_PER_REQUEST);
        RegisterSnapshot snapshot = Blocks.read(reader, unitId, requests, time);
        List<Decoded> out = new ArrayList<>(points.size());
        for (Bound b : points) out.add(decode(b, snapshot));
        return out;
    }

    private Decoded decode(Bound b, RegisterSnapshot snapshot) throws ReadFailure {
        SunSpecPoint p = b.point();
        String where = "model " + b.model().id() + " point " + p.name() + " (holding register " + b.valueAddress() + ")";
        Instant at = snapshot.at(Table.HOLDING, b.valueAddress());
        int[] value = snapshot.words(Table.HOLDING, b.valueAddress(), p.type().words());
        int sf = (short) snapshot.words(Table.HOLDING, b.sfAddress(), 1)[0];
        if (p.type().notImplemented(value, 0) || sf == (short) 0x8000) return Decoded.absent(p.channel(), where, at);
        if (Math.abs(sf) > MAX_SCALE_EXPONENT) {
            // an absurd exponent: report the value as what it claims to be, so that plausibility names it
            return new Decoded(p.channel(), Double.NaN, false, where + " with scale factor " + sf, at);
        }
        long raw = p.type().raw(value, 0);
        double scaled = sf >= 0 ? raw * Math.pow(10, sf) : raw / Math.pow(10, -sf);
        return new Decoded(p.channel(), scaled, false, where, at);
    }

    private void discover(RegisterReader reader, int unitId) throws ReadFailure {
        SunSpecLayout found = SunSpecDiscovery.discover(reader, unitId, configuredBase);
        Optional<SunSpecModel> power = role == MeterRole.PV
                ? found.first(SunSpecModels::isInverter).or(() -> found.first(SunSpecModels::isMeter))
                : found.first(SunSpecModels::isMeter).or(() -> found.first(SunSpecModels::isInverter));
        Optional<SunSpecModel> storage = found.first(id -> id == SunSpecModels.STORAGE);
        if (power.isEmpty() && storage.isEmpty())
            throw new ReadFailure("SunSpec device at " + found.base() + " has none of the models this bundle reads "
                    + "(101-103, 201-204, 124); it has " + found.ids());
        List<Bound> f = new ArrayList<>();
        List<Bound> s = new ArrayList<>();
        power.ifPresent(m -> bind(m, SunSpecModels.isMeter(m.id()) ? SunSpecModels.METER : SunSpecModels.INVERTER, f, s));
        storage.ifPresent(m -> bind(m, SunSpecModels.STORAGE_POINTS, f, s));
        if (f.isEmpty()) {
            // storage only: the fast poll is then the one that watches the device
            f.addAll(s);
            s.clear();
        }
        fast = List.copyOf(f);
        slow = List.copyOf(s);
        layout = found;
        LOG.info("Meter '{}': SunSpec device '{}' '{}' serial '{}' at base {}, models {}; reading power from model {}",
                meterName, found.manufacturer(), found.model(), found.serial(), found.base(), found.ids(),
                power.map(m -> Integer.toString(m.id())).orElse("none"));
    }

    /** Points whose registers the model is too short to hold are left out (older model versions). */
    private static void bind(SunSpecModel model, List<SunSpecPoint> points, List<Bound> fast, List<Bound> slow) {
        for (SunSpecPoint p : points) {
            if (p.lastOffset() >= model.length()) continue;
            (p.channel().isFast() ? fast : slow).add(new Bound(model, p));
        }
    }
}
