package org.microsmartgrid.console.commissioning;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.microsmartgrid.api.control.LoopPause;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.relay.RelayState;

/**
 * Everything one rendering of the page shows, gathered by the plugin from the services and the configurations.
 *
 * @param relayPins   relay id → its configured pin (CH1), when its configuration is one of ours
 * @param invertible  meter id → its {@code invert.power}, for meters configured as Modbus meters (others cannot be
 *                    inverted from here)
 * @param pause       the balancer's pause in force; null when the balancer offers none (not configured)
 * @param selfTestAvailable whether the balancer runs (the self-test is its dry run)
 */
record View(Instant now, ZoneId zone, String formAction, String token, String message, boolean mockGpio,
            List<Steps.Step> steps, List<Board> boards, String board, List<RelayState> relays,
            Map<String, String> relayPins, Map<String, Progress.RelayTest> relayTests,
            Optional<LoopPause.Paused> pause, boolean pauseAvailable, List<MeterReading> meters,
            Map<String, Progress.SignRun> signs, Map<String, Boolean> invertible, List<String> buses,
            Integer contractW, Progress.SelfTestRun selfTest, boolean selfTestAvailable) {
}
