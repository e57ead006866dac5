package org.microsmartgrid.city.broker.faults;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.microsmartgrid.city.broker.ModuleChannel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A driver's fault report on a module's point (the people bundle's EventAdmin event, docs/people.md) goes to the
 * module as a CITY-V1 request, which makes it the module's own event {@code msg/events/fault}. Never blocks the
 * poster: the event is only queued here; a thread of this component sends and retries ({@link FaultRequests}).
 * Active with the embedded broker (its {@link ModuleChannel}); with an external broker nothing is sent (TODO).
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + FaultsToModules.TOPIC)
public final class FaultsToModules implements EventHandler {

    /** city.people's FaultEvents.TOPIC (the contract is in docs/people.md; no dependency on that bundle). */
    static final String TOPIC = "org/microsmartgrid/city/people/FAULT_REPORTED";
    static final long TICK_S = 5;
    private static final Logger LOG = LoggerFactory.getLogger(FaultsToModules.class);

    @Reference
    private ModuleChannel channel;

    private FaultRequests requests;
    private ScheduledExecutorService sender;
    private AutoCloseable listening;

    @Activate
    void activate() {
        requests = new FaultRequests(channel, System::currentTimeMillis);
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msg-city-fault-requests");
            t.setDaemon(true);
            return t;
        });
        sender.scheduleWithFixedDelay(this::tick, TICK_S, TICK_S, TimeUnit.SECONDS);
        listening = channel.listen((topic, payload) -> {
            if (requests.onControl(topic, payload)) soon();
        });
    }

    @Override
    public void handleEvent(Event e) {
        fault(e).ifPresent(f -> {
            requests.offer(f);
            soon();
        });
    }

    /** The event's fault when it is on a module's point; others (plain sockets) have no module to tell. */
    static java.util.Optional<FaultRequests.Fault> fault(Event e) {
        if (e.getProperty("module.account") instanceof String account
                && e.getProperty("module.client.id") instanceof String client
                && e.getProperty("fault.id") instanceof String id && e.getProperty("kind") instanceof String kind
                && e.getProperty("timestamp") instanceof Long at)
            return java.util.Optional.of(new FaultRequests.Fault(id, account, client, kind, at));
        return java.util.Optional.empty();
    }

    private void soon() {
        try {
            sender.execute(this::tick);
        } catch (RejectedExecutionException stopping) {
            // deactivated meanwhile
        }
    }

    private void tick() {
        try {
            requests.tick();
        } catch (RuntimeException e) {
            LOG.warn("sending fault reports to modules failed: {}", e.toString(), e);
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        if (listening != null) listening.close();
        sender.shutdownNow();
        int left = requests.pending();
        if (left > 0) LOG.warn("{} fault report(s) not delivered to their module: dropped on stop", left);
    }
}
