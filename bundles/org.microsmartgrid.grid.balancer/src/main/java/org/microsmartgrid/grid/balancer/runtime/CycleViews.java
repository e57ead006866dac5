package org.microsmartgrid.grid.balancer.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.api.site.SiteReader;
import org.microsmartgrid.api.site.SiteView;

/**
 * The site view of one finished cycle: the meters' readings the decision was made from, the decision, and the relays,
 * sessions and people's requests as the cycle left them (a relay's state after the cycle's command). A relay or a
 * sessions service that throws is left out, as in {@link org.microsmartgrid.api.site.SiteReader}.
 */
public final class CycleViews {

    private CycleViews() {
    }

    public static SiteView of(CycleRecord record, LoopDecision decision, Collection<Relay> relays,
                              ChargingSessions sessions, SiteControlState control) {
        List<RelayState> states = new ArrayList<>();
        for (Relay r : relays) {
            try {
                RelayState s = r.state();
                if (s != null) states.add(s);
            } catch (RuntimeException e) {
                // left out: its socket shows as UNKNOWN
            }
        }
        Map<Integer, ChargingSession> open = new HashMap<>();
        if (sessions != null) {
            try {
                for (int n : SiteReader.sockets(record.readings(), states))
                    sessions.active(n).ifPresent(x -> open.put(x.socket(), x));
            } catch (RuntimeException e) {
                // the service went away mid-read
            }
        }
        Map<Integer, String> disabled = control == null ? Map.of() : control.disabledSockets();
        Optional<PowerCap> cap = control == null ? Optional.empty() : control.powerCap();
        return new SiteView(decision.at(), record.readings(), states, Optional.of(decision), open, disabled, cap);
    }
}
