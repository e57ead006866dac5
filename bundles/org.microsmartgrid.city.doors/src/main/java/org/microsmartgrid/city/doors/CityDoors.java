package org.microsmartgrid.city.doors;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;

import org.microsmartgrid.city.broker.doors.ModuleDoors;
import org.microsmartgrid.city.registry.Registry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

import jakarta.servlet.Servlet;

/**
 * Registers {@link DoorsServlet} with the HTTP whiteboard under {@code /api/v1/doors/*} (city.api keeps the rest of
 * /api/v1). Runs without a configuration (the defaults of {@link DoorsConfig}); a change restarts it. Without the
 * broker's {@link ModuleDoors} (an external broker) every code is answered "module not reachable, use the keypad".
 */
@Component(configurationPid = DoorsConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
@Designate(ocd = DoorsConfig.class)
public final class CityDoors {

    static final String PATTERN = "/api/v1/doors/*";
    /** A little longer than the broker's own timeout, which answers first. */
    static final long WAIT_MS = 12_000;

    @Reference
    private Registry registry;
    @Reference
    private DoorDirectory directory;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModuleDoors modules;

    private ServiceRegistration<Servlet> registration;

    @Activate
    void activate(BundleContext context, DoorsConfig config) {
        DoorsServlet servlet = new DoorsServlet(registry, directory, () -> Optional.ofNullable(modules),
                new ClientRate(config.attempts_burst(), config.attempts_refill_seconds() * 1000L,
                        System::currentTimeMillis), WAIT_MS);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, PATTERN);
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "msg-city-doors");
        registration = context.registerService(Servlet.class, servlet, props);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) registration.unregister();
    }
}
