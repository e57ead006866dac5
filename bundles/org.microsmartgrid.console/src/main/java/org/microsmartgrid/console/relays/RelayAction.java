package org.microsmartgrid.console.relays;

import org.microsmartgrid.api.relay.RelayCommand;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What an installer asked for on the relay page: {@code relay=<id>&action=on|off|release&minutes=N}. With the
 * balancer running, ON and OFF become a manual hold of the relay's socket for N minutes and {@code release} ends it
 * (see {@link HeldSwitch}); without it they switch the relay directly. Parsing is strict,
 * because a command switches mains power: a missing, repeated or out-of-range parameter is refused with a message
 * in Italian and English, and nothing is switched.
 *
 * @param relayId the relay to switch
 * @param on      true for ON
 * @param minutes the ON lease, or the hold's length (1..240), the default 15 when not given
 * @param release end the socket's manual hold ({@code on} is then false)
 */
public record RelayAction(String relayId, boolean on, int minutes, boolean release) {

    /** Switch ON or OFF (not a release). */
    public RelayAction(String relayId, boolean on, int minutes) {
        this(relayId, on, minutes, false);
    }

    public static final int DEFAULT_MINUTES = 15;
    public static final int MAX_MINUTES = 240;

    /** A refused request: the message explains it to the installer. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /**
     * @param parameters the request's parameters, as {@code ServletRequest.getParameterMap()} gives them
     * @param knownRelays the ids of the relays registered now
     */
    public static RelayAction parse(Map<String, String[]> parameters, Collection<String> knownRelays) throws Invalid {
        String relay = single(parameters, "relay");
        String action = single(parameters, "action");
        String minutesText = single(parameters, "minutes");
        if (relay == null) throw new Invalid("Manca il parametro 'relay' / Parameter 'relay' is missing");
        if (!knownRelays.contains(relay)) {
            throw new Invalid("Relè sconosciuto / Unknown relay '" + relay + "'; relè presenti / known relays: "
                    + (knownRelays.isEmpty() ? "nessuno / none" : String.join(", ", new TreeSet<>(knownRelays))));
        }
        if (action == null) throw new Invalid("Manca il parametro 'action' (on|off) / Parameter 'action' (on|off) is missing");
        String verb = action.strip().toLowerCase(Locale.ROOT);
        boolean on = switch (verb) {
            case "on" -> true;
            case "off", "release" -> false;
            default -> throw new Invalid("'action' deve essere on, off oppure release / 'action' must be on or off "
                    + "(or release, to end a manual hold)");
        };
        int minutes = DEFAULT_MINUTES;
        if (minutesText != null && !minutesText.isBlank()) {
            try {
                minutes = Integer.parseInt(minutesText.strip());
            } catch (NumberFormatException e) {
                minutes = -1;
            }
            if (minutes < 1 || minutes > MAX_MINUTES)
                throw new Invalid("'minutes' deve essere un numero intero da 1 a " + MAX_MINUTES
                        + " / 'minutes' must be a whole number from 1 to " + MAX_MINUTES);
        }
        return new RelayAction(relay, on, minutes, verb.equals("release"));
    }

    /** The command for the relay; every installer command says who gave it. */
    public RelayCommand command(String installer) {
        String source = "installer:" + installer;
        return on ? RelayCommand.on(source, Duration.ofMinutes(minutes)) : RelayCommand.off(source);
    }

    private static String single(Map<String, String[]> parameters, String name) throws Invalid {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) return null;
        if (values.length > 1)
            throw new Invalid("Il parametro '" + name + "' è ripetuto / Parameter '" + name + "' is given more than once");
        return values[0];
    }
}
