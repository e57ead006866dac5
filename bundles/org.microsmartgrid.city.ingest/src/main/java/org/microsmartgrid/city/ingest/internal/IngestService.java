package org.microsmartgrid.city.ingest.internal;

import java.time.Clock;
import java.util.Map;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.city.ingest.InboundMessages;
import org.microsmartgrid.city.ingest.IngestMonitor;
import org.microsmartgrid.city.registry.Registry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** The ingest as a service: {@link InboundMessages} for the broker, {@link IngestMonitor} for the status page. */
@Component(configurationPid = IngestConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {InboundMessages.class, IngestMonitor.class, ConfigurableComponent.class})
@Designate(ocd = IngestConfig.class)
public final class IngestService implements InboundMessages, IngestMonitor, ConfigurableComponent {

    @Reference
    private Registry registry;

    private Ingest ingest;

    @Activate
    void activate(IngestConfig c) {
        ingest = new Ingest(registry, c.queue_capacity(), c.max_payload_bytes(), c.dedup_window(), c.batch_size(),
                Clock.systemUTC());
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
    public Map<String, Long> counters() {
        return ingest.counters();
    }

    @Override
    public Map<String, Long> gauges() {
        return ingest.gauges();
    }
}
