package org.microsmartgrid.coap.state;

import java.time.Instant;

import org.microsmartgrid.api.site.SiteReader;
import org.microsmartgrid.api.site.SiteView;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.SecuritySystem;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.control.SocketReservations;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.relay.Relay;

import java.util.List;

/** The module's services as they are now; each optional one is null while absent. */
public interface Sources {
    List<Meter> meters();

    List<Relay> relays();

    /** The control loop, or null when it is not running (not configured). */
    ControlLoopStatus loop();

    /** Charging sessions, or null. */
    ChargingSessions sessions();

    /** What building systems may ask of the loop, or null when the loop is not running. */
    SiteControl siteControl();

    /**
     * The site as every reader shows it (the loop's view of its last cycle while it is recent, see
     * {@link SiteReader}); by default the services read at {@code now}.
     */
    default SiteView site(Instant now) {
        return SiteReader.read(now, meters(), relays(), loop(), sessions(), siteControl());
    }

    /** The building's doors and one-time codes, or null when org.microsmartgrid.building.access is not running. */
    default DoorAccess doorAccess() {
        return null;
    }

    /** The building's security inputs, or null. */
    default SecuritySystem security() {
        return null;
    }

    /** The sockets' reservations, or null when the loop is not running. */
    default SocketReservations reservations() {
        return null;
    }
}
