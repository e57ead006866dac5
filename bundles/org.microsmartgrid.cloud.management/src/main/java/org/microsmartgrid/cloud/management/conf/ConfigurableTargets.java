package org.microsmartgrid.cloud.management.conf;

import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The components CONF-V1 shows: every registered org.eclipse.kura.configuration.ConfigurableComponent, singletons
 * and factory instances, by pid (Kura's rule).
 */
final class ConfigurableTargets {
    static final String CONFIGURABLE = "org.eclipse.kura.configuration.ConfigurableComponent";

    /**
     * @param pid        the configuration's pid
     * @param factoryPid the factory pid for a factory instance (also its metatype id), else null
     * @param bundle     the bundle that registered it (where its metatype is)
     */
    record Target(String pid, String factoryPid, Bundle bundle) {
        String ocdId() {
            return factoryPid != null ? factoryPid : pid;
        }
    }

    private ConfigurableTargets() {
    }

    /** By pid, sorted (a stable order for people and for tests). */
    static Map<String, Target> find(BundleContext context) {
        Map<String, Target> result = new TreeMap<>();
        ServiceReference<?>[] refs;
        try {
            // all references, whatever class space: we only read their properties
            refs = context.getAllServiceReferences(CONFIGURABLE, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (refs == null) return result;
        for (ServiceReference<?> ref : refs) {
            String pid = first(ref.getProperty("service.pid"));
            if (pid == null) pid = first(ref.getProperty("component.name"));
            if (pid == null || ref.getBundle() == null) continue;
            result.put(pid, new Target(pid, first(ref.getProperty("service.factoryPid")), ref.getBundle()));
        }
        return result;
    }

    /** service.pid may be a String, or a String[] / collection when several configurations target a component. */
    private static String first(Object value) {
        if (value instanceof String s) return s;
        if (value instanceof String[] a && a.length > 0) return a[0];
        if (value instanceof java.util.Collection<?> c && !c.isEmpty()) return String.valueOf(c.iterator().next());
        return null;
    }
}
