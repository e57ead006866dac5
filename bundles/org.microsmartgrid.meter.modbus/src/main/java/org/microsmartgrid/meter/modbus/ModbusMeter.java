package org.microsmartgrid.meter.modbus;

import java.io.IOException;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.config.AnnotationCheck;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterListener;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.meter.modbus.bus.ModbusBusService;
import org.microsmartgrid.meter.modbus.config.BusTarget;
import org.microsmartgrid.meter.modbus.config.ConfigException;
import org.microsmartgrid.meter.modbus.config.RefusalLog;
import org.microsmartgrid.meter.modbus.config.IdRegistry;
import org.microsmartgrid.meter.modbus.config.MeterSettings;
import org.microsmartgrid.meter.modbus.config.ModbusMeterConfig;
import org.microsmartgrid.meter.modbus.device.ListenerFanout;
import org.microsmartgrid.meter.modbus.device.MeterDevice;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A meter on a Modbus bus, published as a {@link Meter} with the service properties {@code meter.id},
 * {@code meter.role} and {@code meter.socket}: configuration properties, so DS publishes them as they are (bnd writes
 * the defaults of {@link ModbusMeterConfig} into the component description, so they are present even when a
 * configuration leaves them out).
 *
 * <p>Bus selection is the OpenEMS idiom: the reference named "bus" takes its target from the configuration property
 * {@code bus.target}; the installer only sets {@code bus.id}, and when the two disagree the meter writes
 * {@code bus.target = (bus.id=<bus.id>)} into its own configuration, upon which DS rebinds it to the right bus.
 */
@Component(name = ModbusMeterConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {Meter.class, ConfigurableComponent.class})
@Designate(ocd = ModbusMeterConfig.class, factory = true)
public class ModbusMeter implements Meter, ConfigurableComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ModbusMeter.class);

    private final ListenerFanout listeners = new ListenerFanout();
    private final TimeSource time = TimeSource.SYSTEM;
    private ModbusBusService bus;
    private ConfigurationAdmin configAdmin;
    private volatile MeterSettings settings;
    private volatile MeterDevice device;
    private volatile MeterReading idle;

    @Reference(name = "bus", target = "(bus.id=*)")
    void setBus(ModbusBusService bus) {
        this.bus = bus;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL)
    void setConfigurationAdmin(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeListener")
    void addListener(MeterListener listener) {
        listeners.add(listener);
    }

    void removeListener(MeterListener listener) {
        listeners.remove(listener);
    }

    @Activate
    void activate(ModbusMeterConfig config, Map<String, Object> properties) {
        MeterSettings s = validate(config, properties);
        claim(s.meterId(), properties);
        try {
            settings = s;
            if (onRightBus(s, properties)) start(s);
            else idle = waiting(s);
            RefusalLog.accepted(pid(properties));
        } catch (RuntimeException e) {
            // DS will not call deactivate for a failed activation: give the id back now
            IdRegistry.METERS.release(s.meterId(), this);
            throw e;
        }
    }

    @Modified
    void modified(ModbusMeterConfig config, Map<String, Object> properties) {
        MeterSettings s = validate(config, properties);
        MeterSettings old = settings;
        boolean newId = !s.meterId().equals(old.meterId());
        if (newId) claim(s.meterId(), properties);
        boolean right;
        try {
            right = onRightBus(s, properties);
        } catch (RuntimeException e) {
            if (newId) IdRegistry.METERS.release(s.meterId(), this);
            throw e;
        }
        if (newId) IdRegistry.METERS.release(old.meterId(), this);
        settings = s;
        if (!right) {
            stop();
            idle = waiting(s);
        } else if (device != null && s.sameDevice(old)) {
            if (s.timing().equals(old.timing())) return; // e.g. only bus.target was written
            device.timing(s.timing());
            bus.intervalsChanged(device);
            LOG.info("Meter '{}': now polling every {} ms (fast) / {} ms (slow), stale after {} ms, failed after {} error(s)",
                    s.meterId(), s.timing().fastMs(), s.timing().slowMs(), s.timing().staleAfterMs(),
                    s.timing().failedAfterErrors());
        } else {
            stop();
            start(s);
        }
    }

    @Deactivate
    void deactivate() {
        stop();
        if (settings != null) IdRegistry.METERS.release(settings.meterId(), this);
    }

    @Override
    public String id() {
        return settings.meterId();
    }

    @Override
    public MeterRole role() {
        return settings.role();
    }

    @Override
    public int socket() {
        return settings.socket();
    }

    @Override
    public MeterReading reading() {
        MeterDevice d = device;
        return d != null ? d.reading() : idle;
    }

    private void start(MeterSettings s) {
        MeterDevice d = new MeterDevice(s, bus.describe(), Sources.create(s, time), listeners, time);
        device = d;
        bus.attach(d);
        LOG.info("{} polling ({}, {}) every {} ms / {} ms", s.describe(), s.profile(), s.role(),
                s.timing().fastMs(), s.timing().slowMs());
    }

    private void stop() {
        MeterDevice d = device;
        if (d == null) return;
        d.close();
        bus.detach(d);
        device = null;
        idle = MeterReading.none(settings.meterId(), settings.role(), settings.socket(), time.now());
    }

    /**
     * Whether the bound bus is the one named by bus.id. Keeps bus.target in step with bus.id through Configuration
     * Admin; without it (tests, or a runtime without CM) a mismatch is a configuration error.
     */
    private boolean onRightBus(MeterSettings s, Map<String, Object> properties) {
        boolean right = s.busId().equals(bus.busId());
        String expected = s.expectedBusTarget();
        if (!expected.equals(s.busTarget())) {
            Object pid = properties.get("service.pid");
            if (configAdmin != null && pid != null && retarget(pid.toString(), expected)) {
                LOG.info("Meter '{}': bus.target set to {} to follow bus.id", s.meterId(), expected);
            } else if (!right) {
                String message = BusTarget.TARGET_PROPERTY + " = '" + s.busTarget() + "' selects bus '" + bus.busId()
                        + "' but bus.id is '" + s.busId() + "'; set " + BusTarget.TARGET_PROPERTY + " = \"" + expected + "\"";
                refused(properties, s.meterId(), message);
                throw new ConfigException(List.of(message));
            }
        }
        return right;
    }

    private MeterReading waiting(MeterSettings s) {
        return new MeterReading(s.meterId(), s.role(), s.socket(), Quality.FAILED, time.now(), Map.of(),
                "waiting for bus '" + s.busId() + "'");
    }

    private boolean retarget(String pid, String target) {
        try {
            Configuration c = configAdmin.getConfiguration(pid, "?");
            Dictionary<String, Object> props = c.getProperties();
            if (props == null) return false;
            props.put(BusTarget.TARGET_PROPERTY, target);
            c.update(props);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write {} into configuration {}", BusTarget.TARGET_PROPERTY, pid, e);
            return false;
        }
    }

    private static MeterSettings validate(ModbusMeterConfig config, Map<String, Object> properties) {
        // a value of the wrong type (unit.id = "abc") named by its property, which Declarative Services' own
        // conversion reports without saying which one
        List<String> problems = AnnotationCheck.unreadable(ModbusMeterConfig.class, config,
                key -> properties == null ? null : properties.get(key));
        if (!problems.isEmpty()) {
            refused(properties, String.valueOf(properties.get("meter.id")), String.join("; ", problems));
            throw new ConfigException(problems);
        }
        try {
            return MeterSettings.from(config);
        } catch (ConfigException e) {
            refused(properties, config.meter_id(), e.getMessage());
            throw e;
        }
    }

    private void claim(String meterId, Map<String, Object> properties) {
        try {
            IdRegistry.METERS.claim(meterId, this, ModbusMeterConfig.PID);
        } catch (ConfigException e) {
            refused(properties, meterId, e.getMessage());
            throw e;
        }
    }

    /** One ERROR line per refusal, naming the instance's own PID (DS retries a refused instance many times). */
    private static void refused(Map<String, Object> properties, String meterId, String message) {
        String pid = pid(properties);
        if (RefusalLog.firstTime(pid, message))
            LOG.error("Invalid configuration of {} (meter.id '{}'): {}", pid, meterId, message);
    }

    private static String pid(Map<String, Object> properties) {
        Object pid = properties == null ? null : properties.get("service.pid");
        return pid == null ? ModbusMeterConfig.PID : pid.toString();
    }
}
