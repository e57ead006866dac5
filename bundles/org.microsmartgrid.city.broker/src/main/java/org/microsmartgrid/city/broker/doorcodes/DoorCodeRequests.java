package org.microsmartgrid.city.broker.doorcodes;

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
 * Kura request/reply for courier codes, as DoorRequests does for codes typed at a door:
 * {@code $EDC/{account}/{client}/CITY-V1/EXEC/door-code} with metrics {@code door}, {@code kind} (COURIER),
 * {@code minutes_from_now}, {@code minutes}, {@code account} (the issuer), a fresh {@code request.id} and the module
 * itself as {@code requester.client.id}, so that the reply comes on its own namespace
 * {@code $EDC/{account}/{client}/CITY-V1/REPLY/{request.id}}. Never kept nor sent again (a request sent twice could
 * issue two codes); a module offline, or silent for {@code timeout}, is {@code UNREACHABLE}. Bounded: at most
 * {@link #MAX_WAITING} requests wait at once. The reply carries the code: it is passed on, never logged.
 */
public final class DoorCodeRequests {

    static final String PREFIX = "code-";
    static final int MAX_WAITING = 64;

    private final ModuleRequests<CodeAnswer> requests;

    /** On the embedded broker: its replies come through {@link #onControl}. */
    public DoorCodeRequests(ModuleChannel channel, LongSupplier clock, Duration timeout) {
        this(new BrokerTransport(channel, clock, PREFIX), timeout);
    }

    /** Over any transport (Kapua's device requests in Kapua mode). */
    public DoorCodeRequests(ModuleTransport transport, Duration timeout) {
        this.requests = new ModuleRequests<>(transport, timeout, "door-code", MAX_WAITING,
                CodeAnswer.of(CodeAnswer.Status.UNREACHABLE, null), DoorCodeRequests::answer);
    }

    public CompletionStage<CodeAnswer> issueCourierCode(String account, String clientId, String door,
                                                        int minutesFromNow, int minutes, String issuer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("door", door);
        m.put("kind", "COURIER");
        m.put("minutes_from_now", minutesFromNow);
        m.put("minutes", minutes);
        m.put("account", issuer);
        return requests.ask(account, clientId, m);
    }

    /** A module's publication on its control namespace: the reply to one of our requests completes it. */
    public void onControl(String topic, byte[] payload) {
        requests.onControl(topic, payload);
    }

    /** How many requests wait for their module's answer now. */
    public int waiting() {
        return requests.waiting();
    }

    /** The module's reply: 200 with the code, 404 unknown door, 400 malformed, 409 refused; else a failure. */
    static CodeAnswer answer(Map<String, Object> m) {
        Object code = m.get("response.code");
        String reason = m.get("response.exception.message") instanceof String s ? s : null;
        if (Integer.valueOf(404).equals(code)) return CodeAnswer.of(CodeAnswer.Status.UNKNOWN_DOOR, reason);
        if (Integer.valueOf(400).equals(code)) return CodeAnswer.of(CodeAnswer.Status.MALFORMED, reason);
        if (Integer.valueOf(409).equals(code)) return CodeAnswer.of(CodeAnswer.Status.REFUSED, reason);
        if (Integer.valueOf(200).equals(code) && m.get("code") instanceof String c && m.get("id") instanceof String id
                && m.get("from") instanceof String from && m.get("until") instanceof String until)
            return new CodeAnswer(CodeAnswer.Status.ISSUED, c, id, from, until, null);
        return CodeAnswer.of(CodeAnswer.Status.FAILED, null);
    }
}
