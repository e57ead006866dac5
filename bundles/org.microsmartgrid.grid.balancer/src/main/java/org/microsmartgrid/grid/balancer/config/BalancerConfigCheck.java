package org.microsmartgrid.grid.balancer.config;

import java.util.List;
import java.util.Map;

import org.microsmartgrid.api.config.AnnotationCheck;
import org.microsmartgrid.api.config.ConfigurationCheck;
import org.osgi.service.component.annotations.Component;

/**
 * The balancer's own validation, published so that CONF-V1 and the configuration files' write-back refuse a value
 * before they store it. Always there (no configuration needed), unlike the balancer, which exists only with a valid
 * configuration.
 */
@Component(property = ConfigurationCheck.PID + "=" + BalancerConfig.PID)
public class BalancerConfigCheck implements ConfigurationCheck {
    private final ConfigurationCheck check =
            new AnnotationCheck<>(BalancerConfig.class, c -> ConfigValidator.validate(BalancerConfig.PID, c));

    @Override
    public List<String> problems(Map<String, Object> properties) {
        return check.problems(properties);
    }
}
