package org.microsmartgrid.cloud.kapua.city;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;

/**
 * {@code CITY-V1 EXEC start}: a signed-in driver pressed "Avvia la ricarica / Start charging" on the city's map. The
 * city checked the driver; the module only learns that the city asks ({@code startedBy} = {@code remote:city}), never
 * who: the driver's account stays in the city, which pairs it with the session id this reply carries. Same rules as
 * any remote start (a socket with a session of its own is refused, a plug-detected one is taken over).
 */
public final class CityStartHandler {

    /** The actor every city start is recorded with on the module. */
    public static final String ACTOR = "city";
    static final int CONFLICT = 409;

    private final Supplier<Optional<ChargingSessions>> sessions;
    private final IntSupplier sockets;

    /** @param sockets how many sockets this module has (its relays): a higher number is a 404 */
    public CityStartHandler(Supplier<Optional<ChargingSessions>> sessions, IntSupplier sockets) {
        this.sessions = sessions;
        this.sockets = sockets;
    }

    KuraResponse handle(KuraRequest request) {
        Object socket = request.metrics().get("socket");
        Object modeName = request.metrics().get("mode");
        if (!(socket instanceof Integer n) || n < 1)
            return KuraResponse.badRequest("socket: a socket number (INT32, from 1) is required");
        ChargingMode mode;
        try {
            mode = modeName instanceof String s ? ChargingMode.valueOf(s) : null;
        } catch (IllegalArgumentException e) {
            mode = null;
        }
        if (mode == null) return KuraResponse.badRequest("mode: NOW, SOLAR_ONLY or SOLAR_AND_CHEAP is required");
        double targetWh = 0;
        Instant deadline = null;
        if (mode == ChargingMode.SOLAR_AND_CHEAP) {
            if (!(request.metrics().get("target_wh") instanceof Double t) || !(request.metrics().get("deadline") instanceof Long d))
                return KuraResponse.badRequest("SOLAR_AND_CHEAP needs target_wh (DOUBLE) and deadline (INT64, epoch ms)");
            targetWh = t;
            deadline = Instant.ofEpochMilli(d);
        }
        if (n > sockets.getAsInt()) return KuraResponse.notFound("no socket " + n + " on this module / nessuna presa " + n);
        Optional<ChargingSessions> s = sessions.get();
        if (s.isEmpty()) return KuraResponse.notFound("charging sessions are not running / sessioni di ricarica non attive");
        ChargingSession started;
        try {
            started = s.get().startRemote(n, mode, targetWh, deadline, ACTOR);
        } catch (IllegalStateException busy) {
            return refused(busy.getMessage() == null ? "refused / rifiutata" : busy.getMessage());
        } catch (IllegalArgumentException bad) {
            return KuraResponse.badRequest(bad.getMessage());
        } catch (SecurityException refused) {
            return refused("refused / rifiutata");
        }
        return new KuraResponse(KuraResponse.OK, Map.of("session_id", started.id().toString(), "socket", n, "mode",
                started.mode().name()), new byte[0], null);
    }

    /** 409: the module said no (a session open on the socket); the reason goes back as Kura's exception message. */
    private static KuraResponse refused(String why) {
        return new KuraResponse(CONFLICT, Map.of(), new byte[0], why);
    }
}
