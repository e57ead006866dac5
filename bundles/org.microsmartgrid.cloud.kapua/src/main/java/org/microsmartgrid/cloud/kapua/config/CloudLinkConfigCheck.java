package org.microsmartgrid.cloud.kapua.config;

import java.util.List;
import java.util.Map;

import org.microsmartgrid.api.config.AnnotationCheck;
import org.microsmartgrid.api.config.ConfigurationCheck;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The cloud link's own validation, published so that CONF-V1, the web console and the files' write-back refuse a
 * bad value (a broker URL that is not tcp:// or ssl://, an unreadable trust store…) before they store it.
 */
@Component(property = ConfigurationCheck.PID + "=" + CloudLinkConfig.PID)
public class CloudLinkConfigCheck implements ConfigurationCheck {
    private final ConfigurationCheck check;

    @Activate
    public CloudLinkConfigCheck(BundleContext context) {
        this.check = new AnnotationCheck<>(CloudLinkConfig.class, c -> ConfigValidator.validate(c,
                context::getProperty, context.getBundle().getVersion().toString()));
    }

    @Override
    public List<String> problems(Map<String, Object> properties) {
        return check.problems(properties);
    }
}
