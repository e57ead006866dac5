package org.microsmartgrid.console.relays;

import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A relay that records the commands it gets and answers as the test scripts it. */
final class FakeRelay implements Relay {
    final List<RelayCommand> commands = new CopyOnWriteArrayList<>();
    volatile RelayState state;
    volatile Function<RelayCommand, RelayResult> answer;

    /** @param since when the relay last changed; @param now the moment commands are applied */
    FakeRelay(String id, int socket, Instant since, Instant now) {
        this.state = new RelayState(id, socket, false, false, null, null, since, "start", null);
        this.answer = c -> {
            state = new RelayState(id, socket, c.on(), c.on(), null, null, now, c.source(),
                    c.on() ? now.plus(c.lease()) : null);
            return new RelayResult(RelayResult.Outcome.APPLIED, state, null, null);
        };
    }

    @Override public String id() { return state.relayId(); }
    @Override public int socket() { return state.socket(); }
    @Override public RelayState state() { return state; }

    @Override
    public RelayResult command(RelayCommand command) {
        commands.add(command);
        return answer.apply(command);
    }
}
