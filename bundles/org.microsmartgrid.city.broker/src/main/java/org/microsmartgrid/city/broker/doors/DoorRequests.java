package org.microsmartgrid.city.broker.doors;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

import org.microsmartgrid.city.broker.BrokerTransport;
import org.microsmartgrid.city.broker.ModuleChannel;
import org.microsmartgrid.city.broker.ModuleRequests;
import org.microsmartgrid.city.broker.transport.ModuleTransport;

/**
 * Kura request/reply for door codes: {@code $EDC/{account}/{client}/CITY-V1/EXEC/door} with metrics {@code door},
 * {@code code}, a fresh {@code request.id} and the module itself as {@code requester.client.id}, so that its reply
 * comes on its own namespace {@code $EDC/{account}/{client}/CITY-V1/REPLY/{request.id}} (the only one the broker lets
 * it publish in). Unlike a fault report, a code is never kept nor sent again: a person is waiting at the door, and a
 * code sent twice would be tried twice. A module offline, or silent for {@code timeout}, is {@code UNREACHABLE}.
 * Bounded: at most {@link #MAX_WAITING} codes wait for an answer at once.
 */
public final class DoorRequests {

    static final String PREFIX = "door-";
    static final int MAX_WAITING = 256;

    private final ModuleRequests<DoorAnswer> requests;

    /** On the embedded broker: its replies come through {@link #onControl}. */
    public DoorRequests(ModuleChannel channel, LongSupplier clock, Duration timeout) {
        this(new BrokerTransport(channel, clock, PREFIX), timeout);
    }

    /** Over any transport (Kapua's device requests in Kapua mode). */
    public DoorRequests(ModuleTransport transport, Duration timeout) {
        this.requests = new ModuleRequests<>(transport, timeout, "door", MAX_WAITING,
                DoorAnswer.of(DoorAnswer.Status.UNREACHABLE), DoorRequests::answer);
    }

    public CompletionStage<DoorAnswer> tryCode(String account, String clientId, String door, String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("door", door);
        m.put("code", code);
        return requests.ask(account, clientId, m);
    }

    /** A module's publication on its control namespace: the reply to one of our codes completes it. */
    public void onControl(String topic, byte[] payload) {
        requests.onControl(topic, payload);
    }

    /** How many codes wait for their module's answer now. */
    public int waiting() {
        return requests.waiting();
    }

    /** The module's reply: 200 with its outcome, 404 unknown door, 400 malformed; anything else a failure. */
    static DoorAnswer answer(Map<String, Object> m) {
        Object code = m.get("response.code");
        if (Integer.valueOf(404).equals(code)) return DoorAnswer.of(DoorAnswer.Status.UNKNOWN_DOOR);
        if (Integer.valueOf(400).equals(code)) return DoorAnswer.of(DoorAnswer.Status.MALFORMED);
        if (!Integer.valueOf(200).equals(code) || !(m.get("outcome") instanceof String outcome)
                || !(m.get("granted") instanceof Boolean granted))
            return DoorAnswer.of(DoorAnswer.Status.FAILED);
        String message = m.get("message") instanceof String s ? s : null;
        DoorAnswer.Status status = granted ? DoorAnswer.Status.OPENED : switch (outcome) {
            case "THROTTLED" -> DoorAnswer.Status.THROTTLED;
            case "MALFORMED" -> DoorAnswer.Status.MALFORMED;
            default -> DoorAnswer.Status.REFUSED;
        };
        return new DoorAnswer(status, outcome, message);
    }
}
