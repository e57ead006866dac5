package org.microsmartgrid.meter.modbus.config;

import java.util.List;
import java.util.Map;

import org.microsmartgrid.api.config.AnnotationCheck;
import org.microsmartgrid.api.config.ConfigurationCheck;
import org.osgi.service.component.annotations.Component;

/**
 * The Modbus bus's own validation ({@link BusSettings#from}), published so that CONF-V1, the web console and
 * the files' write-back refuse a bad value before they store it. (That two instances claim the same id is found
 * only when the second one starts.)
 */
@Component(property = ConfigurationCheck.PID + "=" + ModbusBusConfig.PID)
public class ModbusBusConfigCheck implements ConfigurationCheck {
    private final ConfigurationCheck check = new AnnotationCheck<>(ModbusBusConfig.class, BusSettings::from);

    @Override
    public List<String> problems(Map<String, Object> properties) {
        return check.problems(properties);
    }
}
