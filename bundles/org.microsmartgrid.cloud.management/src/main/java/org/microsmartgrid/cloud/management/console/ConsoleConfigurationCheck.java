package org.microsmartgrid.cloud.management.console;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.felix.webconsole.spi.ConfigurationHandler;
import org.apache.felix.webconsole.spi.ValidationException;
import org.microsmartgrid.cloud.management.check.ConfigurationChecks;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web Console's hook before it saves a form (its SPI {@link ConfigurationHandler}): the component's own check
 * is asked, and a value it would refuse is answered with 400 and the reason, nothing stored. The form sends only
 * the form's fields, so FileInstall's {@code felix.fileinstall.filename} would be dropped: it is put back here, so
 * that the change is written into the configuration's file and FileInstall keeps matching the two.
 * <p>
 * A delayed service: loaded only when the Web Console asks for it (there is none on a Kura gateway).
 */
@Component(service = ConfigurationHandler.class)
public class ConsoleConfigurationCheck implements ConfigurationHandler {
    static final String FILENAME = "felix.fileinstall.filename";
    private static final Set<String> SYSTEM_KEYS = Set.of(Constants.SERVICE_PID, "service.factoryPid",
            "service.bundleLocation", FILENAME);
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleConfigurationCheck.class);

    private final ConfigurationAdmin cm;
    private final ConfigurationChecks checks;

    @Activate
    public ConsoleConfigurationCheck(BundleContext context, @Reference ConfigurationAdmin cm) {
        this.cm = cm;
        this.checks = new ConfigurationChecks(context);
    }

    @Override
    public void updateConfiguration(String factoryPid, String pid, Dictionary<String, Object> props)
            throws ValidationException, IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Enumeration<String> keys = props.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (!SYSTEM_KEYS.contains(key)) values.put(key, props.get(key));
        }
        List<String> problems = checks.problems(pid, factoryPid, values);
        if (!problems.isEmpty()) {
            String why = String.join("; ", problems);
            LOG.error("configuration {} refused in the web console, nothing written: {}", pid, why);
            throw new ValidationException("Valore rifiutato / value refused: " + why);
        }
        Object file = existingFile(pid);
        if (file != null && props.get(FILENAME) == null) props.put(FILENAME, file);
    }

    @Override
    public void createConfiguration(String pid) {
        // nothing to check until it has values
    }

    @Override
    public void createFactoryConfiguration(String factoryPid, String name) {
        // likewise
    }

    @Override
    public void deleteConfiguration(String factoryPid, String pid) {
        // deleting stops the component; its file stays (see docs/configuration.md)
    }

    private Object existingFile(String pid) throws IOException {
        try {
            Configuration[] found = cm.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
            if (found == null || found.length == 0 || found[0].getProperties() == null) return null;
            return found[0].getProperties().get(FILENAME);
        } catch (InvalidSyntaxException e) {
            throw new IOException("bad pid " + pid, e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
