package org.microsmartgrid.api.control;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Service: what people and building systems may ask of the control loop, on top of its configuration. Registered by
 * the component that runs the loop. Every change is logged with its actor and survives a restart of the module.
 * Callers authenticate and authorize the actor themselves (the web console, CoAP over DTLS, a Kapua request); this
 * service trusts what it is given and only validates the values.
 */
@ProviderType
public interface SiteControl {

    /** The sockets that are disabled now, with who disabled them (an actor string such as "coap:bms-1"). */
    Map<Integer, String> disabledSockets();

    /**
     * Enables or disables a socket. A disabled socket is switched off in the next cycle (even inside its minimum
     * on-time) and stays off until enabled again; its session, if any, stays open.
     *
     * @throws IllegalArgumentException socket &lt; 1 or a blank actor
     */
    void setSocketEnabled(int socket, boolean enabled, String actor);

    /** The building-level power cap in force now, if any (an expired cap is not returned). */
    Optional<PowerCap> powerCap();

    /**
     * Caps the grid import until a time: the loop then uses the lower of this cap and its configured limit. A new
     * cap replaces the previous one.
     *
     * @param limitW the most the site may import, W (&gt; 0)
     * @param until  when the cap ends (in the future, at most 24 hours ahead)
     * @throws IllegalArgumentException a bad limit, time or actor
     */
    PowerCap capPower(double limitW, Instant until, String actor);

    /** Removes the power cap, if any. */
    void clearPowerCap(String actor);
}
