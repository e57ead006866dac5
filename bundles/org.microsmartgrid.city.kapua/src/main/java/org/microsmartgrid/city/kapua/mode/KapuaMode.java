package org.microsmartgrid.city.kapua.mode;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.microsmartgrid.city.kapua.client.KapuaClient;
import org.microsmartgrid.city.kapua.client.KapuaDevice;
import org.microsmartgrid.city.kapua.client.KapuaException;
import org.microsmartgrid.city.kapua.client.KapuaLogin;
import org.microsmartgrid.city.registry.Registry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kapua mode: every {@code poll.interval.s} the module list and connection states are read from Kapua's REST API and
 * put into the registry ({@link DeviceSync}). The live data comes through the external broker link on Kapua's broker
 * (its own configuration, docs/kapua.md), into the same ingest as the embedded broker's.
 *
 * <p>Kapua down, slow or refusing: the pass is logged (once per outage, with the age of the last known list) and
 * retried at the next interval; the registry keeps what it had, nothing crashes. Secrets are never logged.
 */
@Component(service = KapuaMode.class, configurationPid = KapuaModeConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = KapuaModeConfig.class)
public final class KapuaMode {

    private static final Logger LOG = LoggerFactory.getLogger(KapuaMode.class);

    @Reference
    private Registry registry;

    private final Clock clock;
    private final boolean polling;
    private KapuaClient kapua;
    private String account;
    private String scopeId;
    private int pageSize;
    private ScheduledExecutorService timer;
    private volatile LastKnownDevices lastKnown = LastKnownDevices.none();

    /** For DS. */
    public KapuaMode() {
        this.clock = Clock.systemUTC();
        this.polling = true;
    }

    /** For tests: without OSGi, and without its own timer (the test calls {@link #syncOnce}). */
    public KapuaMode(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.polling = false;
    }

    @Activate
    public void activate(KapuaModeConfig c) {
        try {
            start(c);
        } catch (IllegalArgumentException e) {
            // SCR reports a failed activation only to the OSGi log: say it where operators look
            LOG.error("Kapua mode not started, fix {}.config: {} / modalità Kapua non avviata", KapuaModeConfig.PID,
                    e.getMessage());
            throw e;
        }
    }

    private void start(KapuaModeConfig c) {
        account = required(c.account(), "account");
        if (account.contains("/") || account.contains("+") || account.contains("#"))
            throw new IllegalArgumentException("account must be a Kapua account name without / + #: " + account);
        scopeId = required(c.scope_id(), "scope.id");
        pageSize = c.page_size();
        KapuaLogin login = login(c);
        kapua = new KapuaClient(c.api_url(), login, Duration.ofSeconds(c.timeout_s()), clock);
        if (polling) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "msg-city-kapua-mode");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::syncQuietly, 0, c.poll_interval_s(), TimeUnit.SECONDS);
        }
        LOG.info("Kapua mode: modules of account {} from {} every {} s as {} / modalità Kapua", account, c.api_url(),
                c.poll_interval_s(), login);
    }

    /** The API key when one is set, else the user and password. */
    public static KapuaLogin login(KapuaModeConfig c) {
        return c.api_key() != null && !c.api_key().isBlank() ? KapuaLogin.apiKey(c.api_key())
                : KapuaLogin.user(c.username(), c.password());
    }

    private static String required(String v, String name) {
        if (v == null || v.isBlank()) throw new IllegalArgumentException(name + " must be set / obbligatorio");
        return v.strip();
    }

    /** One pass: reads every device, updates the registry. Throws when Kapua cannot be read (the registry unchanged). */
    public DeviceSync.Result syncOnce() throws KapuaException {
        List<KapuaDevice> devices;
        try {
            devices = KapuaDevice.list(kapua, scopeId, pageSize);
        } catch (KapuaException e) {
            lastKnown = lastKnown.failed(e.getMessage());
            throw e;
        }
        lastKnown = lastKnown.fresh(devices, clock.instant());
        return DeviceSync.apply(account, devices, registry, clock.millis());
    }

    private void syncQuietly() {
        boolean wasDown = lastKnown.lastError() != null;
        try {
            DeviceSync.Result r = syncOnce();
            if (wasDown) LOG.info("Kapua reachable again / Kapua di nuovo raggiungibile");
            if (r.born() + r.wentOffline() > 0)
                LOG.info("Kapua: {} modules online again, {} offline", r.born(), r.wentOffline());
        } catch (KapuaException e) {
            if (!wasDown) {
                Duration age = lastKnown.age(clock.instant());
                LOG.warn("Kapua not readable ({}); the registry keeps the last known list ({} modules, {}) / Kapua non "
                        + "leggibile", e.getMessage(), lastKnown.devices().size(),
                        age == null ? "never read" : "read " + age.toSeconds() + " s ago");
            }
        } catch (RuntimeException e) { // a malformed answer or a registry failure: the next pass tries again
            lastKnown = lastKnown.failed(e.toString());
            LOG.error("Kapua mode pass failed", e);
        }
    }

    /** The device list Kapua last gave, when, and the error of the last pass if it failed. */
    public LastKnownDevices lastKnown() {
        return lastKnown;
    }

    @Deactivate
    public void deactivate() {
        if (timer != null) timer.shutdownNow();
        if (kapua != null) kapua.logout();
    }
}
