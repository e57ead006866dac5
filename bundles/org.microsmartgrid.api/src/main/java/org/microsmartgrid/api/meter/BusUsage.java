package org.microsmartgrid.api.meter;

import java.util.List;

/**
 * How much of a bus its meters ask for and get.
 *
 * @param busId          the bus's configured id
 * @param line           the line, for people: "rs485 (RTU /dev/ttyUSB0 9600 8N1)"
 * @param demandPercent  the bus time the configured poll intervals ask for, in % of the line (the sum over every
 *                       task of its measured request time / its interval); above 100 the line cannot keep up
 * @param busyPercent    the share of the last seconds the line actually spent on requests
 * @param oversubscribed demand above 100 %: the meters without priority are polled less often than configured
 * @param tasks          every polling task on the bus, priority first, then by device and kind
 */
public record BusUsage(String busId, String line, double demandPercent, double busyPercent, boolean oversubscribed,
                       List<PollUsage> tasks) {
    public BusUsage {
        tasks = List.copyOf(tasks);
    }

    /**
     * One polling task of one device: how often it is meant to run and how often it does.
     *
     * @param device             the meter's id
     * @param kind               "FAST" (power) or "SLOW" (energy, frequency, state of charge)
     * @param priority           polled before anything else when due (the grid meter's power)
     * @param intervalMs         the configured interval
     * @param achievedIntervalMs the measured time between two polls (a moving average); 0 before the second poll
     * @param requestMs          the measured bus time of one poll (a moving average); 0 before the first poll
     * @param sinceLastPollMs    time since the last poll started; -1 before the first poll
     */
    public record PollUsage(String device, String kind, boolean priority, long intervalMs, long achievedIntervalMs,
                            long requestMs, long sinceLastPollMs) {
    }
}
