package org.microsmartgrid.city.doors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.microsmartgrid.city.broker.doors.DoorAnswer;
import org.microsmartgrid.city.broker.doors.ModuleDoors;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /api/v1/doors/*}, public and without accounts (couriers have none; the one-time code is the secret):
 * {@code GET /api/v1/doors/{point}} lists a point's doors (ids and labels only), {@code POST
 * /api/v1/doors/{point}/{door}/open} with {@code {"code":"12345678"}} sends the code to the point's module and answers
 * what the module decided, no more than its keypad would show (docs/city-api.md). Bad input is a problem detail and
 * never reaches the module; one client address may try only so often ({@link ClientRate}).
 */
public final class DoorsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DoorsServlet.class);
    private static final Pattern POINT = Pattern.compile("[A-Za-z0-9._\\-]{1,36}");
    private static final Pattern DOOR = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern CODE = Pattern.compile("[0-9]{8}");
    static final int MAX_BODY = 1024;
    /** Codes waiting for their modules at once; beyond, 503 (each holds a request thread up to the timeout). */
    static final int MAX_IN_FLIGHT = 32;
    static final String BAD = "Richiesta non valida / Bad request";
    static final String UNREACHABLE = "Modulo non raggiungibile: usate il tastierino / Module not reachable: use the keypad";

    private final transient Registry registry;
    private final transient DoorDirectory directory;
    private final transient Supplier<Optional<ModuleDoors>> modules;
    private final transient ClientRate rate;
    private final transient Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final long waitMs;

    /** @param waitMs how long to wait for the answer at most (the broker's own timeout comes first) */
    DoorsServlet(Registry registry, DoorDirectory directory, Supplier<Optional<ModuleDoors>> modules, ClientRate rate,
                 long waitMs) {
        this.registry = registry;
        this.directory = directory;
        this.modules = modules;
        this.rate = rate;
        this.waitMs = waitMs;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String[] parts = path.split("/", -1);
        String instance = req.getRequestURI();
        if (parts.length == 2 && POINT.matcher(parts[1]).matches()) {
            if (!req.getMethod().equals("GET")) {
                notAllowed(resp, "GET", instance);
                return;
            }
            list(parts[1], resp, instance);
        } else if (parts.length == 4 && parts[3].equals("open") && POINT.matcher(parts[1]).matches()) {
            if (!req.getMethod().equals("POST")) {
                notAllowed(resp, "POST", instance);
                return;
            }
            open(req, resp, parts[1], parts[2], instance);
        } else {
            Replies.problem(resp, 404, "Non trovato / Not found",
                    "/api/v1/doors/{punto} o /api/v1/doors/{punto}/{porta}/open", instance, Map.of());
        }
    }

    private void list(String pointId, HttpServletResponse resp, String instance) throws IOException {
        Optional<Location> point = point(pointId);
        if (point.isEmpty()) {
            unknownPoint(resp, pointId, instance);
            return;
        }
        Location l = point.get();
        List<PublicDoor> doors = l.module() == null ? List.of()
                : directory.doors(l.module().account(), l.module().clientId());
        resp.setHeader("Access-Control-Allow-Origin", "*"); // public data, as the rest of the registry's
        Replies.json(resp, 200, Map.of("location_id", l.id(), "doors", doors));
    }

    private void open(HttpServletRequest req, HttpServletResponse resp, String pointId, String doorId, String instance)
            throws IOException {
        long wait = rate.take(req.getRemoteAddr());
        if (wait > 0) {
            resp.setHeader("Retry-After", Long.toString(wait));
            Replies.problem(resp, 429, "Troppi tentativi, riprovare più tardi / Too many attempts, try again later",
                    "riprovare tra " + wait + " s / try again in " + wait + " s", instance, Map.of());
            return;
        }
        Optional<String> code = code(req);
        if (code.isEmpty()) {
            Replies.problem(resp, 400, BAD, "il corpo è {\"code\":\"12345678\"}: il codice ha 8 cifre / the body is "
                    + "{\"code\":\"12345678\"}: a code has 8 digits", instance, Map.of("parameter", "code"));
            return;
        }
        Optional<Location> point = point(pointId);
        if (point.isEmpty()) {
            unknownPoint(resp, pointId, instance);
            return;
        }
        Location l = point.get();
        if (!DOOR.matcher(doorId).matches() || l.module() == null
                || directory.doors(l.module().account(), l.module().clientId()).stream()
                .noneMatch(d -> d.id().equals(doorId))) {
            Replies.problem(resp, 404, "Porta sconosciuta / Unknown door", "questo punto non ha la porta '"
                    + shorten(doorId) + "' / this point has no door '" + shorten(doorId) + "'", instance, Map.of());
            return;
        }
        Optional<ModuleDoors> m = modules.get();
        if (m.isEmpty() || !l.module().online()) {
            unreachable(resp, instance);
            return;
        }
        if (!inFlight.tryAcquire()) {
            resp.setHeader("Retry-After", "5");
            Replies.problem(resp, 503, "Servizio occupato / Service busy", "riprovare tra poco / try again shortly",
                    instance, Map.of());
            return;
        }
        DoorAnswer a;
        try {
            a = m.get().tryCode(l.module().account(), l.module().clientId(), doorId, code.get())
                    .toCompletableFuture().get(waitMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            a = DoorAnswer.of(DoorAnswer.Status.UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            a = DoorAnswer.of(DoorAnswer.Status.UNREACHABLE);
        } finally {
            inFlight.release();
        }
        LOG.info("door {} of point {}: {}{}", doorId, l.id(), a.status(), a.outcome() == null ? "" : " (" + a.outcome() + ")");
        answer(resp, a, instance);
    }

    /** The module's decision as the page shows it: its own outcome and message, no more. */
    private static void answer(HttpServletResponse resp, DoorAnswer a, String instance) throws IOException {
        String message = a.message() == null ? "" : a.message();
        switch (a.status()) {
            case OPENED -> Replies.json(resp, 200, Map.of("opened", true, "outcome", a.outcome(), "message", message));
            case REFUSED -> Replies.problem(resp, 403, message.isEmpty() ? "Codice non valido / Invalid code" : message,
                    "il modulo ha rifiutato il codice / the module refused the code", instance,
                    Map.of("outcome", a.outcome()));
            case THROTTLED -> Replies.problem(resp, 429, message.isEmpty()
                            ? "Troppi tentativi, riprovare più tardi / Too many attempts, try again later" : message,
                    "la porta non controlla codici per ora / the door checks no code for now", instance,
                    Map.of("outcome", "THROTTLED"));
            case MALFORMED -> Replies.problem(resp, 400, BAD, "il codice ha 8 cifre / a code has 8 digits", instance,
                    Map.of("parameter", "code"));
            case UNKNOWN_DOOR -> Replies.problem(resp, 404, "Porta sconosciuta / Unknown door",
                    "il modulo non ha questa porta / the module has no such door", instance, Map.of());
            case UNREACHABLE -> unreachable(resp, instance);
            case FAILED -> Replies.problem(resp, 502, UNREACHABLE,
                    "il modulo ha risposto in modo non valido / the module's answer was not valid", instance, Map.of());
        }
    }

    private static void unreachable(HttpServletResponse resp, String instance) throws IOException {
        Replies.problem(resp, 504, UNREACHABLE, "il modulo del punto non è collegato o non ha risposto in tempo / "
                + "the point's module is not connected or did not answer in time", instance, Map.of());
    }

    /** The body's code, stripped, when the body is exactly {"code": "<8 digits>"}. */
    private static Optional<String> code(HttpServletRequest req) throws IOException {
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) return Optional.empty();
        try {
            JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) return Optional.empty();
            JsonObject o = e.getAsJsonObject();
            if (o.size() != 1 || !(o.get("code") instanceof com.google.gson.JsonPrimitive p) || !p.isString())
                return Optional.empty();
            String c = p.getAsString().strip();
            return CODE.matcher(c).matches() ? Optional.of(c) : Optional.empty();
        } catch (JsonParseException malformed) {
            return Optional.empty();
        }
    }

    /** A point the public may see: registered and located. */
    private Optional<Location> point(String id) {
        return registry.location(id).filter(Location::located);
    }

    private static void unknownPoint(HttpServletResponse resp, String id, String instance) throws IOException {
        Replies.problem(resp, 404, "Punto sconosciuto / Unknown point", "nessun punto '" + id + "' / no point '" + id
                + "'", instance, Map.of());
    }

    private static void notAllowed(HttpServletResponse resp, String allow, String instance) throws IOException {
        resp.setHeader("Allow", allow);
        Replies.problem(resp, 405, "Metodo non ammesso / Method not allowed", "ammessi / allowed: " + allow, instance,
                Map.of());
    }

    private static String shorten(String s) {
        String t = s.length() > 32 ? s.substring(0, 32) : s;
        return t.replaceAll("[^A-Za-z0-9._-]", "?");
    }
}
