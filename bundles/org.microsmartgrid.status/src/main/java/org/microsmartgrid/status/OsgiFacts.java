package org.microsmartgrid.status;

import org.microsmartgrid.status.health.BundleFacts;
import org.microsmartgrid.status.health.ComponentHealth;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads what the status page shows of the framework: the only class here that talks to OSGi. */
public final class OsgiFacts {
    /** Set by the distribution (e.g. in its .bndrun) when the module's version differs from this bundle's. */
    static final String MODULE_VERSION_PROPERTY = "org.microsmartgrid.module.version";

    private OsgiFacts() {
    }

    static ModuleSection module(BundleContext context) {
        String version = context.getProperty(MODULE_VERSION_PROPERTY);
        if (version == null || version.isBlank()) version = String.valueOf(context.getBundle().getVersion());
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        String framework = system == null ? null : system.getSymbolicName() + " " + system.getVersion();
        // the process start, not this bundle's: a bundle update must not reset the module's uptime
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return new ModuleSection(version, framework, Runtime.version().toString(), started);
    }

    static List<BundleFacts> bundles(BundleContext context) {
        List<BundleFacts> facts = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            try {
                facts.add(BundleFacts.of(bundle));
            } catch (IllegalStateException uninstalledMeanwhile) {
                // gone between getBundles() and now: nothing to report
            }
        }
        return facts;
    }

    public static List<ComponentHealth.Component> components(ServiceComponentRuntime scr) {
        List<ComponentHealth.Component> components = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            components.add(new ComponentHealth.Component(d, scr.isComponentEnabled(d),
                    List.copyOf(scr.getComponentConfigurationDTOs(d))));
        }
        return components;
    }

    /**
     * The GPIO chip's provider and board, from the {@code gpio.provider} property it publishes its services with
     * (no dependency on Pi4J); nulls when no chip runs.
     */
    static String[] gpioChip(BundleContext context) {
        try {
            org.osgi.framework.ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(gpio.provider=*)");
            if (refs == null || refs.length == 0) return new String[] {null, null};
            Object board = refs[0].getProperty("board");
            return new String[] {String.valueOf(refs[0].getProperty("gpio.provider")), board == null ? null : board.toString()};
        } catch (org.osgi.framework.InvalidSyntaxException | IllegalStateException e) {
            return new String[] {null, null};
        }
    }
}
