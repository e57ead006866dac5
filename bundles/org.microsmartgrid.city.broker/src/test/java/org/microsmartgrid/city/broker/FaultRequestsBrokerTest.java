package org.microsmartgrid.city.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.microsmartgrid.city.broker.faults.FaultRequests;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.testing.Waits;

/**
 * A fault report on a module's point becomes a CITY-V1 request on the real embedded broker, received by the module
 * (Paho on loopback, with its own credential and access rules), retried until the module replies.
 */
class FaultRequestsBrokerTest {

    private static final long REPORTED = 1_796_000_000_000L;
    @RegisterExtension
    final ModuleOnCityBroker broker = new ModuleOnCityBroker("faults");
    private final BlockingQueue<KuraMessage> requests = broker.requests;
    private final AtomicLong now = new AtomicLong(REPORTED + 1000);
    private FaultRequests faults;

    @BeforeEach
    void listen() {
        faults = new FaultRequests(broker.channel(), now::get);
        broker.channel().listen((topic, payload) -> {
            if (faults.onControl(topic, payload)) faults.tick();
        });
    }

    /** The module as the cloud link connects: clean session, subscribed to its own control namespace, then BIRTH. */
    private void moduleComesOnline() throws Exception {
        broker.moduleComesOnline(request -> null); // it replies by hand: reply(...)
        broker.publishFromModule("$EDC/milano/AA:BB:CC:00:00:01/MQTT/BIRTH", now.get(), Map.of("display_name", "m1"));
    }

    private void reply(String faultId, int code) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("response.code", code);
        broker.publishFromModule("$EDC/milano/AA:BB:CC:00:00:01/CITY-V1/REPLY/" + faultId, now.get(), m);
    }

    private static void awaitNothingPending(FaultRequests f) {
        Waits.until("the module's reply to end the request (nothing pending)", f::pending, n -> n == 0);
    }

    @Test
    void aFaultForAnOfflineModuleReachesItWhenItComesOnlineAndItsReplyEndsTheRequest() throws Exception {
        faults.offer(new FaultRequests.Fault("f-1", "milano", "AA:BB:CC:00:00:01", "NO_POWER", REPORTED));
        faults.tick();
        assertEquals(1, faults.pending(), "kept while the module is offline");

        moduleComesOnline(); // its BIRTH makes the request due at once
        KuraMessage request = requests.poll(10, TimeUnit.SECONDS);
        assertTrue(request != null, "the module received the request on " + broker.requestTopic());
        assertEquals("f-1", request.metrics().get("fault_id"));
        assertEquals("NO_POWER", request.metrics().get("kind"));
        assertEquals(REPORTED, request.metrics().get("reported"));
        assertEquals("f-1", request.metrics().get("request.id"));
        // the module replies in its own namespace, the only one its access rules let it publish in
        assertEquals("AA:BB:CC:00:00:01", request.metrics().get("requester.client.id"));

        reply("f-1", 200);
        awaitNothingPending(faults);
        now.addAndGet(3_600_000);
        faults.tick();
        assertNull(requests.poll(300, TimeUnit.MILLISECONDS), "nothing is sent again once answered");
    }

    @Test
    void withoutAReplyTheCityRetriesAFewTimesThenGivesUp() throws Exception {
        moduleComesOnline();
        faults.offer(new FaultRequests.Fault("f-2", "milano", "AA:BB:CC:00:00:01", "BLOCKED", REPORTED));
        for (int send = 1; send <= 5; send++) {
            faults.tick();
            assertTrue(requests.poll(10, TimeUnit.SECONDS) != null, "send " + send);
            faults.tick(); // not yet due again: nothing more
            now.addAndGet(31_000);
        }
        faults.tick();
        assertNull(requests.poll(300, TimeUnit.MILLISECONDS), "a few tries, not forever");
        assertEquals(0, faults.pending(), "given up (with a log line)");
    }

    @Test
    void aRefusalAlsoEndsTheRequestAndOtherModulesTopicsAreNotTouched() throws Exception {
        moduleComesOnline();
        faults.offer(new FaultRequests.Fault("f-3", "milano", "AA:BB:CC:00:00:01", "OTHER", REPORTED));
        faults.tick();
        assertTrue(requests.poll(10, TimeUnit.SECONDS) != null);
        // a reply for another module's fault, or with another id, changes nothing
        reply("f-unknown", 200);
        faults.onControl("$EDC/milano/AA:BB:CC:00:00:02/CITY-V1/REPLY/f-3", new byte[0]);
        assertEquals(1, faults.pending());
        reply("f-3", 400);
        awaitNothingPending(faults);
    }
}
