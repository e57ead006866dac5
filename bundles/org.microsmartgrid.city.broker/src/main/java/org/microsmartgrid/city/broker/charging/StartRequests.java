package org.microsmartgrid.city.broker.charging;

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
 * Kura request/reply for a driver's start: {@code $EDC/{account}/{client}/CITY-V1/EXEC/start} with metrics
 * {@code socket} (INT32), {@code mode}, a fresh {@code request.id} ({@value #PREFIX}...) and the module itself as
 * {@code requester.client.id}; the reply comes on {@code $EDC/{account}/{client}/CITY-V1/REPLY/{request.id}} with
 * {@code session_id}. Never sent again: a start sent twice could open a session nobody asked for. Bounded: at most
 * {@link #MAX_WAITING} starts wait at once. The driver's account is never in the request (the module knows "city").
 */
public final class StartRequests {

    static final String PREFIX = "start-";
    static final int MAX_WAITING = 64;

    private final ModuleRequests<StartAnswer> requests;

    /** On the embedded broker: its replies come through {@link #onControl}. */
    public StartRequests(ModuleChannel channel, LongSupplier clock, Duration timeout) {
        this(new BrokerTransport(channel, clock, PREFIX), timeout);
    }

    /** Over any transport (Kapua's device requests in Kapua mode). */
    public StartRequests(ModuleTransport transport, Duration timeout) {
        this.requests = new ModuleRequests<>(transport, timeout, "start", MAX_WAITING,
                StartAnswer.of(StartAnswer.Status.UNREACHABLE), StartRequests::answer);
    }

    public CompletionStage<StartAnswer> start(String account, String clientId, int socket, String mode) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("socket", socket);
        m.put("mode", mode);
        return requests.ask(account, clientId, m);
    }

    /** A module's publication on its control namespace: only its reply to one of our starts completes it. */
    public void onControl(String topic, byte[] payload) {
        requests.onControl(topic, payload);
    }

    /** The module's reply: 200 with the session id; 400, 404 and 409 with the module's reason; else a failure. */
    static StartAnswer answer(Map<String, Object> m) {
        String message = m.get("response.exception.message") instanceof String s ? s : null;
        Object code = m.get("response.code");
        if (Integer.valueOf(200).equals(code) && m.get("session_id") instanceof String id && !id.isBlank()
                && id.length() <= 64)
            return new StartAnswer(StartAnswer.Status.STARTED, id, null);
        StartAnswer.Status s = Integer.valueOf(400).equals(code) ? StartAnswer.Status.MALFORMED
                : Integer.valueOf(404).equals(code) ? StartAnswer.Status.UNKNOWN_SOCKET
                : Integer.valueOf(409).equals(code) ? StartAnswer.Status.REFUSED : StartAnswer.Status.FAILED;
        return new StartAnswer(s, null, message);
    }
}
