package org.microsmartgrid.city.ingest.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.city.ingest.ClaimHashes;
import org.microsmartgrid.city.ingest.InboundMessages;
import org.microsmartgrid.city.ingest.IngestMonitor;
import org.microsmartgrid.city.ingest.TelemetryObserver;
import org.microsmartgrid.city.registry.Registry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The ingest as a service: {@link InboundMessages} for the broker, {@link IngestMonitor} for the status page,
 * {@link ClaimHashes} for people and power's claims.
 */
@Component(configurationPid = IngestConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {InboundMessages.class, IngestMonitor.class, ClaimHashes.class, ConfigurableComponent.class})
@Designate(ocd = IngestConfig.class)
public final class IngestService implements InboundMessages, IngestMonitor, ClaimHashes, ConfigurableComponent {

    @Reference
    private Registry registry;

    private final List<TelemetryObserver> observers = new CopyOnWriteArrayList<>();
    private volatile Ingest ingest;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addObserver(TelemetryObserver o) {
        observers.add(o);
        Ingest i = ingest;
        if (i != null) i.addObserver(o);
    }

    synchronized void removeObserver(TelemetryObserver o) {
        observers.remove(o);
        Ingest i = ingest;
        if (i != null) i.removeObserver(o);
    }

    @Activate
    synchronized void activate(IngestConfig c) {
        Ingest i = new Ingest(registry, c.queue_capacity(), c.max_payload_bytes(), c.dedup_window(), c.batch_size(),
                Clock.systemUTC());
        observers.forEach(i::addObserver);
        ingest = i;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        ingest.close();
    }

    @Override
    public boolean offer(String topic, byte[] payload) {
        return ingest.offer(topic, payload);
    }

    @Override
    public void applyNow(String topic, byte[] payload) {
        ingest.applyNow(topic, payload);
    }

    @Override
    public void connectionLost(String account, String clientId, long atMillis) {
        ingest.connectionLost(account, clientId, atMillis);
    }

    @Override
    public List<Published> publishing(String sha256) {
        return ingest.publishing(sha256);
    }

    @Override
    public Map<String, Long> counters() {
        return ingest.counters();
    }

    @Override
    public Map<String, Long> gauges() {
        return ingest.gauges();
    }
}
