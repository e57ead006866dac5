package org.microsmartgrid.coap;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20, items 2 and 4, with a client that enforces RFC 7641's freshness rule on the wire: writes racing meter
 * readings never produce two notifications with the same (or a smaller) Observe number, and the last notification
 * a client accepts is the state the module is in; a reconfiguration tells every observer with a final 5.03.
 */
class ObserveOrderTest {

    // the race writes 40 times as fast as it can: a burst above the default 40 (one GET + 40 PUTs on a quick machine
    // met the rate limit's 4.29, which is not what this test is about; RateLimitTest is)
    private final Site site = Site.withKeys("deadband.w", 50.0, "rate.burst", 1000);

    @AfterEach
    void close() {
        site.close();
    }

    @RepeatedTest(5) // a race: without the fix about one run in three showed a stale notification
    void writesRacingMeterReadingsKeepObserveNumbersIncreasing() throws Exception {
        try (Rfc7641Observer observer = new Rfc7641Observer()) {
            observer.register(site.plain(), "/sockets/1");
            CoapClient rw = site.clients.dtls(site.secure(), "/sockets/1/enabled", Site.RW_ID, Site.RW_KEY);
            assertEquals(ResponseCode.CONTENT, rw.get().getCode()); // handshake done before the race starts
            ExecutorService racers = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                Future<?> meter = racers.submit(() -> {
                    start.await();
                    for (int i = 0; i < 400; i++) site.service.onReading(site.socket1.set(i % 2 == 0 ? 900 : 150, 1000.0 + i));
                    return null;
                });
                Future<?> writes = racers.submit(() -> {
                    start.await();
                    for (int i = 0; i < 40; i++)
                        assertEquals(ResponseCode.CHANGED, rw.put(i % 2 == 0 ? "false" : "true", MediaTypeRegistry.TEXT_PLAIN).getCode());
                    return null;
                });
                start.countDown();
                meter.get();
                writes.get();
            } finally {
                racers.shutdownNow();
            }
            // after the race (the last write enabled the socket), one more reading: the last accepted notification
            // must show it, with the state the writes left
            site.service.onReading(site.socket1.set(2000, 3000.0));
            Rfc7641Observer.Notification last = observer.await(n -> n.text().contains("\"v\":2000.0"));
            assertTrue(last.text().contains("\"n\":\"enabled\",\"vb\":true"), last.text());
            assertEquals(List.of(), observer.stale, "notifications an RFC 7641 client had to drop as stale");
            // RFC 7641 lets a server skip states while a notification is in flight: on a busy machine Californium
            // coalesces most of the race into a few notifications (2 seen at load 10), so only the first and the
            // last are certain; what the race must never produce is a stale one (above)
            assertTrue(observer.accepted.size() >= 2, "the race produced notifications: " + observer.accepted.size());
        }
    }

    @Test
    void aReconfigurationSendsEveryObserverAFinal503() throws Exception {
        try (Rfc7641Observer socket = new Rfc7641Observer(); Rfc7641Observer cap = new Rfc7641Observer()) {
            socket.register(site.plain(), "/sockets/2");
            cap.register(site.plain(), "/site/cap");
            site.service.modified(Configs.test("psk.identities", new String[]{Site.RW_ENTRY}));
            for (Rfc7641Observer o : List.of(socket, cap)) {
                Rfc7641Observer.Notification last = o.await(n -> n.code() == ResponseCode.SERVICE_UNAVAILABLE);
                assertTrue(last.text().contains("register again"), last.text());
            }
            // and the new endpoints serve a new registration at once
            assertEquals(ResponseCode.CONTENT, site.clients.plain(site.plain(), "/sockets/2").get().getCode());
        }
    }
}
