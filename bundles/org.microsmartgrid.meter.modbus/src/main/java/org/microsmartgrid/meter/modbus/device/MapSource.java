package org.microsmartgrid.meter.modbus.device;

import java.util.ArrayList;
import java.util.List;

import org.microsmartgrid.meter.modbus.bus.ReadFailure;
import org.microsmartgrid.meter.modbus.bus.RegisterReader;
import org.microsmartgrid.meter.modbus.poll.PollKind;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.microsmartgrid.meter.modbus.registers.Decoding;
import org.microsmartgrid.meter.modbus.registers.ReadPlanner;
import org.microsmartgrid.meter.modbus.registers.RegisterMap;
import org.microsmartgrid.meter.modbus.registers.RegisterPoint;
import org.microsmartgrid.meter.modbus.registers.RegisterSnapshot;
import org.microsmartgrid.meter.modbus.registers.Span;

/** Channels read from a fixed register map (Eastron profiles, GENERIC). The requests are planned once. */
public final class MapSource implements RegisterSource {
    private final List<RegisterPoint> fast;
    private final List<RegisterPoint> slow;
    private final List<Span> fastRequests;
    private final List<Span> slowRequests;
    private final TimeSource time;

    public MapSource(RegisterMap map, TimeSource time) {
        List<RegisterPoint> f = map.points(true);
        List<RegisterPoint> s = map.points(false);
        if (f.isEmpty()) {
            // a map of energy registers only: the fast poll is then the one that watches the device
            f = map.points();
            s = List.of();
        }
        this.fast = f;
        this.slow = s;
        this.fastRequests = plan(f, map);
        this.slowRequests = plan(s, map);
        this.time = time;
    }

    private static List<Span> plan(List<RegisterPoint> points, RegisterMap map) {
        return ReadPlanner.plan(points.stream().map(RegisterPoint::span).toList(), map.maxPerRequest(), map.maxGap());
    }

    /** The requests one poll of this kind costs. */
    public List<Span> requests(PollKind kind) {
        return kind == PollKind.FAST ? fastRequests : slowRequests;
    }

    @Override
    public List<Decoded> read(PollKind kind, RegisterReader reader, int unitId) throws ReadFailure {
        List<RegisterPoint> points = kind == PollKind.FAST ? fast : slow;
        if (points.isEmpty()) return List.of();
        RegisterSnapshot snapshot = Blocks.read(reader, unitId, requests(kind), time);
        List<Decoded> out = new ArrayList<>(points.size());
        for (RegisterPoint p : points) {
            int[] words = snapshot.words(p.table(), p.address(), p.type().words());
            double value = Decoding.decode(p.type(), p.order(), words, 0) * p.scale();
            out.add(new Decoded(p.channel(), value, false, p.describe(), snapshot.at(p.table(), p.address())));
        }
        return out;
    }
}
