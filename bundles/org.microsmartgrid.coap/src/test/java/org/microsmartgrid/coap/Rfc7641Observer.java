package org.microsmartgrid.coap;

import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An observer that applies RFC 7641 §3.4's freshness rule itself, to every notification as it arrives on the wire
 * (before any library logic): a notification is fresh when its Observe number V2 follows the last fresh one's V1
 * (V1 &lt; V2 &lt; V1 + 2^23, modulo 2^24) or more than 128 s passed; otherwise a client must drop it as stale. It
 * keeps what it accepted and what it would have had to drop.
 */
final class Rfc7641Observer implements AutoCloseable {

    record Notification(int observe, CoAP.ResponseCode code, String text, long receivedNanos) {
    }

    private static final int HALF = 1 << 23;
    private static final long FRESH_AFTER_NANOS = TimeUnit.SECONDS.toNanos(128);

    private final CoapEndpoint endpoint;
    private final Set<Integer> seenMids = new HashSet<>();
    final List<Notification> accepted = new ArrayList<>();
    final List<Notification> stale = new ArrayList<>();
    private Integer lastObserve;
    private long lastNanos;
    private byte[] token;

    Rfc7641Observer() {
        CoapConfig.register();
        UdpConfig.register();
        endpoint = CoapEndpoint.builder().setConfiguration(Configuration.createStandardWithoutFile())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        endpoint.addInterceptor(new MessageInterceptorAdapter() {
            @Override
            public void receiveResponse(Response response) {
                onWire(response);
            }
        });
    }

    /** Registers on coap://server/path and returns at once; notifications are judged as they arrive. */
    void register(InetSocketAddress server, String path) throws Exception {
        endpoint.start();
        Request request = Request.newGet();
        request.setURI("coap://" + server.getAddress().getHostAddress() + ":" + server.getPort() + path);
        request.setObserve();
        synchronized (this) {
            token = null;
        }
        endpoint.sendRequest(request);
        Response first = request.waitForResponse(10_000);
        if (first == null) throw new AssertionError("no answer to the registration");
        synchronized (this) {
            token = request.getToken().getBytes();
        }
    }

    private synchronized void onWire(Response r) {
        if (!seenMids.add(r.getMID())) return; // a retransmission, not a new notification
        long now = System.nanoTime();
        String text = r.getPayloadString();
        if (!r.getOptions().hasObserve()) { // a final notification (not 2.xx) carries no Observe number
            accepted.add(new Notification(-1, r.getCode(), text, now));
            notifyAll();
            return;
        }
        int v2 = r.getOptions().getObserve();
        Notification n = new Notification(v2, r.getCode(), text, now);
        if (lastObserve == null || fresh(lastObserve, v2) || now - lastNanos > FRESH_AFTER_NANOS) {
            accepted.add(n);
            lastObserve = v2;
            lastNanos = now;
        } else {
            stale.add(n);
        }
        notifyAll();
    }

    static boolean fresh(int v1, int v2) {
        return (v1 < v2 && v2 - v1 < HALF) || (v1 > v2 && v1 - v2 > HALF);
    }

    /** Waits until an accepted notification matches, at most 10 s; returns it. */
    synchronized Notification await(java.util.function.Predicate<Notification> condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            for (int i = accepted.size() - 1; i >= 0; i--) if (condition.test(accepted.get(i))) return accepted.get(i);
            long left = end - System.nanoTime();
            if (left <= 0) throw new AssertionError("no such notification; accepted " + accepted + ", stale " + stale);
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized Notification last() {
        return accepted.isEmpty() ? null : accepted.get(accepted.size() - 1);
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
