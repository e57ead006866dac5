package org.microsmartgrid.city.people.driver;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.microsmartgrid.city.broker.charging.ModuleStarts;
import org.microsmartgrid.city.broker.charging.StartAnswer;
import org.microsmartgrid.city.ingest.Telemetry;
import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.account.RateLimiter;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.ApiError;
import org.microsmartgrid.city.registry.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A driver starts charging from the map, through the city (docs/people.md "Points for solar charging"): the city asks
 * the module (CITY-V1 EXEC start, the module learns only "city") and remembers which of its sessions is the driver's.
 * When the module reports that session CLOSED (msg/sessions, after the registry stored it), the driver earns
 * {@value #WH_PER_POINT} Wh of its solar energy per point, at most {@value #DAILY_CAP} points in 24 hours, once per
 * session. Nobody earns for a session the city did not start for them: the pairing is made only from the module's own
 * answer to this driver's request, keyed by the module that answered.
 */
public final class SolarStarts {

    /** A start the driver asked for, and what its session earned once closed (null until then). */
    public record Started(String pointId, int socket, String mode, String sessionId, long started, Double solarWh,
                          Integer points, Long closed) {
    }

    public static final int WH_PER_POINT = 100;
    public static final int DAILY_CAP = 50;
    static final int STARTS_PER_HOUR = 5;
    /** Starts waiting for their module at once; more are a 503 (each holds a request thread up to the timeout). */
    static final int IN_FLIGHT = 16;
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String REASON = "SOLAR_CHARGE";
    private static final Logger LOG = LoggerFactory.getLogger(SolarStarts.class);

    private final Db db;
    private final Points points;
    private final Supplier<Optional<ModuleStarts>> modules;
    private final Clock clock;
    private final RateLimiter perHour = new RateLimiter(STARTS_PER_HOUR, Duration.ofHours(1));
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

    /** @param modules the city broker's start channel; empty (an external broker): every start is a 504 */
    public SolarStarts(Db db, Points points, Supplier<Optional<ModuleStarts>> modules, Clock clock) {
        this.db = db;
        this.points = points;
        this.modules = modules;
        this.clock = clock;
    }

    /** Asks the point's module to start a session on {@code socket} for this driver; remembers it when it started. */
    public Started start(Account driver, String pointId, int socket, String mode) {
        if (!"NOW".equals(mode) && !"SOLAR_ONLY".equals(mode))
            throw ApiError.badRequest("mode: NOW o SOLAR_ONLY / NOW or SOLAR_ONLY");
        Location l = points.publicPoint(pointId);
        if (l.module() == null || !l.monitored())
            throw ApiError.notFound("punto senza modulo: nessun avvio a distanza / not a module's point: no remote start");
        if (l.evses().stream().noneMatch(e -> e.socket() == socket))
            throw ApiError.notFound("nessuna presa " + socket + " su questo punto / no socket " + socket + " on this point");
        Optional<ModuleStarts> m = modules.get();
        if (m.isEmpty() || !l.module().online()) throw unreachable();
        if (!perHour.tryAcquire(driver.id(), clock.instant()))
            throw ApiError.tooMany("al massimo " + STARTS_PER_HOUR + " avvii all'ora / at most " + STARTS_PER_HOUR
                    + " starts an hour", Duration.ofMinutes(10));
        if (!inFlight.tryAcquire()) throw new ApiError(503, "Servizio occupato / Service busy", "riprovare tra poco / try again shortly");
        StartAnswer a;
        try {
            a = m.get().start(l.module().account(), l.module().clientId(), socket, mode).toCompletableFuture()
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            a = StartAnswer.of(StartAnswer.Status.UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            a = StartAnswer.of(StartAnswer.Status.UNREACHABLE);
        } finally {
            inFlight.release();
        }
        String why = a.message() == null ? "" : " (" + a.message() + ")";
        switch (a.status()) {
            case STARTED -> { }
            case REFUSED -> throw ApiError.conflict("il modulo rifiuta: la presa è occupata / the module refuses: the socket is busy" + why);
            case UNKNOWN_SOCKET -> throw ApiError.notFound("il modulo non ha la presa " + socket + " / the module has no socket " + socket);
            case UNREACHABLE -> throw unreachable();
            default -> throw new ApiError(502, "Risposta non valida dal modulo / Bad answer from the module",
                    "il modulo non ha avviato la ricarica / the module did not start charging" + why);
        }
        long now = clock.millis();
        try {
            db.update("INSERT INTO solar_start (module_account, client_id, session_id, account_id, point_id, socket, mode, started) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", l.module().account(), l.module().clientId(), a.sessionId(), driver.id(),
                    l.id(), socket, mode, now);
        } catch (Db.Failure e) {
            if (!e.duplicate()) throw e;
            // a session id this module answered before: it stays whoever's it was (a module cannot hand it over)
            LOG.warn("module {}/{} answered a session id it gave before: not recorded", l.module().account(), l.module().clientId());
            throw new ApiError(502, "Risposta non valida dal modulo / Bad answer from the module",
                    "il modulo ha risposto con una sessione già nota / the module answered with a session already known");
        }
        return new Started(l.id(), socket, mode, a.sessionId(), now, null, null, null);
    }

    /**
     * The ingest stored a module message: a {@code sessions} record CLOSED for a session the city started for a driver
     * earns its points, once (the row is closed in the same transaction that credits them; a repeat finds it closed).
     */
    public void observed(Telemetry t) {
        if (!"sessions".equals(t.resource()) || !"CLOSED".equals(t.metrics().get("state"))
                || !(t.metrics().get("session_id") instanceof String session)) return;
        double solarWh = t.metrics().get("solar_wh") instanceof Double d && d > 0 && Double.isFinite(d) ? d : 0;
        long now = clock.millis();
        Integer earned = db.tx(c -> {
            Optional<String> driver = Db.one(c, "SELECT account_id FROM solar_start WHERE module_account = ? AND client_id = ? "
                    + "AND session_id = ? AND closed IS NULL", rs -> rs.getString(1), t.account(), t.clientId(), session);
            if (driver.isEmpty()) return null;
            long today = Db.one(c, "SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE account_id = ? AND reason = ? AND at > ?",
                    rs -> rs.getLong(1), driver.get(), REASON, now - Duration.ofDays(1).toMillis()).orElse(0L);
            int pts = (int) Math.max(0, Math.min((long) (solarWh / WH_PER_POINT), DAILY_CAP - today));
            if (Db.update(c, "UPDATE solar_start SET closed = ?, solar_wh = ?, points = ? WHERE module_account = ? "
                    + "AND client_id = ? AND session_id = ? AND closed IS NULL", now, solarWh, pts, t.account(), t.clientId(),
                    session) != 1) return null;
            if (pts > 0) Db.update(c, "INSERT INTO points_ledger (account_id, delta, reason, ref, at) VALUES (?, ?, ?, ?, ?)",
                    driver.get(), pts, REASON, "session:" + session, now);
            return pts;
        });
        if (earned != null) LOG.info("session {} of {}/{} closed: {} point(s) for its driver", session, t.account(), t.clientId(), earned);
    }

    /** This driver's starts, newest first (their data export). */
    public List<Started> of(String accountId) {
        return db.list("SELECT point_id, socket, mode, session_id, started, solar_wh, points, closed FROM solar_start "
                + "WHERE account_id = ? ORDER BY started DESC", rs -> new Started(rs.getString(1), rs.getInt(2), rs.getString(3),
                rs.getString(4), rs.getLong(5), (Double) rs.getObject(6), (Integer) rs.getObject(7),
                (Long) rs.getObject(8)), accountId);
    }

    private static ApiError unreachable() {
        return new ApiError(504, "Modulo non raggiungibile / Module not reachable",
                "il modulo non risponde ora: avviare dalla presa / the module does not answer now: start at the socket");
    }
}
