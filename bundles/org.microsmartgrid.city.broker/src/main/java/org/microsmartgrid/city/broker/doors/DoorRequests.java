package org.microsmartgrid.city.broker.doors;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.microsmartgrid.city.broker.ModuleChannel;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kura request/reply for door codes: {@code $EDC/{account}/{client}/CITY-V1/EXEC/door} with metrics {@code door},
 * {@code code}, a fresh {@code request.id} and the module itself as {@code requester.client.id}, so that its reply
 * comes on its own namespace {@code $EDC/{account}/{client}/CITY-V1/REPLY/{request.id}} (the only one the broker lets
 * it publish in). Unlike a fault report, a code is never kept nor sent again: a person is waiting at the door, and a
 * code sent twice would be tried twice. A module offline, or silent for {@code timeout}, is {@code UNREACHABLE}.
 * Bounded: at most {@link #MAX_WAITING} codes wait for an answer at once.
 */
public final class DoorRequests {

    static final String APP_ID = "CITY-V1";
    static final String PREFIX = "door-";
    static final int MAX_WAITING = 256;
    private static final Logger LOG = LoggerFactory.getLogger(DoorRequests.class);

    private record Waiting(String account, String clientId, CompletableFuture<DoorAnswer> answer) {
    }

    private final ModuleChannel channel;
    private final LongSupplier clock;
    private final Duration timeout;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    public DoorRequests(ModuleChannel channel, LongSupplier clock, Duration timeout) {
        this.channel = channel;
        this.clock = clock;
        this.timeout = timeout;
    }

    public CompletionStage<DoorAnswer> tryCode(String account, String clientId, String door, String code) {
        if (!channel.connected(clientId)) return CompletableFuture.completedFuture(DoorAnswer.of(DoorAnswer.Status.UNREACHABLE));
        if (waiting() >= MAX_WAITING) {
            LOG.warn("door code for {}/{} not sent: {} codes wait for their module already", account, clientId,
                    MAX_WAITING);
            return CompletableFuture.completedFuture(DoorAnswer.of(DoorAnswer.Status.UNREACHABLE));
        }
        String id = PREFIX + UUID.randomUUID();
        CompletableFuture<DoorAnswer> answer = new CompletableFuture<>();
        waiting.put(id, new Waiting(account, clientId, answer));
        answer.whenComplete((a, e) -> waiting.remove(id));
        if (!channel.publish(topic(account, clientId), payload(id, clientId, door, code, clock.getAsLong()))) {
            answer.complete(DoorAnswer.of(DoorAnswer.Status.UNREACHABLE));
            return answer;
        }
        return answer.completeOnTimeout(DoorAnswer.of(DoorAnswer.Status.UNREACHABLE), timeout.toMillis(),
                TimeUnit.MILLISECONDS).whenComplete((a, e) -> {
                    if (a != null && a.status() == DoorAnswer.Status.UNREACHABLE)
                        LOG.warn("door code for {}/{}: no answer in {} s / il modulo non risponde", account, clientId,
                                timeout.toSeconds());
                });
    }

    /**
     * A module's publication on its control namespace: the reply to one of our codes completes it. Replies from
     * another module than the one asked, and replies to no code of ours, are ignored.
     */
    public void onControl(String topic, byte[] payload) {
        String[] t = topic.split("/", -1);
        if (t.length != 6 || !t[3].equals(APP_ID) || !t[4].equals("REPLY") || !t[5].startsWith(PREFIX)) return;
        Waiting w = waiting.remove(t[5]);
        if (w == null) return;
        if (!w.account().equals(t[1]) || !w.clientId().equals(t[2])) {
            waiting.putIfAbsent(t[5], w); // not its module's reply: keep waiting for the right one
            return;
        }
        w.answer().complete(answer(payload));
    }

    /** How many codes wait for their module's answer now. */
    public int waiting() {
        // an answered code leaves the map right after its answer: count only those still waiting
        return (int) waiting.values().stream().filter(w -> !w.answer().isDone()).count();
    }

    /** The module's reply: 200 with its outcome, 404 unknown door, 400 malformed; anything else a failure. */
    static DoorAnswer answer(byte[] payload) {
        Map<String, Object> m;
        try {
            m = KuraPayloadCodec.decode(payload).metrics();
        } catch (IllegalArgumentException e) {
            return DoorAnswer.of(DoorAnswer.Status.FAILED);
        }
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

    static String topic(String account, String clientId) {
        return "$EDC/" + account + "/" + clientId + "/" + APP_ID + "/EXEC/door";
    }

    static byte[] payload(String requestId, String clientId, String door, String code, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request.id", requestId);
        m.put("requester.client.id", clientId);
        m.put("door", door);
        m.put("code", code);
        return KuraPayloadCodec.encode(KuraMessage.of(now, m), false);
    }
}
