package org.microsmartgrid.cloud.kapua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.building.AlarmEvent;
import org.microsmartgrid.cloud.kapua.outbox.Outbox;
import org.microsmartgrid.cloud.kapua.outbox.OutboxMessage;
import org.microsmartgrid.cloud.kapua.testing.EmbeddedBroker;
import org.microsmartgrid.cloud.kapua.testing.KapuaPeer;
import org.microsmartgrid.cloud.kapua.testing.TestSources;

/**
 * The building's alarms on their way to Kapua (issue 13): the building's thread hands an alarm over and goes on with
 * its scan even while the outbox is busy, and the alarm still reaches Kapua, or the outbox when the link closes.
 */
class BuildingEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String DEVICE = "AA:BB:CC:00:11:33";
    private static final AlarmEvent TAMPER = new AlarmEvent(Instant.parse("2026-12-07T17:00:00Z"), "enclosure",
            "TAMPER", true, "Allarme TAMPER 'enclosure' / alarm TAMPER 'enclosure'");

    @TempDir
    Path dir;
    private final EmbeddedBroker broker = new EmbeddedBroker();
    private KapuaPeer kapua;
    private CloudLinkSession session;

    BuildingEventsTest() throws Exception {
    }

    @AfterEach
    void stopAll() throws Exception {
        if (session != null) session.close();
        if (kapua != null) kapua.close();
        broker.close();
    }

    @Test
    void theBuildingsThreadDoesNotWaitForABusyOutboxAndTheAlarmStillReachesKapua() throws Exception {
        broker.start();
        kapua = new KapuaPeer(broker.url(), "kapua-console").connect("milano/#", "$EDC/#");
        session = new CloudLinkSession(TestSources.settings(broker.url(), DEVICE, dir.resolve("outbox"), 1000,
                Duration.ofHours(1)), new TestSources(), Clock.systemUTC());
        session.start();
        kapua.await(r -> r.topic().endsWith("/MQTT/BIRTH"), WAIT, "BIRTH");

        // the outbox is busy (as when the link deletes a delivered batch): another thread holds its lock
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = new Thread(() -> {
            synchronized (session.outbox()) {
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        busy.start();
        locked.await();
        Thread building = new Thread(() -> session.alarm(TAMPER), "building-scan");
        building.start();
        building.join(WAIT.toMillis()); // a bound for a broken build, not a speed check
        boolean handedOver = !building.isAlive();
        release.countDown();
        busy.join();
        building.join();
        assertTrue(handedOver, "the building's thread waited for the outbox");

        KapuaPeer.Received alarm = kapua.await(r -> r.topic().equals("milano/" + DEVICE + "/msg/events/alarm"),
                WAIT, "the alarm in Kapua");
        assertEquals("enclosure", alarm.message().metrics().get("source"));
        assertEquals(true, alarm.message().metrics().get("active"));
        assertEquals(TAMPER.at().toEpochMilli(), alarm.message().timestamp());
    }

    @Test
    void anAlarmHandedOverJustBeforeTheLinkClosesIsInTheOutbox() throws Exception {
        Path outbox = dir.resolve("outbox");
        session = new CloudLinkSession(TestSources.settings(broker.url(), DEVICE, outbox, 1000, Duration.ofHours(1)),
                new TestSources(), Clock.systemUTC()); // never started: nothing leaves the outbox
        session.alarm(TAMPER);
        session.close();
        session = null;
        try (Outbox reopened = Outbox.open(outbox, 1000)) {
            List<OutboxMessage> queued = reopened.next(0, 10);
            assertTrue(queued.stream().anyMatch(m -> m.topic().equals("milano/" + DEVICE + "/msg/events/alarm")),
                    "queued: " + queued.stream().map(OutboxMessage::topic).toList());
        }
    }
}
