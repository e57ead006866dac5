package org.microsmartgrid.cloud.kapua;

import org.microsmartgrid.cloud.kapua.outbox.OutboxException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.api.cloud.RequestHandler;
import org.microsmartgrid.cloud.kapua.city.CityFaultHandler;
import org.microsmartgrid.cloud.kapua.config.CloudSettings;
import org.microsmartgrid.cloud.kapua.lifecycle.BirthCertificate;
import org.microsmartgrid.cloud.kapua.link.MqttLink;
import org.microsmartgrid.cloud.kapua.outbox.Outbox;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.microsmartgrid.cloud.kapua.request.RequestRouter;
import org.microsmartgrid.cloud.kapua.telemetry.OutboxSink;
import org.microsmartgrid.api.site.SiteView;
import org.microsmartgrid.telemetry.TelemetryPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configuration's worth of cloud link: the outbox, the MQTT link, the request router and telemetry, started
 * together and closed together (DC first, the outbox last). The OSGi component only feeds it services.
 */
public final class CloudLinkSession implements AutoCloseable {

    /** What the session reads from the rest of the module. */
    public interface Sources {
        SiteView site();

        List<ChargingSession> recentSessions();

        /** The shared fleet's latest trips (docs/reservations.md); none without a fleet. */
        default List<FleetTrip> recentTrips() {
            return List.of();
        }

        Optional<RequestHandler> handler(String appId);

        Collection<String> appIds();

        /** The OSGi framework's name and version. */
        String[] framework();

        Map<String, String> extended();

        /** Hex SHA-256 of the module's claim code, published in BIRTH and APPS as {@code claim_hash}; null: none. */
        default String claimHash() {
            return null;
        }

        /** The module's doors, for the city's "I am at the door" requests (CITY-V1 EXEC door); none without. */
        default Optional<org.microsmartgrid.api.building.DoorAccess> doorAccess() {
            return Optional.empty();
        }

        /** The module's sessions, for a driver's start from the city's map (CITY-V1 EXEC start); none without. */
        default Optional<org.microsmartgrid.api.charging.ChargingSessions> chargingSessions() {
            return Optional.empty();
        }

        /** How many sockets the module has (its relays). */
        default int socketCount() {
            return 0;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CloudLinkSession.class);

    private final CloudSettings settings;
    private final Sources sources;
    private final Clock clock;
    private final Outbox outbox;
    private final RequestRouter router;
    private final MqttLink link;
    private final TelemetryPublisher telemetry;
    private final OutboxSink sink;
    /** CITY-V1: the city's fault reports become this module's events; it needs this session's outbox. */
    private final CityFaultHandler cityFaults;
    /**
     * The building's events are written to the outbox on this thread, not on the building's: its 50 ms scan (the
     * siren, the other inputs, the CoAP observers' listener after ours) must not wait for the disk or for the outbox's
     * lock while the link deletes a delivered batch (BuildingEventListener: queue and return; issue 13). The thread
     * starts with the first event.
     */
    private final ExecutorService buildingEvents = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "msg-cloud-events");
        t.setDaemon(true);
        return t;
    });

    public CloudLinkSession(CloudSettings settings, Sources sources, Clock clock) throws OutboxException, MqttException {
        this.settings = settings;
        this.sources = sources;
        this.clock = clock;
        this.outbox = Outbox.open(settings.outboxPath(), settings.outboxMax());
        MqttLink[] linkRef = new MqttLink[1];
        RequestHandler[] cityRef = new RequestHandler[1];
        this.router = new RequestRouter(settings.topics(),
                appId -> CityFaultHandler.APP_ID.equals(appId) ? Optional.ofNullable(cityRef[0])
                        : sources.handler(appId),
                (topic, payload) -> linkRef[0] != null && linkRef[0].publishNow(topic, payload), clock::millis);
        try {
            this.link = new MqttLink(settings.link(), settings.topics(), outbox, this::birth, this::disconnect,
                    router::onControl);
        } catch (MqttException | RuntimeException e) {
            router.close();
            outbox.close();
            throw e;
        }
        linkRef[0] = link;
        this.sink = new OutboxSink(settings.topics(), outbox, link::wake, settings.gzip());
        this.cityFaults = new CityFaultHandler(sink);
        cityRef[0] = new org.microsmartgrid.cloud.kapua.city.CityRequests(cityFaults,
                new org.microsmartgrid.cloud.kapua.city.CityDoorHandler(sources::doorAccess),
                new org.microsmartgrid.cloud.kapua.city.CityDoorCodeHandler(sources::doorAccess),
                new org.microsmartgrid.cloud.kapua.city.CityStartHandler(sources::chargingSessions, sources::socketCount));
        this.telemetry = new TelemetryPublisher(sources::site, sources::recentSessions, sink, clock)
                .withTrips(sources::recentTrips);
    }

    public void start() {
        link.start();
        telemetry.start(settings.telemetry());
    }

    /** The module is stopping: no more statuses (see {@link TelemetryPublisher#quiet()}). */
    public void quiet() {
        telemetry.quiet();
    }

    /**
     * A building alarm raised or cleared: handed to the events thread, which stores it in the outbox and wakes the
     * link (docs/cloud-telemetry.md); returns at once.
     */
    public void alarm(org.microsmartgrid.api.building.AlarmEvent e) {
        store("events/alarm", e.at().toEpochMilli(), () -> org.microsmartgrid.telemetry.BuildingMessages.alarm(e));
    }

    /** A door attempt or a code issued; as {@link #alarm}. */
    public void access(org.microsmartgrid.api.building.AccessEvent e) {
        store("events/access", e.at().toEpochMilli(), () -> org.microsmartgrid.telemetry.BuildingMessages.access(e));
    }

    private void store(String resource, long capturedMs, Supplier<Map<String, Object>> metrics) {
        try {
            buildingEvents.execute(() -> sink.send(resource, org.microsmartgrid.telemetry.MessageClass.EVENT,
                    capturedMs, metrics.get()));
        } catch (RejectedExecutionException closing) {
            LOG.warn("{} not queued for the cloud: the link is closing (the next session starts empty of it)", resource);
        }
    }

    /** A control-loop decision happened: availability may have changed. */
    public void poke() {
        telemetry.poke();
    }

    /**
     * The request handlers or the claim code changed: APPS tells Kapua and the city (sent only when connected; the
     * next BIRTH has it anyway).
     */
    public void appsChanged() {
        link.publishNow(settings.topics().apps(), certificate(withClaimHash(BirthCertificate.apps(settings.identity(),
                sources.framework(), appIds(), sources.extended()))));
    }

    /** The faults the city reported since this session started (for /status). */
    public CityFaultHandler cityFaults() {
        return cityFaults;
    }

    public CloudSettings settings() {
        return settings;
    }

    public Outbox outbox() {
        return outbox;
    }

    public MqttLink link() {
        return link;
    }

    @Override
    public void close() {
        telemetry.close();
        closeBuildingEvents();
        router.close();
        link.close();
        try {
            outbox.close();
        } catch (OutboxException e) {
            // closing anyway; MVStore reopens a file that was not closed at its last commit
        }
    }

    /** The events already handed over still reach the outbox before it closes. */
    private void closeBuildingEvents() {
        buildingEvents.shutdown();
        try {
            if (!buildingEvents.awaitTermination(5, TimeUnit.SECONDS))
                LOG.warn("building events still being stored after 5 s; closing the outbox anyway");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] birth() {
        return certificate(withClaimHash(BirthCertificate.metrics(settings.identity(), sources.framework(), appIds(),
                sources.extended())));
    }

    /** The claim code's hash rides on BIRTH and APPS: the broker lets only this module publish there. */
    private Map<String, Object> withClaimHash(Map<String, Object> metrics) {
        String hash = sources.claimHash();
        if (hash != null) metrics.put(BirthCertificate.CLAIM_HASH, hash);
        return metrics;
    }

    /** The registered handlers' app ids and our own CITY-V1, for BIRTH and APPS. */
    private Collection<String> appIds() {
        java.util.Set<String> ids = new java.util.TreeSet<>(sources.appIds());
        ids.add(CityFaultHandler.APP_ID);
        return ids;
    }

    private byte[] certificate(Map<String, Object> metrics) {
        return KuraPayloadCodec.encode(new KuraMessage(clock.millis(), settings.position(), metrics, null),
                settings.gzip());
    }

    private byte[] disconnect() {
        return KuraPayloadCodec.encode(KuraMessage.of(clock.millis(), BirthCertificate.disconnect(settings.identity())),
                settings.gzip());
    }
}
