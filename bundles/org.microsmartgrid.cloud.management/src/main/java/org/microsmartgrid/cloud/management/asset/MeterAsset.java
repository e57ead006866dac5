package org.microsmartgrid.cloud.management.asset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.Sample;

/**
 * A meter as a read-only Kura asset {@code meter.<id>}: one DOUBLE channel per measurement (named after
 * {@link Channel}, lower case, with its unit: {@code active_power_w}), plus {@code quality} and {@code error}.
 */
final class MeterAsset {
    static final String PREFIX = "meter.";

    private MeterAsset() {
    }

    static String name(Meter meter) {
        return PREFIX + meter.id();
    }

    static List<AssetChannel> channels() {
        List<AssetChannel> result = new ArrayList<>();
        for (Channel c : Channel.values()) result.add(AssetChannel.read(channelName(c), "DOUBLE"));
        result.add(AssetChannel.read("quality", "STRING"));
        result.add(AssetChannel.read("error", "STRING"));
        return result;
    }

    static String channelName(Channel c) {
        String base = c.name().toLowerCase(Locale.ROOT);
        return switch (c.unit()) {
            case "" -> base;
            case "%" -> base + "_pct";
            default -> base + "_" + c.unit().toLowerCase(Locale.ROOT);
        };
    }

    static ChannelValue read(Meter meter, AssetChannel channel, Instant now) {
        MeterReading r = meter.reading();
        long at = r.at() != null ? r.at().toEpochMilli() : now.toEpochMilli();
        if (channel.name().equals("quality")) return ChannelValue.of(channel, r.quality().name(), at);
        if (channel.name().equals("error")) return ChannelValue.of(channel, r.error() == null ? "" : r.error(), at);
        for (Channel c : Channel.values()) {
            if (!channelName(c).equals(channel.name())) continue;
            Sample s = r.values().get(c);
            if (s == null) return ChannelValue.failed(channel, "no value: not measured by this meter, or not read yet", at);
            if (!r.isGood())
                return ChannelValue.failed(channel, "reading is " + r.quality() + (r.error() != null ? ": " + r.error() : ""), at);
            return ChannelValue.of(channel, s.value(), s.at().toEpochMilli());
        }
        return ChannelValue.failed(channel, "no such channel", at);
    }
}
