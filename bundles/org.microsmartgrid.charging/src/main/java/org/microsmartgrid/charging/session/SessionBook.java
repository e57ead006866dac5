package org.microsmartgrid.charging.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.charging.config.Settings;
import org.microsmartgrid.charging.config.Tokens;

/**
 * The open sessions, one per socket at most, and the rules that start, update and end them. No I/O, no clock: every
 * call says what time it is and returns what must be stored. Not thread-safe: the service serializes calls.
 */
public final class SessionBook {

    /** Energy figures of an open session are handed to the store at most this often: what a kill -9 can lose. */
    public static final Duration PERSIST_EVERY = Duration.ofSeconds(5);
    static final int MAX_SOCKET = 64;
    static final double MAX_TARGET_WH = 200_000;

    private final Supplier<UUID> ids;
    private final Map<Integer, OpenSession> open = new TreeMap<>();
    /** Sockets held off after a stop, until when (not persisted: a restart ends the holds). */
    private final Map<Integer, Instant> heldUntil = new TreeMap<>();
    private Settings settings;

    /** @param resumed open sessions found in the database: continued, never started again */
    public SessionBook(Settings settings, Supplier<UUID> ids, Collection<Row> resumed) {
        this.settings = settings;
        this.ids = ids;
        for (Row r : resumed)
            if (r.session().open()) open.merge(r.session().socket(), new OpenSession(r.session(), r.meterWh()),
                    (a, b) -> a.started.isAfter(b.started) ? a : b);
    }

    public void reconfigure(Settings settings) {
        this.settings = settings;
    }

    public Optional<ChargingSession> active(int socket) {
        return Optional.ofNullable(open.get(socket)).map(OpenSession::view);
    }

    /** Whether the socket is held off after a stop at {@code now}. */
    public boolean held(int socket, Instant now) {
        Instant until = heldUntil.get(socket);
        if (until == null) return false;
        if (now.isBefore(until)) return true;
        heldUntil.remove(socket);
        return false;
    }

    public List<ChargingSession> openSessions() {
        return open.values().stream().map(OpenSession::view).toList();
    }

    /** Starts (or takes over a plug-detected) session for the holder of an authorized token. */
    public Change start(int socket, ChargingMode mode, double targetWh, Instant deadline, String token, Instant now) {
        String hash = token == null || token.isEmpty() ? null : Tokens.sha256Hex(token);
        boolean authorized = hash != null && settings.tokenHashes().contains(hash);
        return open(socket, mode, targetWh, deadline, authorized ? Tokens.startedBy(hash) : null, now);
    }

    /** Starts (or takes over a plug-detected) session for a caller that authorized the driver itself. */
    public Change startRemote(int socket, ChargingMode mode, double targetWh, Instant deadline, String actor,
                              Instant now) {
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("a remote start needs an actor");
        if (actor.length() > 64) throw new IllegalArgumentException("actor too long (max 64 characters)");
        return open(socket, mode, targetWh, deadline, "remote:" + actor.trim(), now);
    }

    /** @param startedBy null: the token was not authorized (checked after the arguments, so both errors are clear) */
    private Change open(int socket, ChargingMode mode, double targetWh, Instant deadline, String startedBy,
                        Instant now) {
        if (socket < 1 || socket > MAX_SOCKET)
            throw new IllegalArgumentException("socket must be within 1.." + MAX_SOCKET + ", got " + socket);
        if (mode == null) throw new IllegalArgumentException("a session needs a mode");
        if (mode == ChargingMode.SOLAR_AND_CHEAP) {
            if (!(targetWh > 0 && targetWh <= MAX_TARGET_WH))
                throw new IllegalArgumentException("target must be within 0.." + (int) MAX_TARGET_WH + " Wh, got " + targetWh);
            if (deadline == null || !deadline.isAfter(now))
                throw new IllegalArgumentException("SOLAR_AND_CHEAP needs a deadline in the future, got " + deadline);
        } else {
            targetWh = 0;
            deadline = null;
        }
        if (startedBy == null) throw new SecurityException("token not authorized to start a session");
        heldUntil.remove(socket); // a new start ends a hold

        OpenSession o = open.get(socket);
        if (o != null && !ChargingSessions.PLUG.equals(o.startedBy))
            throw new IllegalStateException("socket " + socket + " is busy: session " + o.id + " started by " + o.startedBy);
        if (o == null) {
            o = new OpenSession(new ChargingSession(ids.get(), socket, mode, targetWh, deadline, now, null, 0, 0, 0,
                    null, startedBy), null);
            open.put(socket, o);
        } else {
            o.mode = mode;
            o.targetWh = targetWh;
            o.deadline = deadline;
            o.startedBy = startedBy;
        }
        o.persistedAt = now;
        o.dirty = false;
        return new Change(Change.Kind.STARTED, o.row());
    }

    /** Ends a session as STOPPED; {@code actor} (who stopped it) is kept apart from the reason. */
    public Optional<Change> stop(int socket, String actor, Instant now) {
        OpenSession o = open.remove(socket);
        if (o == null) return Optional.empty();
        String by = actor == null || actor.isBlank() ? null : actor.trim();
        // the vehicle may still be plugged in: keep the socket off, or plug detection would start a new session
        if (!settings.stopHold().isZero()) heldUntil.put(socket, now.plus(settings.stopHold()));
        return Optional.of(new Change(Change.Kind.ENDED,
                new Row(o.closed(now, ChargingSessions.STOPPED, by), o.lastCounterWh)));
    }

    /**
     * A socket reading: may start a session (power above the plug threshold), add energy, end it (unplugged).
     *
     * @param gridW the grid's power, W (import positive), or null when not trusted: then nothing counts as solar
     * @param band  the ARERA band now (F1/F2/F3), or null when unknown: priced at the dearest band
     */
    public Optional<Change> onSocket(SocketSample s, Double gridW, String band) {
        return onSocket(s, gridW, band, null);
    }

    /**
     * @param socketMode the mode the balancer serves this socket in without a driver's choice (its configured
     *                   mode), or null when not known: a session opened by plugging in records that mode, so that
     *                   what is reported is what the loop does (default.mode only when the loop has not said)
     */
    public Optional<Change> onSocket(SocketSample s, Double gridW, String band, ChargingMode socketMode) {
        OpenSession o = open.get(s.socket());
        if (o != null && socketMode != null && ChargingSessions.PLUG.equals(o.startedBy) && o.mode != socketMode) {
            o.mode = socketMode; // opened before the loop said, or the installer changed the socket's mode
            o.dirty = true;
        }
        if (s.powerW() == null) {
            if (o != null) o.lastPowerW = null; // unknown power: do not integrate across it, do not count it as unplugged
            return Optional.empty();
        }
        double p = s.powerW();
        if (o == null) {
            if (p <= settings.plugDetectW() || s.socket() < 1 || s.socket() > MAX_SOCKET) return Optional.empty();
            if (held(s.socket(), s.at())) return Optional.empty(); // stopped a moment ago: not a new plug-in
            o = new OpenSession(new ChargingSession(ids.get(), s.socket(),
                    socketMode != null ? socketMode : settings.defaultMode(), 0, null, s.at(), null,
                    0, 0, 0, null, ChargingSessions.PLUG), s.importWh());
            o.lastPowerW = p;
            o.lastAt = s.at();
            o.persistedAt = s.at();
            open.put(s.socket(), o);
            return Optional.of(new Change(Change.Kind.STARTED, o.row()));
        }

        double step;
        if (s.importWh() != null) {
            step = EnergySteps.counterStep(o.lastCounterWh, s.importWh());
            o.lastCounterWh = s.importWh();
        } else {
            step = EnergySteps.integratedStep(o.lastPowerW, o.lastAt, s.at());
        }
        o.lastPowerW = p;
        o.lastAt = s.at();
        if (step > 0) {
            o.energyWh += step;
            o.solarWh += step * EnergySteps.localFraction(p, gridW);
            o.costEur += step / 1000 * settings.priceEurKwh(band);
            o.dirty = true;
        } else if (s.importWh() != null && o.persistedAt == null) {
            o.dirty = true; // a resumed session's new counter base is worth storing
        }

        boolean relayOpen = Boolean.FALSE.equals(s.relayClosed());
        if (p > settings.plugDetectW() || relayOpen) {
            o.belowSince = null; // with the relay open a vehicle cannot draw: says nothing about the plug
        } else if (o.belowSince == null) {
            o.belowSince = s.at();
        } else if (!s.at().isBefore(o.belowSince.plus(settings.unplugAfter()))) {
            open.remove(s.socket());
            return Optional.of(new Change(Change.Kind.ENDED,
                    new Row(o.closed(s.at(), ChargingSessions.UNPLUGGED, null), o.lastCounterWh)));
        }

        if (o.dirty && (o.persistedAt == null || !s.at().isBefore(o.persistedAt.plus(PERSIST_EVERY)))) {
            o.persistedAt = s.at();
            o.dirty = false;
            return Optional.of(new Change(Change.Kind.UPDATED, o.row()));
        }
        return Optional.empty();
    }

    /** Open sessions with energy not yet handed to the store: written when the component stops. */
    public List<Change> pending() {
        List<Change> out = new ArrayList<>();
        for (OpenSession o : open.values()) {
            if (!o.dirty) continue;
            o.dirty = false;
            out.add(new Change(Change.Kind.UPDATED, o.row()));
        }
        return out;
    }
}
