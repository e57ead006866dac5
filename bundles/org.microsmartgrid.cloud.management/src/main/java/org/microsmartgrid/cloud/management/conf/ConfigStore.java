package org.microsmartgrid.cloud.management.conf;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Reads and writes configurations through ConfigurationAdmin, without creating any by merely reading. */
final class ConfigStore {
    /** Keys that belong to the framework or FileInstall, never shown to or taken from the cloud. */
    static final String FACTORY_PID = "service.factoryPid";
    static final Set<String> SYSTEM_KEYS = Set.of(Constants.SERVICE_PID, FACTORY_PID,
            "service.bundleLocation", "felix.fileinstall.filename", "component.name", "component.id");

    private final ConfigurationAdmin cm;

    ConfigStore(ConfigurationAdmin cm) {
        this.cm = cm;
    }

    /** The stored properties of a pid without the system keys; empty when it has no configuration. */
    Map<String, Object> read(String pid) throws IOException {
        Configuration c = find(pid);
        Map<String, Object> result = new LinkedHashMap<>();
        if (c == null || c.getProperties() == null) return result;
        Dictionary<String, Object> props = c.getProperties();
        for (Enumeration<String> keys = props.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (!SYSTEM_KEYS.contains(key)) result.put(key, props.get(key));
        }
        return result;
    }

    /** Replaces the properties of a pid (the system keys it had are kept); creates a singleton's configuration. */
    void write(String pid, Map<String, Object> properties) throws IOException {
        Configuration c = find(pid);
        if (c == null) c = cm.getConfiguration(pid, "?");
        java.util.Hashtable<String, Object> next = new java.util.Hashtable<>();
        Dictionary<String, Object> old = c.getProperties();
        if (old != null) {
            for (String key : SYSTEM_KEYS) {
                Object v = old.get(key);
                if (v != null && !key.equals(Constants.SERVICE_PID) && !key.equals("service.factoryPid")) next.put(key, v);
            }
        }
        properties.forEach((k, v) -> {
            if (v != null) next.put(k, v);
        });
        c.updateIfDifferent(next);
    }

    private Configuration find(String pid) throws IOException {
        try {
            Configuration[] found = cm.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
            return found == null || found.length == 0 ? null : found[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad pid " + pid, e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
