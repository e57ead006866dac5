package org.microsmartgrid.city.kapua.mode;

import java.util.List;
import java.util.Optional;

import org.microsmartgrid.city.kapua.client.KapuaDevice;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleBirth;
import org.microsmartgrid.city.registry.Registry;

/**
 * Brings the registry in line with Kapua's device list: a module Kapua has CONNECTED and the registry does not know
 * or has offline is born (with what Kapua keeps of its BIRTH), one Kapua has DISCONNECTED or MISSING goes offline at
 * the time its connection changed. The registry orders writes by capture time, so a stale list never undoes a newer
 * message from the broker.
 */
public final class DeviceSync {

    /** What one pass changed. */
    public record Result(int born, int wentOffline, int unchanged) {
    }

    private DeviceSync() {
    }

    public static Result apply(String account, List<KapuaDevice> devices, Registry registry, long now) {
        int born = 0;
        int offline = 0;
        int same = 0;
        for (KapuaDevice d : devices) {
            long at = d.connectionChangedAt() == null ? now : d.connectionChangedAt().toEpochMilli();
            Optional<Location> known = registry.locationOfModule(account, d.clientId());
            switch (d.connection()) {
                case CONNECTED -> {
                    if (known.isPresent() && known.get().module() != null && known.get().module().online()) {
                        same++;
                    } else if (registry.moduleBirth(birth(account, d, known, at))) {
                        born++;
                    } else {
                        same++;
                    }
                }
                case DISCONNECTED, MISSING -> {
                    if (known.isPresent() && registry.moduleOffline(account, d.clientId(), at)) offline++;
                    else same++;
                }
                default -> same++; // never connected: nothing to show
            }
        }
        return new Result(born, offline, same);
    }

    /** Kapua's view of the module; what Kapua does not keep (position, sockets) comes from the registry's record. */
    static ModuleBirth birth(String account, KapuaDevice d, Optional<Location> known, long at) {
        Double lat = d.latitude() != null ? d.latitude() : known.map(Location::latitude).orElse(null);
        Double lon = d.longitude() != null ? d.longitude() : known.map(Location::longitude).orElse(null);
        int sockets = d.sockets() >= 0 ? d.sockets() : known.map(l -> l.evses().size()).orElse(0);
        String name = d.displayName() == null || d.displayName().isBlank()
                ? known.map(Location::name).orElse(d.clientId()) : d.displayName();
        return new ModuleBirth(account, d.clientId(), name, d.serialNumber(), d.firmwareVersion(), lat, lon, sockets,
                at);
    }
}
