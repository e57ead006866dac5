package org.microsmartgrid.cloud.management.asset;

import java.util.List;
import java.util.Optional;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.SecuritySystem;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.control.SocketReservations;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.relay.Relay;

/** The services the assets are made of, as they are at one moment (any may be missing). */
record SiteServices(List<Meter> meters, List<Relay> relays, Optional<SiteControl> siteControl,
                    Optional<ChargingSessions> sessions, Optional<DoorAccess> doors,
                    Optional<SecuritySystem> security, Optional<SocketReservations> reservations) {

    /** A site without reservations (no balancer, or an older one). */
    SiteServices(List<Meter> meters, List<Relay> relays, Optional<SiteControl> siteControl,
                 Optional<ChargingSessions> sessions, Optional<DoorAccess> doors, Optional<SecuritySystem> security) {
        this(meters, relays, siteControl, sessions, doors, security, Optional.empty());
    }

    /** A site without building services (doors, security inputs). */
    SiteServices(List<Meter> meters, List<Relay> relays, Optional<SiteControl> siteControl,
                 Optional<ChargingSessions> sessions) {
        this(meters, relays, siteControl, sessions, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
