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
     * @throws NoSuchElementException   an unknown asset or channel (nothing written)
     * @throws IllegalArgumentException a read-only channel or a bad value (nothing written)
     */
    Map<String, List<ChannelValue>> write(List<AssetJson.AssetRequest> requests, String actor) {
        if (requests == null || requests.isEmpty()) throw new IllegalArgumentException("write needs a JSON body naming assets and channels");
        SiteServices s = services.get();
        Map<String, List<AssetChannel>> defs = definitions();
        record Pending(String asset, AssetChannel channel, String value, SocketAsset.Write write) {
        }
        List<Pending> pending = new ArrayList<>();
        for (AssetJson.AssetRequest r : requests) {
            if (r.channels().isEmpty()) throw new IllegalArgumentException(r.name() + ": name the channels to write");
            List<AssetChannel> chs = channels(defs, r);
            for (int i = 0; i < chs.size(); i++) {
                AssetChannel ch = chs.get(i);
                String value = r.channels().get(i).value();
                if (!r.name().startsWith(SocketAsset.PREFIX) || !ch.writable())
                    throw new IllegalArgumentException(r.name() + "/" + ch.name() + " is read-only");
                int socket = Integer.parseInt(r.name().substring(SocketAsset.PREFIX.length()));
                pending.add(new Pending(r.name(), ch, value, SocketAsset.prepare(socket, ch, value, s, actor)));
            }
        }
        Map<String, List<ChannelValue>> result = new LinkedHashMap<>();
        for (Pending p : pending) {
            long t = clock.millis();
            ChannelValue outcome;
            try {
                outcome = ChannelValue.of(p.channel(), p.write().apply(), t);
                LOG.info("ASSET-V1 write by {}: {}/{} = {}", actor, p.asset(), p.channel().name(), p.value());
            } catch (RuntimeException e) { // the service refused (a busy socket, ...): said per channel, as Kura does
                outcome = ChannelValue.failed(p.channel(), e.getMessage(), t);
                LOG.warn("ASSET-V1 write by {}: {}/{} = {} refused: {}", actor, p.asset(), p.channel().name(), p.value(), e.getMessage());
            }
            result.computeIfAbsent(p.asset(), k -> new ArrayList<>()).add(outcome);
        }
        return result;
    }

    private static ChannelValue readOne(String asset, AssetChannel ch, SiteServices s, Instant now) {
        try {
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
