package org.microsmartgrid.grid.balancer.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.IntPredicate;

import org.microsmartgrid.api.control.Reservation;
import org.microsmartgrid.api.control.SocketReservations;
import org.microsmartgrid.grid.balancer.decision.Reserved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets' reservations, kept in a properties file (temp file, fsync, atomic rename before a change applies),
 * so that a restart neither loses a booking nor revives a cancelled one. Refuses overlapping windows on a socket;
 * forgets a reservation once its window has ended, or once its grace after the start has passed unused.
 */
public final class ReservationBook implements SocketReservations {

    static final Duration MAX_LENGTH = Duration.ofHours(24);
    static final Duration MAX_AHEAD = Duration.ofDays(14);
    private static final Logger LOG = LoggerFactory.getLogger(ReservationBook.class);

    private final Path file;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Duration grace;
    private volatile boolean holdPower;
    private volatile IntPredicate knownSocket = s -> s >= 1 && s <= 64;
    private List<Reservation> all = List.of();

    /** Loads the file when it exists; an unreadable file is logged at ERROR and ignored (no reservations). */
    public ReservationBook(Path file, Clock clock, Duration grace, ZoneId zone) {
        this.file = file;
        this.clock = clock;
        this.grace = grace;
        this.zone = zone;
        load();
    }

    public void setGrace(Duration grace) {
        this.grace = grace;
    }

    /** Whether a reservation keeps its socket's power free for its holder until the holder first comes. */
    public void setHoldPower(boolean hold) {
        this.holdPower = hold;
    }

    /** Which sockets may be reserved (the ones the balancer knows). */
    public void setKnownSockets(IntPredicate known) {
        this.knownSocket = known;
    }

    @Override
    public synchronized List<Reservation> reservations() {
        return all;
    }

    @Override
    public synchronized Reservation reserve(int socket, Instant from, Instant until, String holder, String actor) {
        Instant now = clock.instant();
        String who = text("actor", actor);
        String whom = text("holder", holder);
        if (!knownSocket.test(socket)) throw new IllegalArgumentException("socket " + socket + " is not a socket of "
                + "this module / presa " + socket + " inesistente");
        if (from == null || until == null) throw new IllegalArgumentException("a reservation needs a start and an end");
        if (!until.isAfter(from)) throw new IllegalArgumentException("the reservation ends before it starts / la "
                + "prenotazione finisce prima di iniziare");
        if (!until.isAfter(now)) throw new IllegalArgumentException("the reservation ends in the past / la "
                + "prenotazione è già finita");
        if (Duration.between(from, until).compareTo(MAX_LENGTH) > 0)
            throw new IllegalArgumentException("a reservation lasts at most 24 h / al massimo 24 ore");
        if (from.isAfter(now.plus(MAX_AHEAD)))
            throw new IllegalArgumentException("a reservation starts at most 14 days ahead / al massimo fra 14 giorni");
        for (Reservation r : all) {
            if (r.socket() == socket && from.isBefore(r.until()) && r.from().isBefore(until))
                throw new IllegalArgumentException("socket " + socket + " is already reserved " + window(r)
                        + " (" + r.id() + ") / presa " + socket + " già prenotata " + window(r));
        }
        Reservation r = new Reservation(UUID.randomUUID().toString(), socket, from, until, whom, who, now, false);
        List<Reservation> next = new ArrayList<>(all);
        next.add(r);
        replace(next);
        LOG.info("socket {} reserved {} for {} by {} ({})", socket, window(r), whom, who, r.id());
        return r;
    }

    @Override
    public synchronized boolean cancel(String id, String actor) {
        String who = text("actor", actor);
        List<Reservation> next = new ArrayList<>(all);
        boolean removed = next.removeIf(r -> r.id().equals(id));
        if (!removed) return false;
        replace(next);
        LOG.info("reservation {} cancelled by {}", id, who);
        return true;
    }

    /**
     * Once a cycle: marks a reservation used when its holder's session is on its socket inside the window, and
     * forgets those that ended or expired unused.
     *
     * @param holders the {@code startedBy} of each socket's open session
     * @return the reservations in force now, by socket
     */
    public synchronized Map<Integer, Reserved> inForce(Instant now, Map<Integer, String> holders) {
        List<Reservation> next = new ArrayList<>();
        boolean changed = false;
        for (Reservation r : all) {
            boolean here = r.holder().equals(holders.get(r.socket()));
            if (!now.isBefore(r.until())) {
                LOG.info("reservation {} of socket {} ended", r.id(), r.socket());
                changed = true;
            } else if (!r.used() && r.activeAt(now) && here) {
                next.add(new Reservation(r.id(), r.socket(), r.from(), r.until(), r.holder(), r.actor(), r.created(), true));
                LOG.info("socket {}: {} arrived for reservation {}", r.socket(), r.holder(), r.id());
                changed = true;
            } else if (!r.used() && !now.isBefore(r.from().plus(grace))) {
                LOG.warn("reservation {} of socket {} expired unused ({} did not come within {} min) / prenotazione "
                        + "scaduta", r.id(), r.socket(), r.holder(), grace.toMinutes());
                changed = true;
            } else {
                next.add(r);
            }
        }
        if (changed) {
            try {
                replace(next);
            } catch (IllegalStateException e) {
                LOG.error("{}", e.getMessage()); // the loop goes on; the change is tried again next cycle
            }
        }
        Map<Integer, Reserved> result = new HashMap<>();
        for (Reservation r : all)
            if (r.activeAt(now))
                result.put(r.socket(), new Reserved(r.holder(), r.until(), r.holder().equals(holders.get(r.socket())),
                        holdPower && !r.used()));
        return result;
    }

    private String window(Reservation r) {
        return r.from().atZone(zone).toLocalDateTime() + "–" + r.until().atZone(zone).toLocalDateTime();
    }

    private static String text(String what, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("a reservation needs its " + what);
        if (value.length() > 80) throw new IllegalArgumentException(what + " too long (max 80 characters)");
        return value.strip();
    }

    private void replace(List<Reservation> next) {
        next.sort(Comparator.comparingInt(Reservation::socket).thenComparing(Reservation::from));
        save(next);
        all = List.copyOf(next);
    }

    private void load() {
        if (!Files.exists(file)) return;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            List<Reservation> list = new ArrayList<>();
            for (String k : p.stringPropertyNames()) {
                if (!k.endsWith(".socket")) continue;
                String id = k.substring(0, k.length() - ".socket".length());
                list.add(new Reservation(id, Integer.parseInt(p.getProperty(k)), Instant.parse(p.getProperty(id + ".from")),
                        Instant.parse(p.getProperty(id + ".until")), p.getProperty(id + ".holder"),
                        p.getProperty(id + ".actor"), Instant.parse(p.getProperty(id + ".created")),
                        Boolean.parseBoolean(p.getProperty(id + ".used"))));
            }
            list.sort(Comparator.comparingInt(Reservation::socket).thenComparing(Reservation::from));
            all = List.copyOf(list);
            if (!list.isEmpty()) LOG.info("{} reservation(s) kept from before the restart", list.size());
        } catch (IOException | RuntimeException e) {
            LOG.error("{} unreadable, ignored (no reservations): {}", file, e.toString());
        }
    }

    private void save(List<Reservation> list) {
        Properties p = new Properties();
        for (Reservation r : list) {
            p.setProperty(r.id() + ".socket", Integer.toString(r.socket()));
            p.setProperty(r.id() + ".from", r.from().toString());
            p.setProperty(r.id() + ".until", r.until().toString());
            p.setProperty(r.id() + ".holder", r.holder());
            p.setProperty(r.id() + ".actor", r.actor());
            p.setProperty(r.id() + ".created", r.created().toString());
            p.setProperty(r.id() + ".used", Boolean.toString(r.used()));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                p.store(out, "reservations: written by the balancer, do not edit while it runs");
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the reservations in " + file + ": " + e.getMessage(), e);
        }
    }
}
