package org.microsmartgrid.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayState;

/** Reads the API services into a {@link SiteView}; a service that is absent or throws contributes nothing. */
public final class SiteViews {

    private SiteViews() {
    }

    public static SiteView read(Instant now, Collection<Meter> meters, Collection<Relay> relays, ControlLoopStatus loop,
                                ChargingSessions sessions, SiteControl control) {
        List<MeterReading> readings = new ArrayList<>();
        if (meters != null) for (Meter m : meters) {
            try {
                MeterReading r = m.reading();
                if (r != null) readings.add(r);
            } catch (RuntimeException e) {
                // a meter that cannot be read is left out
            }
        }
        List<RelayState> states = new ArrayList<>();
        if (relays != null) for (Relay r : relays) {
            try {
                RelayState s = r.state();
                if (s != null) states.add(s);
            } catch (RuntimeException e) {
                // left out: its socket shows as UNKNOWN
            }
        }
        Optional<LoopDecision> decision = Optional.empty();
        if (loop != null) {
            try {
                decision = loop.lastDecision();
            } catch (RuntimeException e) {
                // no decision
            }
        }
        Map<Integer, ChargingSession> open = new HashMap<>();
        Map<Integer, String> disabled = Map.of();
        Optional<PowerCap> cap = Optional.empty();
        try {
            if (sessions != null) for (RelayState s : states) sessions.active(s.socket()).ifPresent(x -> open.put(x.socket(), x));
            if (control != null) {
                disabled = control.disabledSockets();
                cap = control.powerCap();
            }
        } catch (RuntimeException e) {
            // the service went away mid-read
        }
        return new SiteView(now, readings, states, decision, open, disabled, cap);
    }
}
