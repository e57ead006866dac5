package org.microsmartgrid.city.broker.charging;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/** Starts a charging session on a module's socket through the city's broker. */
@ProviderType
public interface ModuleStarts {

    /**
     * Asks the module to start a session on {@code socket} in {@code mode} (NOW or SOLAR_ONLY) and completes with its
     * answer, or with {@link StartAnswer.Status#UNREACHABLE} when the module is not connected or does not answer in
     * time. Never completes exceptionally.
     */
    CompletionStage<StartAnswer> start(String account, String clientId, int socket, String mode);
}
