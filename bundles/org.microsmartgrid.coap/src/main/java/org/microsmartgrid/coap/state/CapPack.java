package org.microsmartgrid.coap.state;

import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlRecord;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * /site/cap as SenML: whether a building power cap is in force and, if so, its limit (W), its end (seconds since the
 * epoch, like SenML times) and who asked for it.
 */
public final class CapPack {

    public static final String BASE_NAME = "site/cap/";

    private CapPack() {
    }

    public static SenmlPack build(SiteControl control, Instant now) {
        Optional<PowerCap> cap = control == null ? Optional.empty() : control.powerCap();
        List<SenmlRecord> records = cap.map(c -> List.of(SenmlRecord.bool("active", true),
                        SenmlRecord.number("limit", "W", c.limitW()),
                        SenmlRecord.number("until", "s", epochSeconds(c.until())),
                        SenmlRecord.string("by", c.actor())))
                .orElseGet(() -> List.of(SenmlRecord.bool("active", false)));
        return new SenmlPack(BASE_NAME, epochSeconds(now), records);
    }

    /** The cap's records as /site shows them ("cap", "cap/until", "cap/by"). */
    static List<SenmlRecord> records(PowerCap c) {
        return List.of(SenmlRecord.number("cap", "W", c.limitW()),
                SenmlRecord.number("cap/until", "s", epochSeconds(c.until())),
                SenmlRecord.string("cap/by", c.actor()));
    }

    static double epochSeconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }
}
