package org.microsmartgrid.coap.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorState;
import org.microsmartgrid.api.building.InputState;
import org.microsmartgrid.api.building.SecuritySystem;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlRecord;

/**
 * /building/doors and /building/alarms as SenML: one record per door or input fact, named "{id}/{fact}". No codes,
 * no reasons, no who-issued-what: that stays in the module's journal.
 */
public final class BuildingPacks {
    private BuildingPacks() {
    }

    public static SenmlPack doors(Sources s, Instant now) {
        DoorAccess access = s.doorAccess();
        List<SenmlRecord> r = new ArrayList<>();
        if (access == null) r.add(SenmlRecord.string("doors", "UNKNOWN"));
        else for (DoorState d : access.doors()) {
            r.add(SenmlRecord.bool(d.id() + "/released", d.released()));
            r.add(SenmlRecord.string(d.id() + "/contact", d.contact()));
            r.add(SenmlRecord.bool(d.id() + "/left_open", d.leftOpen()));
            r.add(SenmlRecord.string(d.id() + "/fail_mode", d.failMode()));
        }
        if (r.isEmpty()) r.add(SenmlRecord.string("doors", "NONE"));
        return new SenmlPack("building/doors/", now.toEpochMilli() / 1000.0, r);
    }

    public static SenmlPack alarms(Sources s, Instant now) {
        SecuritySystem security = s.security();
        DoorAccess access = s.doorAccess();
        List<SenmlRecord> r = new ArrayList<>();
        if (security == null) {
            r.add(SenmlRecord.string("mode", "UNKNOWN"));
        } else {
            r.add(SenmlRecord.string("mode", security.mode()));
            r.add(SenmlRecord.bool("armed", security.armed()));
            for (InputState i : security.inputs()) {
                r.add(SenmlRecord.bool(i.id() + "/alarm", i.alarm()));
                r.add(SenmlRecord.string(i.id() + "/type", i.type()));
            }
        }
        if (access != null)
            for (DoorState d : access.doors()) r.add(SenmlRecord.bool(d.id() + "/door_left_open", d.leftOpen()));
        return new SenmlPack("building/alarms/", now.toEpochMilli() / 1000.0, r);
    }
}
