package org.microsmartgrid.telemetry;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Calls back when the framework begins to stop (the system bundle's STOPPING, before any bundle stops). Telemetry
 * goes quiet then: while bundles stop one by one the module sees its own meters close and its relays go off, and
 * publishing that would put a healthy socket on the city's map as out of order (it would even wait in the outbox and
 * be sent at the next start). The cloud link's DC is what tells the city the module is gone.
 */
public final class FrameworkStopping implements AutoCloseable {
    private final BundleContext context;
    private final SynchronousBundleListener listener;

    private FrameworkStopping(BundleContext context, Runnable onStopping) {
        this.context = context;
        this.listener = event -> {
            if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == 0) onStopping.run();
        };
        context.addBundleListener(listener);
    }

    public static FrameworkStopping listen(BundleContext context, Runnable onStopping) {
        return new FrameworkStopping(context, onStopping);
    }

    @Override
    public void close() {
        try {
            context.removeBundleListener(listener);
        } catch (IllegalStateException stopping) {
            // the bundle context is no longer valid: the framework has dropped the listener already
        }
    }
}
