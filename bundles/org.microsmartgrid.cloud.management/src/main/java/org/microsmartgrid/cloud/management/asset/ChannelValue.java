package org.microsmartgrid.cloud.management.asset;

/**
 * The outcome of reading or writing one channel: a value (as text, Kura's JSON form) or an error.
 *
 * @param timestamp epoch ms: the capture time of a measurement, otherwise when it was read or written
 */
record ChannelValue(String name, String type, String value, String error, long timestamp) {
    static ChannelValue of(AssetChannel channel, Object value, long timestamp) {
        return new ChannelValue(channel.name(), channel.type(), String.valueOf(value), null, timestamp);
    }

    static ChannelValue failed(AssetChannel channel, String error, long timestamp) {
        return new ChannelValue(channel.name(), channel.type(), null, error, timestamp);
    }
}
