package org.microsmartgrid.host.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.SiteControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What a host may change, only within what the installer allowed, only through {@link SiteControl} and
 * {@link ChargingSessions} (the loop then obeys as for any other actor), each logged with who did it. Every bad
 * request is refused with a problem saying why, before anything changes.
 */
final class HostActions {
    private static final Logger LOG = LoggerFactory.getLogger(HostActions.class);

    private HostActions() {
    }

    static JsonObject socket(int socket, JsonObject body, String user, HostSettings settings, SiteControl control,
                             ChargingSessions sessions, int knownSockets) throws Problem {
        if (socket < 1 || socket > knownSockets)
            throw new Problem(404, "Presa sconosciuta / Unknown socket", "Nessuna presa " + socket + " / No socket " + socket);
        String actor = "host:" + user;
        JsonObject result = new JsonObject();
        if (body.has("enabled")) {
            if (!settings.allowDisable())
                throw new Problem(403, "Non consentito / Not allowed", "L'installatore non consente di disattivare le prese / The installer does not allow disabling sockets");
            boolean enabled = bool(body, "enabled");
            SiteControl c = require(control);
            c.setSocketEnabled(socket, enabled, actor);
            LOG.info("Host page: {} {} socket {}", actor, enabled ? "enabled" : "disabled", socket);
            result.addProperty("enabled", enabled);
        } else if (body.has("mode")) {
            if (!settings.allowMode())
                throw new Problem(403, "Non consentito / Not allowed", "L'installatore non consente di cambiare modo / The installer does not allow changing modes");
            ChargingMode mode;
            try {
                mode = ChargingMode.valueOf(string(body, "mode"));
            } catch (IllegalArgumentException e) {
                throw new Problem(400, "Modo non valido / Invalid mode", "mode: NOW o/or SOLAR_ONLY");
            }
            if (mode == ChargingMode.SOLAR_AND_CHEAP)
                throw new Problem(400, "Modo non valido / Invalid mode", "SOLAR_AND_CHEAP ha bisogno di energia e scadenza del conducente / needs the driver's energy and deadline");
            if (sessions == null) throw unavailable();
            Optional<ChargingSession> open = sessions.active(socket);
            if (open.isEmpty())
                throw new Problem(409, "Nessuna sessione / No session", "La presa " + socket + " non ha una sessione aperta / Socket " + socket + " has no open session");
            try {
                ChargingSession s = sessions.startRemote(socket, mode, 0, null, actor);
                LOG.info("Host page: {} set the mode of socket {} to {}", actor, socket, mode);
                result.addProperty("mode", s.mode().name());
            } catch (IllegalStateException e) {
                throw new Problem(409, "Modo già scelto / Mode already chosen",
                        "Il modo di questa sessione è già stato scelto (dal conducente o da remoto) / This session's mode was already chosen (by its driver or remotely)");
            }
        } else {
            throw new Problem(400, "Richiesta non valida / Bad request", "Serve \"enabled\" o \"mode\" / \"enabled\" or \"mode\" is needed");
        }
        return result;
    }

    static JsonObject cap(JsonObject body, String user, HostSettings settings, SiteControl control, Instant now) throws Problem {
        if (!settings.allowCap())
            throw new Problem(403, "Non consentito / Not allowed", "L'installatore non consente di limitare la potenza / The installer does not allow capping the power");
        SiteControl c = require(control);
        String actor = "host:" + user;
        JsonObject result = new JsonObject();
        if (body.has("clear") && bool(body, "clear")) {
            c.clearPowerCap(actor);
            LOG.info("Host page: {} removed the power cap", actor);
            result.addProperty("cleared", true);
            return result;
        }
        double limitW = number(body, "limitW");
        double minutes = number(body, "minutes");
        if (!(limitW >= settings.capMinW()))
            throw new Problem(400, "Limite troppo basso / Cap too low", "Almeno / At least " + Math.round(settings.capMinW()) + " W");
        if (!(minutes >= 1 && minutes <= settings.capMaxMinutes()) || minutes != Math.rint(minutes))
            throw new Problem(400, "Durata non valida / Invalid duration", "1.." + settings.capMaxMinutes() + " min");
        var cap = c.capPower(limitW, now.plus(Duration.ofMinutes((long) minutes)), actor);
        LOG.info("Host page: {} capped the grid import at {} W until {}", actor, Math.round(limitW), cap.until());
        result.addProperty("limitW", cap.limitW());
        result.addProperty("until", cap.until().toString());
        return result;
    }

    private static SiteControl require(SiteControl c) throws Problem {
        if (c == null) throw unavailable();
        return c;
    }

    private static Problem unavailable() {
        return new Problem(503, "Regolazione non attiva / Control loop not running",
                "Il modulo non ha ancora la sua configurazione / The module is not configured yet");
    }

    private static boolean bool(JsonObject o, String name) throws Problem {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean())
            throw new Problem(400, "Richiesta non valida / Bad request", name + ": true o/or false");
        return e.getAsBoolean();
    }

    private static String string(JsonObject o, String name) throws Problem {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString())
            throw new Problem(400, "Richiesta non valida / Bad request", name + ": testo / text");
        return e.getAsString();
    }

    private static double number(JsonObject o, String name) throws Problem {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || !Double.isFinite(e.getAsDouble()))
            throw new Problem(400, "Richiesta non valida / Bad request", name + ": un numero / a number");
        return e.getAsDouble();
    }
}
