package org.microsmartgrid.grid.balancer.config;

import java.time.LocalTime;
import org.microsmartgrid.api.control.SessionMode;

/**
 * A socket's configured default session, until charging sessions are managed by their own bundle.
 *
 * @param mode     the mode
 * @param targetWh SOLAR_AND_CHEAP: the energy wanted every day by {@code deadline}
 * @param deadline SOLAR_AND_CHEAP: local time of day; null for other modes
 */
public record DefaultMode(SessionMode mode, double targetWh, LocalTime deadline) {

    public static final DefaultMode NOW = new DefaultMode(SessionMode.NOW, 0, null);
}
