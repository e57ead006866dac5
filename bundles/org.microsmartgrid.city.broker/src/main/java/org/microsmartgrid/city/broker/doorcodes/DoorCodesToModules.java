package org.microsmartgrid.city.broker.doorcodes;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.microsmartgrid.city.broker.ModuleChannel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link ModuleDoorCodes} on the embedded broker's {@link ModuleChannel}. In Kapua mode the service comes from
 * org.microsmartgrid.city.kapua (Kapua's device requests); with a plain external broker there is no channel (yet),
 * so no service: people then answers that the module cannot be reached from the city (use the console).
 */
@Component(service = ModuleDoorCodes.class)
public final class DoorCodesToModules implements ModuleDoorCodes {

    /** How long the owner waits for the module before the city says to use the module's console. */
    static final Duration TIMEOUT = Duration.ofSeconds(8);

    @Reference
    private ModuleChannel channel;

    private DoorCodeRequests requests;
    private AutoCloseable listening;

    @Activate
    void activate() {
        requests = new DoorCodeRequests(channel, System::currentTimeMillis, TIMEOUT);
        listening = channel.listen(requests::onControl);
    }

    @Override
    public CompletionStage<CodeAnswer> issueCourierCode(String account, String clientId, String door,
                                                        int minutesFromNow, int minutes, String issuer) {
        return requests.issueCourierCode(account, clientId, door, minutesFromNow, minutes, issuer);
    }

    @Deactivate
    void deactivate() throws Exception {
        if (listening != null) listening.close();
    }
}
