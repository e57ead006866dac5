package org.microsmartgrid.city.broker.faults;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.microsmartgrid.city.broker.ModuleChannel;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault reports on module points waiting to reach their module as a Kura request
 * {@code $EDC/{account}/{client}/CITY-V1/EXEC/faults} (docs/cloud-management.md). A module keeps no session on the
 * broker (clean session), so the city keeps the request until the module answers: it is sent when the module is
 * connected, sent again when the module says BIRTH or after {@link #RESEND_AFTER_MS} without a reply, and given up
 * with a log line after {@link #MAX_SENDS} sends or {@link #MAX_WAIT_MS} offline. Bounded: at most
 * {@link #MAX_PENDING} wait, the oldest goes first. In memory only: a city restart forgets what was waiting (the
 * report itself stays in the city's database and reaches the provider anyway).
 *
 * <p>The request names the module itself as the requester ({@code requester.client.id}), so its reply goes to its
 * own namespace {@code $EDC/{account}/{client}/CITY-V1/REPLY/{fault id}}, the only one the broker lets it publish in.
 * The module makes one event per fault id, so a request sent twice is harmless.
 */
public final class FaultRequests {

    public static final String APP_ID = "CITY-V1";
    static final int MAX_PENDING = 1000;
    static final int MAX_SENDS = 5;
    static final long RESEND_AFTER_MS = 30_000;
    static final long MAX_WAIT_MS = 7L * 24 * 3600 * 1000;

    private static final Logger LOG = LoggerFactory.getLogger(FaultRequests.class);

    /** A fault on a module's point, as the people bundle posts it (only ids, kind and time: no personal data). */
    public record Fault(String faultId, String account, String clientId, String kind, long reportedMs) {
    }

    private static final class Pending {
        final Fault fault;
        final long queuedMs;
        int sends;
        long lastSentMs;

        Pending(Fault fault, long queuedMs) {
            this.fault = fault;
            this.queuedMs = queuedMs;
        }
    }

    private final ModuleChannel channel;
    private final LongSupplier clock;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    public FaultRequests(ModuleChannel channel, LongSupplier clock) {
        this.channel = channel;
        this.clock = clock;
    }

    /** Queues a fault for its module; the next {@link #tick} sends it. */
    public synchronized void offer(Fault f) {
        if (pending.containsKey(f.faultId())) return;
        if (pending.size() >= MAX_PENDING) {
            Iterator<Pending> oldest = pending.values().iterator();
            Pending dropped = oldest.next();
            oldest.remove();
            LOG.warn("fault {} not sent to module {}: {} faults waiting already / guasto non inviato al modulo",
                    dropped.fault.faultId(), dropped.fault.clientId(), MAX_PENDING);
        }
        pending.put(f.faultId(), new Pending(f, clock.getAsLong()));
    }

    /** Sends what is due to the modules connected now; gives up what waited too long. */
    public void tick() {
        long now = clock.getAsLong();
        List<Fault> due = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (p.sends >= MAX_SENDS && now - p.lastSentMs >= RESEND_AFTER_MS) {
                    it.remove();
                    LOG.warn("fault {}: module {}/{} did not answer {} requests; given up / il modulo non risponde",
                            p.fault.faultId(), p.fault.account(), p.fault.clientId(), MAX_SENDS);
                } else if (p.sends == 0 && now - p.queuedMs > MAX_WAIT_MS) {
                    it.remove();
                    LOG.warn("fault {}: module {}/{} offline for {} days; given up / modulo non collegato",
                            p.fault.faultId(), p.fault.account(), p.fault.clientId(), MAX_WAIT_MS / 86_400_000);
                } else if (p.sends < MAX_SENDS && (p.sends == 0 || now - p.lastSentMs >= RESEND_AFTER_MS)
                        && channel.connected(p.fault.clientId())) {
                    p.sends++;
                    p.lastSentMs = now;
                    due.add(p.fault);
                }
            }
        }
        for (Fault f : due) { // outside the lock: the broker's threads call onControl
            if (!channel.publish(request(f), payload(f, now)))
                LOG.warn("fault {}: the broker is not running; will retry", f.faultId());
        }
    }

    /**
     * A module's publication on its control namespace: a reply to one of our requests ends it; a BIRTH (the module
     * has just subscribed) makes its waiting requests due at once.
     *
     * @return whether something is due now (call {@link #tick})
     */
    public synchronized boolean onControl(String topic, byte[] payload) {
        String[] t = topic.split("/", -1);
        if (t.length == 5 && t[3].equals("MQTT") && t[4].equals("BIRTH")) {
            boolean due = false;
            for (Pending p : pending.values())
                if (p.fault.account().equals(t[1]) && p.fault.clientId().equals(t[2])) {
                    p.lastSentMs = Long.MIN_VALUE / 2; // due now; the count of sends still bounds it
                    due = true;
                }
            return due;
        }
        if (t.length != 6 || !t[3].equals(APP_ID) || !t[4].equals("REPLY")) return false;
        Pending p = pending.get(t[5]);
        if (p == null || !p.fault.account().equals(t[1]) || !p.fault.clientId().equals(t[2])) return false;
        pending.remove(t[5]);
        Object code;
        try {
            code = KuraPayloadCodec.decode(payload).metrics().get("response.code");
        } catch (IllegalArgumentException e) {
            code = "unreadable";
        }
        if (Integer.valueOf(200).equals(code))
            LOG.info("fault {} delivered to module {}/{} / guasto consegnato al modulo", p.fault.faultId(),
                    p.fault.account(), p.fault.clientId());
        else
            LOG.warn("fault {}: module {}/{} refused it ({}) / il modulo l'ha rifiutato", p.fault.faultId(),
                    p.fault.account(), p.fault.clientId(), code);
        return false;
    }

    /** How many faults wait for their module. */
    public synchronized int pending() {
        return pending.size();
    }

    static String request(Fault f) {
        return "$EDC/" + f.account() + "/" + f.clientId() + "/" + APP_ID + "/EXEC/faults";
    }

    static byte[] payload(Fault f, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request.id", f.faultId());
        m.put("requester.client.id", f.clientId());
        m.put("fault_id", f.faultId());
        m.put("kind", f.kind());
        m.put("reported", f.reportedMs());
        return KuraPayloadCodec.encode(KuraMessage.of(now, m), false);
    }
}
