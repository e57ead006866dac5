package org.microsmartgrid.cloud.management.asset;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.Relay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's meters and sockets as Kura assets: list, read, write. A write is checked whole (assets, channels,
 * values, services) before anything is done.
 */
final class AssetService {
    private static final Logger LOG = LoggerFactory.getLogger(AssetService.class);

    private final Supplier<SiteServices> services;
    private final Clock clock;

    AssetService(Supplier<SiteServices> services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** Every asset and its channels, meters first then sockets, each sorted. */
    Map<String, List<AssetChannel>> definitions() {
        SiteServices s = services.get();
        Map<String, List<AssetChannel>> result = new LinkedHashMap<>();
        s.meters().stream().map(MeterAsset::name).sorted().forEach(n -> result.put(n, MeterAsset.channels()));
        for (int socket : sockets(s)) result.put(SocketAsset.PREFIX + socket, SocketAsset.channels());
        result.putAll(BuildingAssets.definitions(s));
        if (s.reservations().isPresent()) result.put(ReservationsAsset.NAME, ReservationsAsset.CHANNELS);
        return result;
    }

    /** @param requests null = every channel of every asset @throws NoSuchElementException an unknown asset/channel */
    Map<String, List<ChannelValue>> read(List<AssetJson.AssetRequest> requests) {
        SiteServices s = services.get();
        Instant now = clock.instant();
        Map<String, List<AssetChannel>> defs = definitions();
        Map<String, List<ChannelValue>> result = new LinkedHashMap<>();
        for (AssetJson.AssetRequest r : requests == null ? all(defs) : requests) {
            List<ChannelValue> values = new ArrayList<>();
            for (AssetChannel ch : channels(defs, r)) values.add(readOne(r.name(), ch, s, now));
            result.put(r.name(), values);
        }
        return result;
    }

    /**
     * Writes channel by channel, as Kura's AssetCloudlet and BaseAsset.write do: Kapua's console sends every channel
     * of the asset it shows (DeviceAssetsPanel.getUpdatedAsset), read-only ones included, so a read-only channel, an
     * unknown asset or channel and a refused value are each that channel's error, and the other channels are still
     * written. A value equal to what the channel shows changes nothing.
     *
     * @throws IllegalArgumentException a body that is not a write (no assets, a channel without a value): nothing
     *                                  is written, as Kura answers such a body 400
     */
    Map<String, List<ChannelValue>> write(List<AssetJson.AssetRequest> requests, String actor) {
        if (requests == null || requests.isEmpty()) throw new IllegalArgumentException("write needs a JSON body naming assets and channels");
        for (AssetJson.AssetRequest r : requests) {
            if (r.channels().isEmpty()) throw new IllegalArgumentException(r.name() + ": name the channels to write");
            for (AssetJson.ChannelRequest c : r.channels()) {
                if (c.value() == null) throw new IllegalArgumentException(r.name() + "/" + c.name() + ": no value to write");
            }
        }
        SiteServices s = services.get();
        Map<String, List<AssetChannel>> defs = definitions();
        Map<String, List<ChannelValue>> result = new LinkedHashMap<>();
        for (AssetJson.AssetRequest r : requests) {
            List<AssetChannel> known = defs.get(r.name());
            List<ChannelValue> outcomes = result.computeIfAbsent(r.name(), k -> new ArrayList<>());
            for (AssetJson.ChannelRequest c : r.channels()) {
                long t = clock.millis();
                AssetChannel ch = known == null ? null
                        : known.stream().filter(k -> k.name().equals(c.name())).findFirst().orElse(null);
                if (ch == null) {
                    String why = known == null ? "no asset " + r.name() : "asset " + r.name() + " has no channel " + c.name();
                    outcomes.add(ChannelValue.failed(AssetChannel.read(c.name(), "STRING"), why, t));
                } else if (ch.writable() && r.name().equals(BuildingAssets.SECURITY)) {
                    outcomes.add(writeMode(ch, c.value(), s, actor, t));
                } else if (ch.writable() && r.name().startsWith(BuildingAssets.DOOR)) {
                    outcomes.add(writeDoorCode(r.name(), ch, c.value(), s, actor, t));
                } else if (ch.writable() && r.name().equals(ReservationsAsset.NAME)) {
                    outcomes.add(writeReservation(ch, c.value(), s, actor, t));
                } else if (!ch.writable() || !r.name().startsWith(SocketAsset.PREFIX)) {
                    outcomes.add(ChannelValue.failed(ch, r.name() + "/" + ch.name() + " is read-only", t));
                } else {
                    outcomes.add(writeOne(r.name(), ch, c.value(), s, actor, t));
                }
            }
        }
        return result;
    }

    private ChannelValue writeOne(String asset, AssetChannel ch, String value, SiteServices s, String actor, long t) {
        int socket = Integer.parseInt(asset.substring(SocketAsset.PREFIX.length()));
        try {
            SocketAsset.Write w = SocketAsset.prepare(socket, ch, value, s, actor);
            ChannelValue done = ChannelValue.of(ch, w.apply(), t);
            if (w.changes()) LOG.info("ASSET-V1 write by {}: {}/{} = {}", actor, asset, ch.name(), value);
            return done;
        } catch (RuntimeException e) { // a bad value, or the service refused (a busy socket, ...): this channel's error
            LOG.warn("ASSET-V1 write by {}: {}/{} = {} refused: {}", actor, asset, ch.name(), value, e.getMessage());
            return ChannelValue.failed(ch, e.getMessage(), t);
        }
    }

    private static ChannelValue writeMode(AssetChannel ch, String value, SiteServices s, String actor, long t) {
        try {
            String mode = BuildingAssets.writeMode(value, s, actor);
            LOG.info("ASSET-V1 write by {}: security/mode = {}", actor, mode);
            return ChannelValue.of(ch, mode, t);
        } catch (RuntimeException e) {
            LOG.warn("ASSET-V1 write by {}: security/mode = {} refused: {}", actor, value, e.getMessage());
            return ChannelValue.failed(ch, e.getMessage(), t);
        }
    }

    private static ChannelValue writeReservation(AssetChannel ch, String value, SiteServices s, String actor, long t) {
        try {
            String done = ReservationsAsset.write(ch, value, s, actor);
            if (!done.isEmpty()) LOG.info("ASSET-V1 write by {}: reservations/{} = {} -> {}", actor, ch.name(), value, done);
            return ChannelValue.of(ch, done, t);
        } catch (RuntimeException e) { // a bad value or the loop's refusal (an overlap): nothing changed
            LOG.warn("ASSET-V1 write by {}: reservations/{} = {} refused: {}", actor, ch.name(), value, e.getMessage());
            return ChannelValue.failed(ch, e.getMessage(), t);
        }
    }

    /** Logs the code's id, never the code: the answer alone carries it, once. */
    private ChannelValue writeDoorCode(String asset, AssetChannel ch, String value, SiteServices s, String actor, long t) {
        try {
            String done = BuildingAssets.writeCode(asset, ch, value, s, actor, clock.instant());
            if (!done.isEmpty()) LOG.info("ASSET-V1 write by {}: {}/{} done, code id {}", actor, asset, ch.name(),
                    ch.name().equals(DoorCodesAsset.ISSUE) ? done.split(",")[1] : done);
            return ChannelValue.of(ch, done, t);
        } catch (RuntimeException e) { // a bad value or the door service's refusal: nothing issued nor revoked
            LOG.warn("ASSET-V1 write by {}: {}/{} refused: {}", actor, asset, ch.name(), e.getMessage());
            return ChannelValue.failed(ch, e.getMessage(), t);
        }
    }

    private static ChannelValue readOne(String asset, AssetChannel ch, SiteServices s, Instant now) {
        try {
            if (BuildingAssets.owns(asset)) return BuildingAssets.read(asset, ch, s, now);
            if (asset.equals(ReservationsAsset.NAME)) return ReservationsAsset.read(ch, s, now);
            if (asset.startsWith(MeterAsset.PREFIX)) {
                Meter m = s.meters().stream().filter(x -> MeterAsset.name(x).equals(asset)).findFirst().orElseThrow();
                return MeterAsset.read(m, ch, now);
            }
            return SocketAsset.read(Integer.parseInt(asset.substring(SocketAsset.PREFIX.length())), ch, s, now);
        } catch (RuntimeException e) { // a service that went away meanwhile, or failed: an error for this channel
            return ChannelValue.failed(ch, "read failed: " + e, now.toEpochMilli());
        }
    }

    private static List<AssetJson.AssetRequest> all(Map<String, List<AssetChannel>> defs) {
        return defs.keySet().stream().map(n -> new AssetJson.AssetRequest(n, List.of())).toList();
    }

    private static List<AssetChannel> channels(Map<String, List<AssetChannel>> defs, AssetJson.AssetRequest r) {
        List<AssetChannel> known = defs.get(r.name());
        if (known == null) throw new NoSuchElementException("no asset " + r.name() + "; assets: " + defs.keySet());
        if (r.channels().isEmpty()) return known;
        List<AssetChannel> result = new ArrayList<>();
        for (AssetJson.ChannelRequest c : r.channels()) {
            result.add(known.stream().filter(k -> k.name().equals(c.name())).findFirst().orElseThrow(() ->
                    new NoSuchElementException("asset " + r.name() + " has no channel " + c.name())));
        }
        return result;
    }

    private static TreeSet<Integer> sockets(SiteServices s) {
        TreeSet<Integer> result = new TreeSet<>();
        for (Relay r : s.relays()) result.add(r.socket());
        for (Meter m : s.meters()) if (m.role() == MeterRole.SOCKET && m.socket() > 0) result.add(m.socket());
        s.siteControl().ifPresent(c -> result.addAll(c.disabledSockets().keySet()));
        return result;
    }
}
