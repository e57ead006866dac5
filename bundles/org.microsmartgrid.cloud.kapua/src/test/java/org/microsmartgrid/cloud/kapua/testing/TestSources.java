package org.microsmartgrid.cloud.kapua.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.cloud.RequestHandler;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.PowerSource;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.cloud.kapua.CloudLinkSession;
import org.microsmartgrid.cloud.kapua.config.CloudSettings;
import org.microsmartgrid.cloud.kapua.lifecycle.DeviceIdentity;
import org.microsmartgrid.cloud.kapua.link.LinkSettings;
import org.microsmartgrid.cloud.kapua.topic.KuraTopics;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.api.site.SiteView;

/** A site for the cloud link to read: a grid meter, one socket with a relay; handlers registered by the test. */
public final class TestSources implements CloudLinkSession.Sources {

    public final Map<String, RequestHandler> handlers = new ConcurrentHashMap<>();
    public final List<ChargingSession> sessions = new CopyOnWriteArrayList<>();
    public volatile double gridW = 1500;
    public volatile boolean relayOn;
    /** What the module publishes as {@code claim_hash} (null: none). */
    public volatile String claimHash;

    public static CloudSettings settings(String url, String clientId, Path outbox, int outboxMax, Duration telemetry) {
        LinkSettings link = new LinkSettings(url, clientId, EmbeddedBroker.USER, EmbeddedBroker.PASSWORD.toCharArray(),
                Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(1), 20, null);
        return new CloudSettings(link, new KuraTopics("milano", clientId),
                new DeviceIdentity("Biblioteca Sormani", "MSG module", "msg-rpi4", "MSG-001", "SN-42", "0.1.0"),
                new KuraMessage.Position(45.4613, 9.1944, null), telemetry, outbox, outboxMax, true);
    }

    @Override
    public SiteView site() {
        Instant now = Instant.now();
        MeterReading grid = new MeterReading("grid", MeterRole.GRID, 0, Quality.GOOD, now,
                Map.of(Channel.ACTIVE_POWER, new Sample(gridW, now)), null);
        RelayState relay = new RelayState("r1", 1, relayOn, relayOn, null, null, now, "test", null);
        // the loop has decided on socket 1, as on a running module (telemetry says nothing of a socket before that)
        LoopDecision decision = new LoopDecision(now, 1, false, null, gridW, 3200, 3200 - gridW, 0, 3200 - gridW, gridW,
                0, TariffBand.F1, false, false, List.of(new SocketAllocation(1, relayOn,
                        relayOn ? SocketReason.CHARGING_NOW : SocketReason.NO_SESSION, "test", false, PriorityClass.PUBLIC,
                        SessionMode.NOW, relayOn ? PowerSource.GRID : PowerSource.NONE, 0, null, null)));
        return new SiteView(now, List.of(grid), List.of(relay), Optional.of(decision), Map.of(), Map.of(), Optional.empty());
    }

    @Override
    public List<ChargingSession> recentSessions() {
        return List.copyOf(sessions);
    }

    @Override
    public Optional<RequestHandler> handler(String appId) {
        return Optional.ofNullable(handlers.get(appId));
    }

    @Override
    public Collection<String> appIds() {
        return List.copyOf(handlers.keySet());
    }

    @Override
    public String[] framework() {
        return new String[] {"org.apache.felix.framework", "7.0.5"};
    }

    @Override
    public String claimHash() {
        return claimHash;
    }

    @Override
    public Map<String, String> extended() {
        return Map.of("sockets", "1");
    }
}
