package org.microsmartgrid.coap.state;

import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.site.SiteView;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /site as SenML: the site's power flows (grid import positive, PV, building, battery), the loop's limit and
 * headroom, a building power cap and the safe state. A value that is not known now is left out (SenML has no null).
 */
public final class SitePack {

    public static final String BASE_NAME = "site/";

    private SitePack() {
    }

    public static SenmlPack build(Sources s, Instant now) {
        SiteView v = s.site(now);
        List<SenmlRecord> r = new ArrayList<>();
        Optional<LoopDecision> decision = v.decision();
        Double grid = decision.map(LoopDecision::gridW).orElse(null);
        if (decision.isEmpty()) grid = sum(v.meters(), MeterRole.GRID, Channel.ACTIVE_POWER);
        if (grid != null) r.add(SenmlRecord.number("grid", "W", grid));
        add(r, "pv", "W", sum(v.meters(), MeterRole.PV, Channel.ACTIVE_POWER));
        add(r, "building", "W", sum(v.meters(), MeterRole.BUILDING, Channel.ACTIVE_POWER));
        add(r, "battery", "W", sum(v.meters(), MeterRole.BATTERY, Channel.ACTIVE_POWER));
        add(r, "battery/soc", "%", sum(v.meters(), MeterRole.BATTERY, Channel.STATE_OF_CHARGE));
        r.add(SenmlRecord.bool("loop", decision.isPresent()));
        decision.ifPresent(d -> {
            add(r, "headroom", "W", d.headroomW());
            r.add(SenmlRecord.number("limit", "W", d.limitW()));
            r.add(SenmlRecord.number("surplus", "W", d.surplusW()));
            r.add(SenmlRecord.bool("safe", d.safeState()));
            if (d.safeStateWhy() != null) r.add(SenmlRecord.string("safe/why", d.safeStateWhy()));
            if (d.band() != null) r.add(SenmlRecord.string("band", d.band().name()));
        });
        v.cap().ifPresent(c -> r.addAll(CapPack.records(c)));
        Instant at = decision.map(LoopDecision::at).orElse(now);
        return new SenmlPack(BASE_NAME, at.toEpochMilli() / 1000.0, r);
    }

    private static void add(List<SenmlRecord> r, String name, String unit, Double value) {
        if (value != null) r.add(SenmlRecord.number(name, unit, value));
    }

    /** The sum of a channel over the GOOD readings of a role; null when none has it. */
    static Double sum(List<MeterReading> readings, MeterRole role, Channel channel) {
        Double total = null;
        for (MeterReading m : readings) {
            if (m.role() != role) continue;
            Optional<Double> v = m.good(channel);
            if (v.isPresent()) total = (total == null ? 0 : total) + v.get();
        }
        return total;
    }
}
