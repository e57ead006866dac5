package org.microsmartgrid.city.broker;

import java.util.function.BiConsumer;

/**
 * The city speaking to its modules on the embedded broker: Kura requests on a module's own control namespace
 * ({@code $EDC/{account}/{client}/...}), and what the modules publish there (their replies). A service of
 * {@link CityBroker}; the city publishes as the broker itself, so no module credential or access rule is involved.
 */
public interface ModuleChannel {

    /** Whether the module with this client id is connected now. */
    boolean connected(String clientId);

    /**
     * Publishes at QoS 1 to the subscribers connected now (a module keeps no session: clean session).
     *
     * @return false when the broker is not running
     */
    boolean publish(String topic, byte[] payload);

    /** Told every accepted publication on {@code $EDC/...} (topic, payload), on the broker's interceptor thread. */
    AutoCloseable listen(BiConsumer<String, byte[]> control);
}
