package org.microsmartgrid.api.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.RelayState;

/**
 * The site at one instant: what every reader shows. Parts whose service is absent are empty.
 *
 * @param at       when it was read
 * @param meters   every meter's reading (a meter that could not be read: its reading says so)
 * @param relays   every relay's state
 * @param decision the loop's decision made from these readings (empty without a loop)
 * @param sessions the open session of each socket that has one
 * @param disabled sockets disabled through SiteControl, with who did it
 * @param cap      the power cap in force
 */
public record SiteView(Instant at, List<MeterReading> meters, List<RelayState> relays, Optional<LoopDecision> decision,
                       Map<Integer, ChargingSession> sessions, Map<Integer, String> disabled, Optional<PowerCap> cap) {

    public SiteView {
        if (at == null) throw new IllegalArgumentException("at is required");
        meters = List.copyOf(meters);
        relays = List.copyOf(relays);
        decision = decision == null ? Optional.empty() : decision;
        sessions = Map.copyOf(sessions);
        disabled = Map.copyOf(disabled);
        cap = cap == null ? Optional.empty() : cap;
    }

    /** The reading of the meter with this id. */
    public Optional<MeterReading> meter(String meterId) {
        return meters.stream().filter(r -> r.meterId().equals(meterId)).findFirst();
    }

    /** The first meter in this role (GRID, PV, BATTERY: a site has one of each that counts). */
    public Optional<MeterReading> meter(MeterRole role) {
        return meters.stream().filter(r -> r.role() == role).findFirst();
    }

    /** The meter of socket {@code n} (role SOCKET). */
    public Optional<MeterReading> socketMeter(int n) {
        return meters.stream().filter(r -> r.role() == MeterRole.SOCKET && r.socket() == n).findFirst();
    }

    /** The relay of socket {@code n}. */
    public Optional<RelayState> relay(int n) {
        return relays.stream().filter(s -> s.socket() == n).findFirst();
    }

    /** The open session of socket {@code n}. */
    public Optional<ChargingSession> session(int n) {
        return Optional.ofNullable(sessions.get(n));
    }
}
