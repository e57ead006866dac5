package org.microsmartgrid.coap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.control.PowerSource;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.api.tariff.TariffBand;

/** Plain implementations of the API services, as the meter, relay and balancer bundles would register them. */
final class Fakes {

    static final Instant NOW = Instant.parse("2026-11-25T17:00:00Z");

    private Fakes() {
    }

    /** A meter whose reading the test changes. */
    static final class FakeMeter implements Meter {
        private final String id;
        private final MeterRole role;
        private final int socket;
        private volatile MeterReading reading;

        FakeMeter(String id, MeterRole role, int socket, double powerW, Double energyWh) {
            this.id = id;
            this.role = role;
            this.socket = socket;
            set(powerW, energyWh);
        }

        MeterReading set(double powerW, Double energyWh) {
            Map<Channel, Sample> values = new EnumMap<>(Channel.class);
            values.put(Channel.ACTIVE_POWER, new Sample(powerW, NOW));
            if (energyWh != null) values.put(Channel.IMPORT_ENERGY, new Sample(energyWh, NOW));
            reading = new MeterReading(id, role, socket, Quality.GOOD, NOW, values, null);
            return reading;
        }

        /** The meter stops answering: FAILED, no values. */
        void fail() {
            reading = MeterReading.none(id, role, socket, NOW);
        }

        @Override public String id() { return id; }
        @Override public MeterRole role() { return role; }
        @Override public int socket() { return socket; }
        @Override public MeterReading reading() { return reading; }
    }

    /** A relay whose state the test changes. */
    static final class FakeRelay implements Relay {
        private final int socket;
        private volatile boolean closed;

        FakeRelay(int socket, boolean closed) {
            this.socket = socket;
            this.closed = closed;
        }

        void set(boolean closed) {
            this.closed = closed;
        }

        @Override public String id() { return "relay-" + socket; }
        @Override public int socket() { return socket; }
        @Override public RelayState state() {
            return new RelayState(id(), socket, closed, closed, null, null, NOW, "test", closed ? NOW.plusSeconds(5) : null);
        }
        @Override public RelayResult command(RelayCommand command) { throw new UnsupportedOperationException("read-only test"); }
    }

    /** The balancer's status service, with a decision the test sets. */
    static final class FakeLoop implements ControlLoopStatus {
        volatile LoopDecision decision;

        FakeLoop(LoopDecision decision) {
            this.decision = decision;
        }

        @Override public Optional<LoopDecision> lastDecision() { return Optional.ofNullable(decision); }
    }

    static LoopDecision decision(double gridW, double limitW, boolean safe, int... sockets) {
        List<SocketAllocation> allocations = new ArrayList<>();
        for (int s : sockets)
            allocations.add(new SocketAllocation(s, true, SocketReason.CHARGING_SURPLUS, "charging on surplus", false, PriorityClass.PUBLIC,
                    SessionMode.NOW, PowerSource.SURPLUS, 100, RelayResult.Outcome.APPLIED, null));
        return new LoopDecision(NOW, 7, safe, safe ? "grid meter silent" : null, safe ? null : gridW, limitW,
                safe ? null : limitW - gridW, 0, safe ? null : limitW - gridW, safe ? null : gridW, 0, TariffBand.F1, false,
                false, allocations);
    }

    /** SiteControl as the balancer provides it, recording every call. */
    static final class RecordingSiteControl implements SiteControl {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        private final Map<Integer, String> disabled = new ConcurrentHashMap<>();
        private volatile PowerCap cap;

        @Override public Map<Integer, String> disabledSockets() { return Map.copyOf(disabled); }

        @Override public void setSocketEnabled(int socket, boolean enabled, String actor) {
            calls.add("setSocketEnabled " + socket + " " + enabled + " " + actor);
            if (enabled) disabled.remove(socket);
            else disabled.put(socket, actor);
        }

        @Override public Optional<PowerCap> powerCap() { return Optional.ofNullable(cap); }

        @Override public PowerCap capPower(double limitW, Instant until, String actor) {
            calls.add("capPower " + limitW + " " + until + " " + actor);
            cap = new PowerCap(limitW, until, actor, NOW);
            return cap;
        }

        @Override public void clearPowerCap(String actor) {
            calls.add("clearPowerCap " + actor);
            cap = null;
        }
    }
}
