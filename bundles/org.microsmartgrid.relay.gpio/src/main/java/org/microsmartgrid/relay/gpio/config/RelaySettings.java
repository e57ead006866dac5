package org.microsmartgrid.relay.gpio.config;

import java.time.Duration;
import java.util.Set;

/**
 * The validated configuration of one socket relay.
 *
 * @param relayId          unique id, used by the balancer, the status page and the logs
 * @param socket           the socket the relay feeds, 1..64
 * @param pin              BCM number of the output driving the relay coil
 * @param activeLow        the relay is energised when the output is LOW (most opto-isolated relay boards)
 * @param feedbackPin      BCM number of the contactor's auxiliary contact, or null when none is wired
 * @param feedbackActiveLow the auxiliary contact pulls its input LOW when closed
 * @param minOn            anti-chatter: shortest time ON before a normal OFF is allowed
 * @param minOff           anti-chatter: shortest time OFF before an ON is allowed
 * @param feedbackSettle   how long the contact may take to follow the output before a mismatch is a fault
 */
public record RelaySettings(String relayId, int socket, int pin, boolean activeLow, Integer feedbackPin,
                            boolean feedbackActiveLow, Duration minOn, Duration minOff, Duration feedbackSettle) {

    public static final String RELAY_ID = "relay.id";
    public static final String SOCKET = "socket";
    public static final String PIN = "pin";
    public static final String ACTIVE_LOW = "active.low";
    public static final String FEEDBACK_PIN = "feedback.pin";
    public static final String FEEDBACK_ACTIVE_LOW = "feedback.active.low";
    public static final String MIN_ON_MS = "min.on.ms";
    public static final String MIN_OFF_MS = "min.off.ms";
    public static final String FEEDBACK_SETTLE_MS = "feedback.settle.ms";

    public static final int MIN_SOCKET = 1;
    public static final int MAX_SOCKET = 64;

    /** The raw values as they come from Configuration Admin. */
    public record Raw(String relayId, int socket, String pin, boolean activeLow, String feedbackPin,
                      boolean feedbackActiveLow, long minOnMs, long minOffMs, long feedbackSettleMs) {}

    /**
     * @param board           the chip's board pin map, to resolve channel names
     * @param relayIdsInUse   ids of the other relays (not this configuration's own)
     */
    public static RelaySettings validate(String pid, Raw raw, BoardPins board, Set<String> relayIdsInUse) {
        String id = raw.relayId() == null ? "" : raw.relayId().trim();
        if (id.isEmpty()) throw new InvalidConfigurationException(pid, RELAY_ID, "is required");
        if (relayIdsInUse.contains(id)) throw new InvalidConfigurationException(pid, RELAY_ID,
                "= '" + id + "' is already used by another relay: relay ids must be unique");
        if (raw.socket() < MIN_SOCKET || raw.socket() > MAX_SOCKET) throw new InvalidConfigurationException(pid, SOCKET,
                "= " + raw.socket() + " is out of range " + MIN_SOCKET + ".." + MAX_SOCKET);
        int pin = board.resolve(pid, PIN, raw.pin());
        Integer feedback = null;
        if (raw.feedbackPin() != null && !raw.feedbackPin().isBlank()) {
            feedback = board.resolve(pid, FEEDBACK_PIN, raw.feedbackPin());
            if (feedback == pin) throw new InvalidConfigurationException(pid, FEEDBACK_PIN,
                    "= '" + raw.feedbackPin().trim() + "' is the same pin as 'pin' (BCM " + pin + ")");
        }
        return new RelaySettings(id, raw.socket(), pin, raw.activeLow(), feedback, raw.feedbackActiveLow(),
                millis(pid, MIN_ON_MS, raw.minOnMs()), millis(pid, MIN_OFF_MS, raw.minOffMs()),
                millis(pid, FEEDBACK_SETTLE_MS, raw.feedbackSettleMs()));
    }

    private static Duration millis(String pid, String property, long ms) {
        if (ms < 0) throw new InvalidConfigurationException(pid, property, "= " + ms + " is negative");
        return Duration.ofMillis(ms);
    }

    /** Whether switching to {@code next} needs the pins released and claimed again (else it applies live). */
    public boolean sameHardware(RelaySettings next) {
        return relayId.equals(next.relayId) && socket == next.socket && pin == next.pin && activeLow == next.activeLow
                && java.util.Objects.equals(feedbackPin, next.feedbackPin) && feedbackActiveLow == next.feedbackActiveLow;
    }
}
