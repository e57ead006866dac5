package org.microsmartgrid.city.broker.doorcodes;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/** Asks a module, through the city's broker, for a one-time courier code at one of its doors. */
@ProviderType
public interface ModuleDoorCodes {

    /**
     * Sends the request and completes with the module's answer, or with {@link CodeAnswer.Status#UNREACHABLE} when
     * the module is not connected or does not answer in time. Never completes exceptionally. Never sent again: a
     * request without its answer may or may not have issued a code, which then simply nobody knows (and expires).
     *
     * @param issuer the city account id the module's journal names as the issuer ({@code city:<issuer>})
     */
    CompletionStage<CodeAnswer> issueCourierCode(String account, String clientId, String door, int minutesFromNow,
                                                 int minutes, String issuer);
}
