package org.microsmartgrid.meter.modbus.sunspec;

import org.microsmartgrid.api.meter.Channel;

/**
 * One point of a SunSpec model read into a channel.
 *
 * @param name     the SunSpec point id ("W", "TotWhImp"), for error messages
 * @param channel  the channel it feeds
 * @param offset   registers after the model's ID and L
 * @param type     number format
 * @param sfOffset offset of its scale-factor register (a sunssf: int16 power-of-ten exponent)
 */
public record SunSpecPoint(String name, Channel channel, int offset, SunSpecType type, int sfOffset) {
    /** The last register offset this point needs (value or scale factor). */
    public int lastOffset() {
        return Math.max(offset + type.words() - 1, sfOffset);
    }
}
