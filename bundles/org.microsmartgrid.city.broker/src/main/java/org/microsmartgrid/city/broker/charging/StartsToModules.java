package org.microsmartgrid.city.broker.charging;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.microsmartgrid.city.broker.ModuleChannel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link ModuleStarts} on the embedded broker's {@link ModuleChannel}. In Kapua mode the service comes from
 * org.microsmartgrid.city.kapua (Kapua's device requests); with a plain external broker there is no channel, so no
 * service: the map then says the module cannot be reached from the city.
 */
@Component(service = ModuleStarts.class)
public final class StartsToModules implements ModuleStarts {

    /** How long a driver at the socket waits for the module before the page says it did not answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(8);

    @Reference
    private ModuleChannel channel;

    private StartRequests requests;
    private AutoCloseable listening;

    @Activate
    void activate() {
        requests = new StartRequests(channel, System::currentTimeMillis, TIMEOUT);
        listening = channel.listen(requests::onControl);
    }

    @Override
    public CompletionStage<StartAnswer> start(String account, String clientId, int socket, String mode) {
        return requests.start(account, clientId, socket, mode);
    }

    @Deactivate
    void deactivate() throws Exception {
        if (listening != null) listening.close();
    }
}
