package org.microsmartgrid.cloud.management.files;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.microsmartgrid.cloud.management.check.ConfigurationChecks;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Between ConfigurationAdmin and the components (Declarative Services delivers processed properties): a
 * configuration the component's own check refuses is handed over as its last good one instead, so the component
 * never starts or runs with a value it refuses — not even for the moment between a bad hand edit (or a file broken
 * while the module was stopped) and the {@link ConfigFileWriteBack} undoing it. Nothing is logged here: the
 * write-back says what was refused, once.
 */
@Component(service = ConfigurationPlugin.class, property = ConfigurationPlugin.CM_RANKING + ":Integer=100")
public class LastGoodPlugin implements ConfigurationPlugin {
    private static final Set<String> SYSTEM_KEYS = Set.of(Constants.SERVICE_PID, "service.factoryPid",
            "service.bundleLocation", ConfigFileWriteBack.FILENAME);

    private final ConfigurationChecks checks;
    private final LastGoodConfigurations lastGood;

    @Activate
    public LastGoodPlugin(BundleContext context) {
        this.checks = new ConfigurationChecks(context);
        this.lastGood = new LastGoodConfigurations(ConfigFileWriteBack.lastGoodDirectory(context));
    }

    @Override
    public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
        Object pid = properties.get(Constants.SERVICE_PID);
        if (pid == null) return;
        Object factoryPid = properties.get("service.factoryPid");
        Map<String, Object> values = new TreeMap<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (!SYSTEM_KEYS.contains(key)) values.put(key, properties.get(key));
        }
        if (checks.problems(pid.toString(), factoryPid == null ? null : factoryPid.toString(), values).isEmpty()) return;
        Optional<Map<String, Object>> good = lastGood.read(pid.toString());
        if (good.isEmpty()) return; // nothing better to give: the component refuses it and says so
        List<String> remove = new ArrayList<>(values.keySet());
        remove.forEach(properties::remove);
        good.get().forEach(properties::put);
    }
}
