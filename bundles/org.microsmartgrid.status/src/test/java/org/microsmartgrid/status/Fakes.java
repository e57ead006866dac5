package org.microsmartgrid.status;

import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;

import java.util.Optional;

/** Plain implementations of the API services, as the meter and relay bundles would register them. */
final class Fakes {
    private Fakes() {
    }

    record FakeMeter(MeterReading reading) implements Meter {
        @Override public String id() { return reading.meterId(); }
        @Override public MeterRole role() { return reading.role(); }
        @Override public int socket() { return reading.socket(); }
    }

    /** A meter whose bundle is stopping: every call fails. */
    record GoneMeter(String id) implements Meter {
        @Override public MeterRole role() { throw new IllegalStateException("gone"); }
        @Override public int socket() { throw new IllegalStateException("gone"); }
        @Override public MeterReading reading() { throw new IllegalStateException("service unregistered"); }
    }

    /** A relay whose bundle is stopping: its state can no longer be read. */
    record GoneRelay(String id, int socket) implements Relay {
        @Override public RelayState state() { throw new IllegalStateException("service unregistered"); }
        @Override public RelayResult command(RelayCommand command) { throw new IllegalStateException("service unregistered"); }
    }

    record FakeRelay(RelayState state) implements Relay {
        @Override public String id() { return state.relayId(); }
        @Override public int socket() { return state.socket(); }
        @Override public RelayResult command(RelayCommand command) { throw new UnsupportedOperationException("read-only test"); }
    }

    /** The balancer's status service, with a fixed last decision (null: no cycle yet). */
    record FakeLoop(LoopDecision decision) implements ControlLoopStatus {
        @Override public Optional<LoopDecision> lastDecision() { return Optional.ofNullable(decision); }
    }

    /** A loop whose bundle is stopping. */
    record GoneLoop() implements ControlLoopStatus {
        @Override public Optional<LoopDecision> lastDecision() { throw new IllegalStateException("service unregistered"); }
    }
}
