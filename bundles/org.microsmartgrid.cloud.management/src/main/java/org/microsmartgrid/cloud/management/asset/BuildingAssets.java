package org.microsmartgrid.cloud.management.asset;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorState;
import org.microsmartgrid.api.building.InputState;
import org.microsmartgrid.api.building.SecuritySystem;

/**
 * The building services as Kura assets (docs/cloud-management.md): {@code door.<id>} and {@code input.<id>} are
 * read-only, except a door's one-time codes ({@link DoorCodesAsset}: issue, revoke); {@code security} has one writable
 * channel, {@code mode} (AUTO, ARMED, DISARMED). A door is never opened through an asset.
 */
final class BuildingAssets {
    static final String DOOR = "door.";
    static final String INPUT = "input.";
    static final String SECURITY = "security";

    private static final List<AssetChannel> DOOR_CHANNELS = Stream.concat(Stream.of(
            AssetChannel.read("released", "BOOLEAN"), AssetChannel.read("contact", "STRING"),
            AssetChannel.read("left_open", "BOOLEAN"), AssetChannel.read("fail_mode", "STRING")),
            DoorCodesAsset.CHANNELS.stream()).toList();
    private static final List<AssetChannel> INPUT_CHANNELS = List.of(AssetChannel.read("type", "STRING"),
            AssetChannel.read("active", "BOOLEAN"), AssetChannel.read("alarm", "BOOLEAN"),
            AssetChannel.read("always_armed", "BOOLEAN"));
    private static final List<AssetChannel> SECURITY_CHANNELS = List.of(AssetChannel.readWrite("mode", "STRING"),
            AssetChannel.read("armed", "BOOLEAN"));

    private BuildingAssets() {
    }

    static boolean owns(String asset) {
        return asset.startsWith(DOOR) || asset.startsWith(INPUT) || asset.equals(SECURITY);
    }

    static Map<String, List<AssetChannel>> definitions(SiteServices s) {
        Map<String, List<AssetChannel>> result = new LinkedHashMap<>();
        s.doors().ifPresent(d -> d.doors().forEach(door -> result.put(DOOR + door.id(), DOOR_CHANNELS)));
        s.security().ifPresent(sec -> {
            sec.inputs().forEach(i -> result.put(INPUT + i.id(), INPUT_CHANNELS));
            result.put(SECURITY, SECURITY_CHANNELS);
        });
        return result;
    }

    static ChannelValue read(String asset, AssetChannel ch, SiteServices s, Instant now) {
        long t = now.toEpochMilli();
        if (asset.startsWith(DOOR)) {
            String id = asset.substring(DOOR.length());
            if (DoorCodesAsset.owns(ch.name())) return DoorCodesAsset.read(id, ch, door(s, id), now);
            DoorState d = s.doors().map(DoorAccess::doors).orElse(List.of()).stream().filter(x -> x.id().equals(id))
                    .findFirst().orElseThrow(() -> new NoSuchElementException("no door " + id));
            return ChannelValue.of(ch, switch (ch.name()) {
                case "released" -> d.released();
                case "contact" -> d.contact();
                case "left_open" -> d.leftOpen();
                default -> d.failMode();
            }, t);
        }
        SecuritySystem sec = s.security().orElseThrow(() -> new NoSuchElementException("no security inputs"));
        if (asset.equals(SECURITY)) return ChannelValue.of(ch, ch.name().equals("mode") ? sec.mode() : sec.armed(), t);
        String id = asset.substring(INPUT.length());
        InputState i = sec.inputs().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no input " + id));
        return ChannelValue.of(ch, switch (ch.name()) {
            case "type" -> i.type();
            case "active" -> i.active();
            case "alarm" -> i.alarm();
            default -> i.alwaysArmed();
        }, t);
    }

    /** security/mode only (the caller checked the channel is writable); a bad mode throws and changes nothing. */
    static String writeMode(String value, SiteServices s, String actor) {
        SecuritySystem sec = s.security().orElseThrow(() -> new IllegalStateException("no security inputs"));
        sec.setMode(value, actor);
        return sec.mode();
    }

    /** A door's issue or revoke (the caller checked the channel is writable); a refusal throws and changes nothing. */
    static String writeCode(String asset, AssetChannel ch, String value, SiteServices s, String actor, Instant now) {
        String id = asset.substring(DOOR.length());
        return DoorCodesAsset.write(id, ch, value, door(s, id), actor, now);
    }

    private static DoorAccess door(SiteServices s, String id) {
        DoorAccess d = s.doors().orElseThrow(() -> new IllegalArgumentException("unavailable: no door service"));
        if (d.doors().stream().noneMatch(x -> x.id().equals(id))) throw new IllegalArgumentException("no door " + id);
        return d;
    }
}
