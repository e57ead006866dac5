package org.microsmartgrid.city.broker.transport;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends one Kura request {@code CITY-V1 EXEC {resource}} to one module and gives back its reply. Never sends a request
 * twice, never keeps one for later (a person is waiting; sent twice it would act twice).
 */
@ConsumerType
public interface ModuleTransport {

    /** The application every city request goes to. */
    String APP_ID = "CITY-V1";

    /**
     * Sends the request with {@code metrics} (String, Integer, Long, Boolean, Double values) and completes, within
     * about {@code timeout}, with the reply's metrics, or with empty when the module cannot be asked (not connected,
     * the way to it down) or did not answer in time. A reply that cannot be read completes with an empty map (an
     * answer, which the caller reads as a failure). Never completes exceptionally.
     */
    CompletionStage<Optional<Map<String, Object>>> request(String account, String clientId, String resource,
                                                           Map<String, Object> metrics, Duration timeout);
}
