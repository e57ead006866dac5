package org.microsmartgrid.city.ocpi.mapping;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.microsmartgrid.city.ocpi.model.OcpiConnector;
import org.microsmartgrid.city.ocpi.model.OcpiEvse;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.Location;

/**
 * A socket as an OCPI EVSE. Its {@code uid} must be unique in the whole CPO platform, never change and fit in 36
 * characters; a location id already takes 36, so the uid is a name-based UUID of "{location id}#{socket}" (stable,
 * unique). The socket number, as printed on the module, is its {@code physical_reference}. The status is the one the
 * public sees ({@link Location#publicStatus}: UNKNOWN when the module is offline or nobody monitors the point).
 */
public final class EvseMapper {

    private EvseMapper() {
    }

    public static String uid(String locationId, int socket) {
        return UUID.nameUUIDFromBytes((locationId + "#" + socket).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * When this EVSE as published last changed: its status report, or the location's record (a BIRTH, the module
     * going offline or online again, which changes the public status of every socket), whichever is newer.
     */
    static long lastUpdated(Location l, Evse e) {
        return Math.max(l.lastUpdated(), e.statusAt());
    }

    /** Empty when none of its connectors can be published (OCPI wants at least one). */
    static Optional<OcpiEvse> map(Location l, Evse e) {
        List<OcpiConnector> connectors = e.connectors().stream()
                .flatMap(c -> ConnectorMapper.map(c, l.lastUpdated()).stream()).toList();
        if (connectors.isEmpty() || e.socket() < 0) return Optional.empty();
        return Optional.of(new OcpiEvse(uid(l.id(), e.socket()), l.publicStatus(e).name(), connectors,
                Integer.toString(e.socket()), OcpiTime.format(lastUpdated(l, e))));
    }
}
