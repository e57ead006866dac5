package org.microsmartgrid.charging.config;

import java.util.List;
import java.util.Map;

import org.microsmartgrid.api.config.AnnotationCheck;
import org.microsmartgrid.api.config.ConfigurationCheck;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The charging service's own validation, published so that CONF-V1, the web console and the files' write-back
 * refuse a bad value before they store it.
 */
@Component(property = ConfigurationCheck.PID + "=" + ChargingConfig.PID)
public class ChargingConfigCheck implements ConfigurationCheck {
    private final ConfigurationCheck check;

    @Activate
    public ChargingConfigCheck(BundleContext context) {
        this.check = new AnnotationCheck<>(ChargingConfig.class, c -> ConfigValidator.validate(ChargingConfig.PID, c,
                name -> context.getProperty(name) != null ? context.getProperty(name) : System.getProperty(name)));
    }

    @Override
    public List<String> problems(Map<String, Object> properties) {
        return check.problems(properties);
    }
}
