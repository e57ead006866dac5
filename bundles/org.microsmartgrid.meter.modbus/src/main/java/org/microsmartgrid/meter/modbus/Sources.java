package org.microsmartgrid.meter.modbus;

import org.microsmartgrid.meter.modbus.config.MeterSettings;
import org.microsmartgrid.meter.modbus.device.MapSource;
import org.microsmartgrid.meter.modbus.device.RegisterSource;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.microsmartgrid.meter.modbus.profiles.Sdm120Map;
import org.microsmartgrid.meter.modbus.profiles.Sdm630Map;
import org.microsmartgrid.meter.modbus.profiles.Sdm72dMap;
import org.microsmartgrid.meter.modbus.sunspec.SunSpecSource;

/** The register source of each profile. */
final class Sources {
    private Sources() {
    }

    static RegisterSource create(MeterSettings s, TimeSource time) {
        return switch (s.profile()) {
            case SDM630 -> new MapSource(Sdm630Map.MAP, time);
            case SDM72D -> new MapSource(Sdm72dMap.MAP, time);
            case SDM120 -> new MapSource(Sdm120Map.MAP, time);
            case SUNSPEC -> new SunSpecSource(s.meterId(), s.role(), s.sunspecBaseAddress(), time);
            case GENERIC -> new MapSource(s.genericMap(), time);
        };
    }
}
