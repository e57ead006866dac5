package org.microsmartgrid.city.broker.doors;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.microsmartgrid.city.broker.ModuleChannel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link ModuleDoors} on the embedded broker's {@link ModuleChannel}. In Kapua mode the service comes from
 * org.microsmartgrid.city.kapua (Kapua's device requests); with a plain external broker there is no channel (yet),
 * so no service: the page then says the module cannot be reached from the city (use the keypad).
 */
@Component(service = ModuleDoors.class)
public final class DoorsToModules implements ModuleDoors {

    /** How long a person at the door waits for the module before the page says to use the keypad. */
    static final Duration TIMEOUT = Duration.ofSeconds(8);

    @Reference
    private ModuleChannel channel;

    private DoorRequests requests;
    private AutoCloseable listening;

    @Activate
    void activate() {
        requests = new DoorRequests(channel, System::currentTimeMillis, TIMEOUT);
        listening = channel.listen(requests::onControl);
    }

    @Override
    public CompletionStage<DoorAnswer> tryCode(String account, String clientId, String door, String code) {
        return requests.tryCode(account, clientId, door, code);
    }

    @Deactivate
    void deactivate() throws Exception {
        if (listening != null) listening.close();
    }
}
