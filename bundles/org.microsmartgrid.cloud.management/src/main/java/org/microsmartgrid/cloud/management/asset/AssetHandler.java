package org.microsmartgrid.cloud.management.asset;

import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.SecuritySystem;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.cloud.RequestHandler;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.control.SocketReservations;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.relay.Relay;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ASSET-V1: Kapua's Assets tab. GET {@code assets}, EXEC {@code read}, EXEC {@code write} (JSON bodies). Meters
 * are read-only; a socket's {@code enabled} and {@code session} channels can be written, with the actor
 * {@code "kapua:" + requester.client.id}.
 */
@Component(immediate = true, service = RequestHandler.class)
public class AssetHandler implements RequestHandler {
    public static final String APP_ID = "ASSET-V1";
    private static final Logger LOG = LoggerFactory.getLogger(AssetHandler.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SiteControl siteControl;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ChargingSessions sessions;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DoorAccess doors;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SecuritySystem security;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SocketReservations reservations;
    private final AssetService assets = new AssetService(() -> new SiteServices(List.copyOf(meters),
            List.copyOf(relays), Optional.ofNullable(siteControl), Optional.ofNullable(sessions),
            Optional.ofNullable(doors), Optional.ofNullable(security), Optional.ofNullable(reservations)), Clock.systemUTC());


    @Override
    public String appId() {
        return APP_ID;
    }

    @Override
    public KuraResponse handle(KuraRequest request) {
        return handle(assets, request);
    }

    /** The routing, for tests with their own services. */
    static KuraResponse handle(AssetService assets, KuraRequest request) {
        String route = request.method() + " " + String.join("/", request.resources());
        try {
            return switch (route) {
                case "GET assets" -> KuraResponse.ok(AssetJson.definitions(filter(assets, AssetJson.parse(request.body()))));
                case "EXEC read" -> KuraResponse.ok(AssetJson.values(assets.read(AssetJson.parse(request.body()))));
                case "EXEC write" -> KuraResponse.ok(AssetJson.values(assets.write(AssetJson.parse(request.body()),
                        "kapua:" + request.requesterClientId())));
                default -> KuraResponse.notFound("ASSET-V1 has no " + route);
            };
        } catch (NoSuchElementException e) {
            return KuraResponse.notFound(e.getMessage());
        } catch (IllegalArgumentException e) {
            LOG.warn("ASSET-V1 {} from {} refused: {}", route, request.requesterClientId(), e.getMessage());
            return KuraResponse.badRequest(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("ASSET-V1 {} from {} failed", route, request.requesterClientId(), e);
            return KuraResponse.error("internal error: " + e);
        }
    }

    private static java.util.Map<String, List<AssetChannel>> filter(AssetService assets, List<AssetJson.AssetRequest> only) {
        java.util.Map<String, List<AssetChannel>> all = assets.definitions();
        if (only == null) return all;
        java.util.Map<String, List<AssetChannel>> result = new java.util.LinkedHashMap<>();
        for (AssetJson.AssetRequest r : only) {
            List<AssetChannel> chs = all.get(r.name());
            if (chs == null) throw new NoSuchElementException("no asset " + r.name());
            result.put(r.name(), chs);
        }
        return result;
    }
}
