package org.microsmartgrid.grid.balancer.runtime;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.grid.balancer.decision.BatteryValue;
import org.microsmartgrid.grid.balancer.decision.MeterValue;

/** Converts API readings into the balancer's values: the power sample with its own capture time. */
final class MeterValues {

    private MeterValues() {
    }

    static MeterValue power(MeterReading r) {
        Sample s = r.values().get(Channel.ACTIVE_POWER);
        if (s == null) return MeterValue.failed(r.at());
        return new MeterValue(s.value(), r.quality(), s.at());
    }

    /**
     * Several meters of one role (e.g. two PV inverters) add up; the sum is only as good as its worst part and
     * only as fresh as its oldest.
     */
    static Optional<MeterValue> sum(List<MeterReading> readings) {
        if (readings.isEmpty()) return Optional.empty();
        List<MeterValue> values = readings.stream().map(MeterValues::power).toList();
        Quality worst = values.stream().map(MeterValue::quality).max(Comparator.naturalOrder()).orElseThrow();
        Instant oldest = values.stream().map(MeterValue::at).min(Comparator.naturalOrder()).orElseThrow();
        double total = values.stream().mapToDouble(MeterValue::powerW).sum();
        return Optional.of(new MeterValue(total, worst, oldest));
    }

    /** A battery is usable only with both its power and its state of charge. */
    static BatteryValue battery(MeterReading r) {
        MeterValue p = power(r);
        Sample soc = r.values().get(Channel.STATE_OF_CHARGE);
        if (soc == null) return new BatteryValue(0, 0, Quality.FAILED, r.at());
        return new BatteryValue(soc.value(), p.powerW(), p.quality(), p.at());
    }
}
