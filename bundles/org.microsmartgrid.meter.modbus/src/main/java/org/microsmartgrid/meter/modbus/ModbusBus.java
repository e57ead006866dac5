package org.microsmartgrid.meter.modbus;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.meter.BusUsage;
import org.microsmartgrid.api.meter.MeterBus;
import org.microsmartgrid.meter.modbus.bus.BusJob;
import org.microsmartgrid.meter.modbus.bus.BusPoller;
import org.microsmartgrid.meter.modbus.bus.ModbusBusService;
import org.microsmartgrid.meter.modbus.config.BusSettings;
import org.microsmartgrid.meter.modbus.config.ConfigException;
import org.microsmartgrid.meter.modbus.config.IdRegistry;
import org.microsmartgrid.meter.modbus.config.ModbusBusConfig;
import org.microsmartgrid.meter.modbus.poll.PolledDevice;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Modbus bus: one serial line or TCP endpoint, one polling thread, one j2mod master. Registers the internal
 * {@link ModbusBusService} with the service property {@code bus.id} (a configuration property, so DS publishes it),
 * which meters select with their {@code bus.target} filter, and the API's {@link MeterBus}, which tells /status how
 * busy the line is.
 */
@Component(name = ModbusBusConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {ModbusBusService.class, MeterBus.class, ConfigurableComponent.class})
@Designate(ocd = ModbusBusConfig.class, factory = true)
public class ModbusBus implements ModbusBusService, MeterBus, ConfigurableComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ModbusBus.class);

    private BusPoller poller;
    private BusSettings settings;

    @Activate
    void activate(ModbusBusConfig config) {
        BusSettings s = validate(config);
        claim(s.busId());
        settings = s;
        poller = BusPoller.withJ2mod(s);
        poller.start();
        LOG.info("Modbus bus {} active", s.describe());
    }

    @Modified
    void modified(ModbusBusConfig config) {
        BusSettings s = validate(config);
        if (!s.busId().equals(settings.busId())) {
            claim(s.busId());
            IdRegistry.BUSES.release(settings.busId(), this);
        }
        poller.update(s);
        LOG.info("Modbus bus {} reconfigured{}", s.describe(), s.sameConnection(settings) ? "" : ", reconnecting");
        settings = s;
    }

    @Deactivate
    void deactivate() {
        if (poller != null) poller.stop();
        if (settings != null) IdRegistry.BUSES.release(settings.busId(), this);
        LOG.info("Modbus bus {} stopped", settings == null ? "?" : settings.describe());
        poller = null;
    }

    private static BusSettings validate(ModbusBusConfig config) {
        try {
            return BusSettings.from(config);
        } catch (ConfigException e) {
            LOG.error("Invalid configuration of {} (bus.id '{}'): {}", ModbusBusConfig.PID, config.bus_id(), e.getMessage());
            throw e;
        }
    }

    private void claim(String busId) {
        try {
            IdRegistry.BUSES.claim(busId, this, ModbusBusConfig.PID);
        } catch (ConfigException e) {
            LOG.error("Invalid configuration of {}: {}", ModbusBusConfig.PID, e.getMessage());
            throw e;
        }
    }

    @Override
    public String busId() {
        return poller.busId();
    }

    @Override
    public String id() {
        return poller.busId();
    }

    @Override
    public BusUsage usage() {
        return poller.usage();
    }

    @Override
    public String describe() {
        return poller.describe();
    }

    @Override
    public void attach(PolledDevice device) {
        poller.attach(device);
    }

    @Override
    public void detach(PolledDevice device) {
        BusPoller p = poller;
        if (p != null) p.detach(device);
    }

    @Override
    public void intervalsChanged(PolledDevice device) {
        poller.intervalsChanged(device);
    }

    @Override
    public void submit(BusJob job) {
        BusPoller p = poller;
        if (p != null) p.submit(job);
    }
}
