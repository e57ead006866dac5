package org.microsmartgrid.coap.state;

import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.site.SiteReader;
import org.microsmartgrid.api.site.SiteView;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * /sockets/{n} as SenML: power, energy, relay, enabled, availability, the loop's reason and the open session.
 *
 * <p>Availability, for building systems: DISABLED (switched off on request), FAULT (relay fault or failed meter),
 * CHARGING (session open, relay closed), WAITING (session open, relay open), AVAILABLE, UNKNOWN (no relay known).
 */
public final class SocketPack {

    private SocketPack() {
    }

    public static String baseName(int socket) {
        return "sockets/" + socket + "/";
    }

    /** The sockets the module knows, from its socket meters, its relays and the loop's last decision. */
    public static SortedSet<Integer> sockets(Sources s, Instant now) {
        SiteView v = s.site(now);
        SortedSet<Integer> numbers = new TreeSet<>(SiteReader.sockets(v.meters(), v.relays()));
        v.decision().ifPresent(d -> d.sockets().forEach(a -> numbers.add(a.socket())));
        return numbers;
    }

    public static SenmlPack build(Sources s, int socket, Instant now) {
        SiteView v = s.site(now);
        List<SenmlRecord> r = new ArrayList<>();
        MeterReading meter = v.socketMeter(socket).orElse(null);
        if (meter != null) {
            meter.good(Channel.ACTIVE_POWER).ifPresent(w -> r.add(SenmlRecord.number("power", "W", w)));
            Optional<Double> energy = meter.good(Channel.IMPORT_ENERGY).or(() -> meter.good(Channel.TOTAL_ENERGY));
            energy.ifPresent(wh -> r.add(SenmlRecord.number("energy", "Wh", wh)));
        }
        RelayState relay = v.relay(socket).orElse(null);
        if (relay != null) {
            r.add(SenmlRecord.bool("relay", relay.closed()));
            if (relay.fault() != null) r.add(SenmlRecord.string("relay/fault", relay.fault()));
        }
        SiteControl control = s.siteControl();
        Boolean enabled = control == null ? null : !v.disabled().containsKey(socket);
        if (enabled != null) r.add(SenmlRecord.bool("enabled", enabled));
        ChargingSession session = v.session(socket).orElse(null);
        boolean meterFailed = meter != null && !meter.isGood();
        r.add(SenmlRecord.string("availability", availability(relay, enabled, session, meterFailed)));
        v.decision().map(LoopDecision::sockets).flatMap(list -> list.stream().filter(a -> a.socket() == socket).findFirst())
                .ifPresent(a -> r.add(SenmlRecord.string("reason", a.reason().name())));
        if (session != null) {
            r.add(SenmlRecord.string("session/mode", session.mode().name()));
            r.add(SenmlRecord.number("session/energy", "Wh", session.energyWh()));
            r.add(SenmlRecord.number("session/start", "s", CapPack.epochSeconds(session.started())));
        }
        return new SenmlPack(baseName(socket), CapPack.epochSeconds(now), r);
    }

    static String availability(RelayState relay, Boolean enabled, ChargingSession session, boolean meterFailed) {
        if (Boolean.FALSE.equals(enabled)) return "DISABLED";
        if (relay == null) return "UNKNOWN";
        if (relay.fault() != null || meterFailed) return "FAULT";
        if (session != null) return relay.closed() ? "CHARGING" : "WAITING";
        return "AVAILABLE";
    }
}
