package org.microsmartgrid.city.kapua.requests;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.microsmartgrid.city.broker.charging.ModuleStarts;
import org.microsmartgrid.city.broker.charging.StartAnswer;
import org.microsmartgrid.city.broker.charging.StartRequests;
import org.microsmartgrid.city.broker.doorcodes.CodeAnswer;
import org.microsmartgrid.city.broker.doorcodes.DoorCodeRequests;
import org.microsmartgrid.city.broker.doorcodes.ModuleDoorCodes;
import org.microsmartgrid.city.broker.doors.DoorAnswer;
import org.microsmartgrid.city.broker.doors.DoorRequests;
import org.microsmartgrid.city.broker.doors.ModuleDoors;
import org.microsmartgrid.city.kapua.client.KapuaClient;
import org.microsmartgrid.city.kapua.mode.KapuaMode;
import org.microsmartgrid.city.kapua.mode.KapuaModeConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In Kapua mode, the city reaches its modules through Kapua's device requests ({@link KapuaDeviceRequests}): the code
 * a courier types on the "I am at the door" page (CITY-V1 EXEC door), an owner's courier code (EXEC door-code), a
 * driver's start (EXEC start), with the same answers, bounds and timeouts as on the embedded broker. Active with
 * {@code KapuaMode.config} (same Kapua, user and scope); Kapua mode has no embedded broker, so the broker's own
 * services are not there. The city's Kapua user needs {@code device_management:execute} (docs/kapua.md).
 */
@Component(service = {ModuleDoors.class, ModuleDoorCodes.class, ModuleStarts.class},
        configurationPid = KapuaModeConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class KapuaModuleRequests implements ModuleDoors, ModuleDoorCodes, ModuleStarts {

    private static final Logger LOG = LoggerFactory.getLogger(KapuaModuleRequests.class);

    /** As on the embedded broker (DoorsToModules, DoorCodesToModules, StartsToModules): what a person waits. */
    static final Duration TIMEOUT = Duration.ofSeconds(8);
    /** HTTP calls waiting for Kapua at once, and queued: beyond, a request is unreachable at once. */
    static final int THREADS = 16;
    static final int QUEUED = 128;

    private KapuaClient kapua;
    private ThreadPoolExecutor calls;
    private DoorRequests doors;
    private DoorCodeRequests codes;
    private StartRequests starts;

    /** For DS. */
    public KapuaModuleRequests() {
    }

    @Activate
    public void activate(KapuaModeConfig c) {
        activateWith(c, Clock.systemUTC(), TIMEOUT);
    }

    /** For tests: another clock and a shorter wait. */
    public void activateWith(KapuaModeConfig c, Clock clock, Duration timeout) {
        String scopeId = c.scope_id() == null || c.scope_id().isBlank() ? "_" : c.scope_id().strip();
        kapua = new KapuaClient(c.api_url(), KapuaMode.login(c), Duration.ofSeconds(c.timeout_s()), clock);
        calls = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED), r -> {
            Thread t = new Thread(r, "msg-city-kapua-request");
            t.setDaemon(true);
            return t;
        });
        calls.allowCoreThreadTimeOut(true);
        KapuaDeviceRequests transport = new KapuaDeviceRequests(kapua, scopeId, calls);
        doors = new DoorRequests(transport, timeout);
        codes = new DoorCodeRequests(transport, timeout);
        starts = new StartRequests(transport, timeout);
        LOG.info("Kapua mode: door codes, courier codes and starts go to the modules through Kapua's device requests "
                + "at {} / richieste ai moduli tramite Kapua", c.api_url());
    }

    @Override
    public CompletionStage<DoorAnswer> tryCode(String account, String clientId, String door, String code) {
        return doors.tryCode(account, clientId, door, code);
    }

    @Override
    public CompletionStage<CodeAnswer> issueCourierCode(String account, String clientId, String door,
                                                        int minutesFromNow, int minutes, String issuer) {
        return codes.issueCourierCode(account, clientId, door, minutesFromNow, minutes, issuer);
    }

    @Override
    public CompletionStage<StartAnswer> start(String account, String clientId, int socket, String mode) {
        return starts.start(account, clientId, socket, mode);
    }

    @Deactivate
    public void deactivate() {
        if (calls != null) calls.shutdownNow();
        if (kapua != null) kapua.logout();
    }
}
