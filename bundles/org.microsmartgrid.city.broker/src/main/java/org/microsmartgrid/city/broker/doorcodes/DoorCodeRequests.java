package org.microsmartgrid.city.broker.doorcodes;

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
 * Kura request/reply for courier codes, as DoorRequests does for codes typed at a door:
 * {@code $EDC/{account}/{client}/CITY-V1/EXEC/door-code} with metrics {@code door}, {@code kind} (COURIER),
 * {@code minutes_from_now}, {@code minutes}, {@code account} (the issuer), a fresh {@code request.id} and the module
 * itself as {@code requester.client.id}, so that the reply comes on its own namespace
 * {@code $EDC/{account}/{client}/CITY-V1/REPLY/{request.id}}. Never kept nor sent again (a request sent twice could
 * issue two codes); a module offline, or silent for {@code timeout}, is {@code UNREACHABLE}. Bounded: at most
 * {@link #MAX_WAITING} requests wait at once. The reply carries the code: it is passed on, never logged.
 */
public final class DoorCodeRequests {

    static final String APP_ID = "CITY-V1";
    static final String PREFIX = "code-";
    static final int MAX_WAITING = 64;
    private static final Logger LOG = LoggerFactory.getLogger(DoorCodeRequests.class);

    private record Waiting(String account, String clientId, CompletableFuture<CodeAnswer> answer) {
    }

    private final ModuleChannel channel;
    private final LongSupplier clock;
    private final Duration timeout;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    public DoorCodeRequests(ModuleChannel channel, LongSupplier clock, Duration timeout) {
        this.channel = channel;
        this.clock = clock;
        this.timeout = timeout;
    }

    public CompletionStage<CodeAnswer> issueCourierCode(String account, String clientId, String door,
                                                        int minutesFromNow, int minutes, String issuer) {
        CodeAnswer unreachable = CodeAnswer.of(CodeAnswer.Status.UNREACHABLE, null);
        if (!channel.connected(clientId)) return CompletableFuture.completedFuture(unreachable);
        if (waiting() >= MAX_WAITING) {
            LOG.warn("door code request for {}/{} not sent: {} wait for their module already", account, clientId,
                    MAX_WAITING);
            return CompletableFuture.completedFuture(unreachable);
        }
        String id = PREFIX + UUID.randomUUID();
        CompletableFuture<CodeAnswer> answer = new CompletableFuture<>();
        waiting.put(id, new Waiting(account, clientId, answer));
        answer.whenComplete((a, e) -> waiting.remove(id));
        if (!channel.publish(topic(account, clientId),
                payload(id, clientId, door, minutesFromNow, minutes, issuer, clock.getAsLong()))) {
            answer.complete(unreachable);
            return answer;
        }
        return answer.completeOnTimeout(unreachable, timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((a, e) -> {
            if (a != null && a.status() == CodeAnswer.Status.UNREACHABLE)
                LOG.warn("door code request for {}/{}: no answer in {} s / il modulo non risponde", account, clientId,
                        timeout.toSeconds());
        });
    }

    /** A module's publication on its control namespace: the reply to one of our requests completes it. */
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

    /** How many requests wait for their module's answer now. */
    public int waiting() {
        return (int) waiting.values().stream().filter(w -> !w.answer().isDone()).count();
    }

    /** The module's reply: 200 with the code, 404 unknown door, 400 malformed, 409 refused; else a failure. */
    static CodeAnswer answer(byte[] payload) {
        Map<String, Object> m;
        try {
            m = KuraPayloadCodec.decode(payload).metrics();
        } catch (IllegalArgumentException e) {
            return CodeAnswer.of(CodeAnswer.Status.FAILED, null);
        }
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

    static String topic(String account, String clientId) {
        return "$EDC/" + account + "/" + clientId + "/" + APP_ID + "/EXEC/door-code";
    }

    static byte[] payload(String requestId, String clientId, String door, int minutesFromNow, int minutes,
                          String issuer, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request.id", requestId);
        m.put("requester.client.id", clientId);
        m.put("door", door);
        m.put("kind", "COURIER");
        m.put("minutes_from_now", minutesFromNow);
        m.put("minutes", minutes);
        m.put("account", issuer);
        return KuraPayloadCodec.encode(KuraMessage.of(now, m), false);
    }
}
