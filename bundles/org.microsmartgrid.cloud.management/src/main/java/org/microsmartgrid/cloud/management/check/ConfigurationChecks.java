package org.microsmartgrid.cloud.management.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.microsmartgrid.api.config.ConfigurationCheck;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The one place where a writer of configurations (CONF-V1, the files' write-back) asks the component's own
 * published check before it stores anything. A component without a published check is judged by its metatype
 * alone (CONF-V1) or not at all (the files).
 */
public final class ConfigurationChecks {
    private final BundleContext context;

    public ConfigurationChecks(BundleContext context) {
        this.context = context;
    }

    /**
     * @param pid        the configuration's PID
     * @param factoryPid its factory PID for a factory instance, else null: the check is published for it
     * @param properties the complete properties it would have (system keys are ignored by the checks)
     * @return every problem, each prefixed with the PID; empty when every check accepts the configuration
     */
    public List<String> problems(String pid, String factoryPid, Map<String, Object> properties) {
        Collection<ServiceReference<ConfigurationCheck>> refs = checks(pid, factoryPid);
        List<String> problems = new ArrayList<>();
        for (ServiceReference<ConfigurationCheck> ref : refs) {
            ConfigurationCheck check = context.getService(ref);
            if (check == null) continue; // gone meanwhile
            try {
                for (String p : check.problems(properties)) problems.add(p.startsWith(pid) ? p : pid + ": " + p);
            } catch (RuntimeException e) {
                problems.add(pid + ": the component's check failed: " + e);
            } finally {
                context.ungetService(ref);
            }
        }
        return problems;
    }

    /** Whether the component behind this PID published a check (only then can a configuration be refused). */
    public boolean exists(String pid, String factoryPid) {
        return !checks(pid, factoryPid).isEmpty();
    }

    private Collection<ServiceReference<ConfigurationCheck>> checks(String pid, String factoryPid) {
        String checked = factoryPid != null ? factoryPid : pid;
        try {
            return context.getServiceReferences(ConfigurationCheck.class,
                    "(" + ConfigurationCheck.PID + "=" + escape(checked) + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad pid " + checked, e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
