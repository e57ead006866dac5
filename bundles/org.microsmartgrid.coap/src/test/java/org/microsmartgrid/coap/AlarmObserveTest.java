package org.microsmartgrid.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.building.AlarmEvent;
import org.microsmartgrid.api.building.InputState;
import org.microsmartgrid.api.building.SecuritySystem;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;

/**
 * Issue 13: a security alarm reaches the observers of /building/alarms because it was raised, not because a periodic
 * check came round. The full check's period is an hour here, so every notification after the first one is the event's
 * own; and the event's check builds the building's packs alone, not the site's (the grid meter is not read).
 */
class AlarmObserveTest {

    private final FakeSecurity security = new FakeSecurity();
    private final CountingMeter grid = new CountingMeter(new Fakes.FakeMeter("grid", MeterRole.GRID, 0, 1200, null));
    private final CoapBuildingService service =
            new CoapBuildingService(Clock.fixed(Fakes.NOW, ZoneOffset.UTC), Duration.ofHours(1));
    private final Clients clients = new Clients();

    AlarmObserveTest() {
        service.use(List.of(grid), List.of(), new Fakes.FakeLoop(Fakes.decision(1200, 3300, false)), null, null);
        service.useSecurity(security);
        service.activate(Configs.test());
    }

    @AfterEach
    void close() {
        clients.close();
        service.deactivate();
    }

    @Test
    void aRaisedAndAClearedAlarmEachNotifyTheObserversWithoutAPeriodicCheck() throws Exception {
        Observer o = observe();
        assertEquals(false, alarm(o.next()), "no alarm at first");

        security.tamper(true);
        service.alarm(new AlarmEvent(Fakes.NOW, "enclosure", "TAMPER", true, "alarm"));
        assertEquals(true, alarm(o.next()), "the raised alarm, notified by the event");

        security.tamper(false);
        service.alarm(new AlarmEvent(Fakes.NOW, "enclosure", "TAMPER", false, "cleared"));
        assertEquals(false, alarm(o.next()), "the cleared alarm, notified by the event");
        o.relation.proactiveCancel();
    }

    @Test
    void theAlarmsCheckDoesNotBuildTheSitesPacksFirst() throws Exception {
        Observer o = observe();
        o.next();
        int readsBefore = grid.reads.get();

        security.tamper(true);
        service.alarm(new AlarmEvent(Fakes.NOW, "enclosure", "TAMPER", true, "alarm"));
        assertEquals(true, alarm(o.next()));
        assertEquals(readsBefore, grid.reads.get(), "the grid meter was read on the way to the alarm's notification");
        o.relation.proactiveCancel();
    }

    private Observer observe() {
        Observer o = new Observer();
        o.relation = clients.plain(service.endpoints().plainAddress(), "/building/alarms").observe(o);
        assertNotNull(o.relation);
        return o;
    }

    private static Object alarm(CoapResponse r) throws Exception {
        Map<String, Object> record = Senml.named(Senml.json(r.getPayload()), "n", "enclosure/alarm");
        assertNotNull(record, r.getResponseText());
        return record.get("vb");
    }

    /** One tamper input whose alarm the test raises and clears. */
    private static final class FakeSecurity implements SecuritySystem {
        private volatile boolean alarm;

        void tamper(boolean raised) {
            alarm = raised;
        }

        @Override public List<InputState> inputs() {
            return List.of(new InputState("enclosure", "TAMPER", alarm, alarm, true));
        }

        @Override public String mode() { return "AUTO"; }

        @Override public boolean armed() { return false; }

        @Override public void setMode(String mode, String by) { throw new UnsupportedOperationException(); }
    }

    /** The grid meter, counting how often its reading is taken. */
    private static final class CountingMeter implements Meter {
        private final Meter meter;
        final AtomicInteger reads = new AtomicInteger();

        CountingMeter(Meter meter) {
            this.meter = meter;
        }

        @Override public String id() { return meter.id(); }
        @Override public MeterRole role() { return meter.role(); }
        @Override public int socket() { return meter.socket(); }
        @Override public MeterReading reading() {
            reads.incrementAndGet();
            return meter.reading();
        }
    }

    /** Collects the notifications of one observe relation. */
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
