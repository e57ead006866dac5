package org.microsmartgrid.meter.modbus.config;

import java.util.List;
import java.util.Map;

import org.microsmartgrid.api.config.AnnotationCheck;
import org.microsmartgrid.api.config.ConfigurationCheck;
import org.osgi.service.component.annotations.Component;

/**
 * The Modbus meter's own validation ({@link MeterSettings#from}), published so that CONF-V1, the web console and
 * the files' write-back refuse a bad value before they store it. (That two instances claim the same id is found
 * only when the second one starts.)
 */
@Component(property = ConfigurationCheck.PID + "=" + ModbusMeterConfig.PID)
public class ModbusMeterConfigCheck implements ConfigurationCheck {
    private final ConfigurationCheck check = new AnnotationCheck<>(ModbusMeterConfig.class, MeterSettings::from);

    @Override
    public List<String> problems(Map<String, Object> properties) {
        return check.problems(properties);
    }
}
