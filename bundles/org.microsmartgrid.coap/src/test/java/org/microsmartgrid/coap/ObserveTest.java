package org.microsmartgrid.coap;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Observe (RFC 7641): observers hear of meaningful changes as the meters and the loop report them through the
 * listeners the component registers; changes inside the deadband (50 W) do not notify.
 */
class ObserveTest {

    private final Site site = Site.withKeys("deadband.w", 50.0);

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void socketPowerChangeAboveTheDeadbandNotifiesAndOneBelowDoesNot() throws Exception {
        Observer o = observe("/sockets/1", MediaTypeRegistry.UNDEFINED);
        assertEquals(150.0, power(o.next()));
        site.service.onReading(site.socket1.set(180, 1001.0)); // +30 W: inside the deadband
        site.service.onReading(site.socket1.set(900, 1002.0)); // +750 W since the last notification
        assertEquals(900.0, power(o.next()), "the 180 W reading must not have been notified");
        o.relation.proactiveCancel();
    }

    @Test
    void relayStateChangeNotifiesEvenWithoutPowerChange() throws Exception {
        Observer o = observe("/sockets/2", MediaTypeRegistry.UNDEFINED);
        assertEquals(false, Senml.named(Senml.json(o.next().getPayload()), "n", "relay").get("vb"));
        site.relay2.set(true);
        site.service.onReading(site.socket2.reading());
        assertEquals(true, Senml.named(Senml.json(o.next().getPayload()), "n", "relay").get("vb"));
    }

    @Test
    void siteObservedInCborFollowsTheLoopDecisions() throws Exception {
        Observer o = observe("/site", MediaTypeRegistry.APPLICATION_SENML_CBOR);
        CoapResponse first = o.next();
        assertEquals(MediaTypeRegistry.APPLICATION_SENML_CBOR, first.getOptions().getContentFormat());
        assertEquals(1200.0, Senml.named(Senml.cbor(first.getPayload()), "0", "grid").get("2"));
        site.loop.decision = Fakes.decision(0, 3300, true, 1, 2); // grid meter silent: safe state
        site.service.onDecision(site.loop.decision);
        List<Map<String, Object>> safe = Senml.cbor(o.next().getPayload());
        assertEquals(true, Senml.named(safe, "0", "safe").get("4"));
        assertTrue(safe.stream().noneMatch(r -> "grid".equals(r.get("0"))), "no grid value in the safe state: " + safe);
    }

    @Test
    void aWriteNotifiesTheSocketObserversAtOnce() throws Exception {
        Observer o = observe("/sockets/1", MediaTypeRegistry.UNDEFINED);
        assertEquals("AVAILABLE", availability(o.next()));
        CoapClient rw = site.clients.dtls(site.secure(), "/sockets/1/enabled", Site.RW_ID, Site.RW_KEY);
        rw.put("false", MediaTypeRegistry.TEXT_PLAIN);
        assertEquals("DISABLED", availability(o.next()));
    }

    private Observer observe(String path, int accept) {
        Observer o = new Observer();
        CoapClient client = site.clients.plain(site.plain(), path);
        o.relation = accept == MediaTypeRegistry.UNDEFINED ? client.observe(o) : client.observe(o, accept);
        return o;
    }

    private static double power(CoapResponse r) throws Exception {
        return (Double) Senml.named(Senml.json(r.getPayload()), "n", "power").get("v");
    }

    private static String availability(CoapResponse r) throws Exception {
        return (String) Senml.named(Senml.json(r.getPayload()), "n", "availability").get("vs");
    }

    /** Collects the responses of one observe relation. */
    private static final class Observer implements CoapHandler {
        final BlockingQueue<CoapResponse> responses = new LinkedBlockingQueue<>();
        CoapObserveRelation relation;

        @Override public void onLoad(CoapResponse response) { responses.add(response); }

        @Override public void onError() { }

        CoapResponse next() throws InterruptedException {
            CoapResponse r = responses.poll(10, TimeUnit.SECONDS);
            assertNotNull(r, "no notification");
            return r;
        }
    }
}
