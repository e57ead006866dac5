package org.microsmartgrid.city.broker.doors;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/** Tries a code at a module's door through the city's broker. */
@ProviderType
public interface ModuleDoors {

    /**
     * Sends the code to the module and completes with its answer, or with {@link DoorAnswer.Status#UNREACHABLE} when
     * the module is not connected or does not answer in time. Never completes exceptionally.
     */
    CompletionStage<DoorAnswer> tryCode(String account, String clientId, String door, String code);
}
