package org.microsmartgrid.meter.modbus;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.storage.BatteryControl;
import org.microsmartgrid.api.storage.BatteryControlState;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.meter.modbus.battery.ControlChannel;
import org.microsmartgrid.meter.modbus.bus.ModbusBusService;
import org.microsmartgrid.meter.modbus.config.BatterySettings;
import org.microsmartgrid.meter.modbus.config.BusTarget;
import org.microsmartgrid.meter.modbus.config.ConfigException;
import org.microsmartgrid.meter.modbus.config.ModbusBatteryConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SunSpec home battery (storage model 124) the balancer steers, on the same bus (thread, connection) as the
 * meters: writes take turns with the polls. Its state of charge and power are read by a ModbusMeter with role
 * BATTERY on the same unit. A configuration change restarts the component (DS), which first gives the battery back
 * to its automatic mode.
 */
@Component(name = ModbusBatteryConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {BatteryControl.class, ConfigurableComponent.class})
@Designate(ocd = ModbusBatteryConfig.class, factory = true)
public class ModbusBattery implements BatteryControl, ConfigurableComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ModbusBattery.class);

    private ModbusBusService bus;
    private volatile BatterySettings settings;
    private volatile ControlChannel channel;

    @Reference(name = "bus", target = "(bus.id=*)")
    void setBus(ModbusBusService bus) {
        this.bus = bus;
    }

    @Activate
    void activate(ModbusBatteryConfig config) {
        BatterySettings s;
        try {
            s = BatterySettings.from(config);
            if (!s.busId().equals(bus.busId()))
                throw new ConfigException(List.of(BusTarget.TARGET_PROPERTY + " = '" + s.busTarget() + "' selects bus '"
                        + bus.busId() + "' but bus.id is '" + s.busId() + "'; set " + BusTarget.TARGET_PROPERTY
                        + " = \"" + s.expectedBusTarget() + "\""));
        } catch (ConfigException e) {
            LOG.error("Invalid configuration of {} (battery.id '{}'): {}", ModbusBatteryConfig.PID, config.battery_id(), e.getMessage());
            throw e;
        }
        settings = s;
        channel = new ControlChannel(s, bus, Clock.systemUTC());
        LOG.info("battery '{}' on {} unit {}: charge ≤ {} W, discharge ≤ {} W, export {}", s.batteryId(), bus.describe(),
                s.unitId(), s.maxChargeW(), s.maxDischargeW(), s.exportAllowed() ? "allowed" : "not allowed");
    }

    @Deactivate
    void deactivate() {
        ControlChannel c = channel;
        if (c != null) c.release("stop");
    }

    @Override
    public String id() {
        return settings.batteryId();
    }

    @Override
    public BatteryControlState state() {
        return channel.state();
    }

    @Override
    public BatteryResult apply(double setpointW, Duration validFor, String source) {
        return channel.apply(setpointW, validFor, source);
    }

    @Override
    public BatteryResult release(String source) {
        return channel.release(source);
    }
}
