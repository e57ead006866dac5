package org.microsmartgrid.grid.balancer.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

import org.microsmartgrid.api.control.SocketHold;
import org.microsmartgrid.api.control.SocketHolds;
import org.microsmartgrid.grid.balancer.decision.Held;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installers' manual holds, in memory only: a restart ends them all, on purpose — a hold ON must never outlive
 * the installer's visit, and after a restart the loop balancing is the normal state (to keep a socket off across
 * restarts, disable it). Expiry is checked against the clock on every read, so an expired hold is never in force,
 * whether or not anyone looks.
 */
public final class HoldBook implements SocketHolds {

    private static final Logger LOG = LoggerFactory.getLogger(HoldBook.class);
    private static final int MAX_ACTOR = 80;

    private final Clock clock;
    private final Map<Integer, SocketHold> holds = new TreeMap<>();
    private volatile IntPredicate knownSocket = s -> s >= 1 && s <= 64;

    public HoldBook(Clock clock) {
        this.clock = clock;
    }

    /** Which sockets may be held (configured, or served by a relay). */
    public void setKnownSockets(IntPredicate known) {
        this.knownSocket = known;
    }

    @Override
    public synchronized List<SocketHold> holds() {
        dropExpired(clock.instant());
        return List.copyOf(holds.values());
    }

    /** The holds in force at {@code now}, as the decision takes them. */
    public synchronized Map<Integer, Held> inForce(Instant now) {
        dropExpired(now);
        Map<Integer, Held> result = new TreeMap<>();
        holds.forEach((socket, h) -> result.put(socket, new Held(h.on(), h.actor(), h.until())));
        return result;
    }

    @Override
    public synchronized SocketHold hold(int socket, boolean on, Duration length, String actor) {
        if (!knownSocket.test(socket))
            throw new IllegalArgumentException("presa sconosciuta / unknown socket: " + socket);
        if (length == null || length.isNegative() || length.isZero() || length.compareTo(MAX_LENGTH) > 0)
            throw new IllegalArgumentException("una tenuta dura da 1 min a " + MAX_LENGTH.toMinutes()
                    + " min / a hold lasts more than 0 and at most " + MAX_LENGTH.toMinutes() + " min, got " + length);
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("a hold needs an actor");
        if (actor.strip().length() > MAX_ACTOR)
            throw new IllegalArgumentException("actor too long (max " + MAX_ACTOR + " characters)");
        Instant now = clock.instant();
        SocketHold h = new SocketHold(socket, on, actor.strip(), now, now.plus(length));
        holds.put(socket, h);
        LOG.warn("socket {} held {} by {} until {} (safety rules still apply)", socket, on ? "ON" : "OFF", h.actor(),
                h.until());
        return h;
    }

    @Override
    public synchronized boolean release(int socket, String actor) {
        dropExpired(clock.instant());
        SocketHold h = holds.remove(socket);
        if (h == null) return false;
        LOG.info("socket {}: hold {} by {} released by {}", socket, h.on() ? "ON" : "OFF", h.actor(), actor);
        return true;
    }

    /** On stop: the holds end with the loop that honoured them. */
    public synchronized void clear() {
        holds.clear();
    }

    private void dropExpired(Instant now) {
        List<Integer> expired = new ArrayList<>();
        holds.forEach((socket, h) -> {
            if (!h.activeAt(now)) expired.add(socket);
        });
        for (int socket : expired) {
            SocketHold h = holds.remove(socket);
            LOG.info("socket {}: hold {} by {} ran out at {}", socket, h.on() ? "ON" : "OFF", h.actor(), h.until());
        }
    }
}
