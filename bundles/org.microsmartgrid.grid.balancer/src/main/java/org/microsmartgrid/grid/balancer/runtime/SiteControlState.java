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
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.control.SiteControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people and building systems asked of the loop (disabled sockets, a power cap), kept in a properties file so
 * that a restart does not silently re-enable a socket someone switched off. Every change is written (temp file,
 * fsync, atomic rename) before it is applied, so a crash leaves either the old or the new state, never half.
 */
public final class SiteControlState implements SiteControl {

    static final Duration MAX_CAP = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(SiteControlState.class);

    private final Path file;
    private final Clock clock;
    private Map<Integer, String> disabled = Map.of();
    private PowerCap cap;

    /** Loads the file when it exists; an unreadable file is logged and ignored (every socket enabled, no cap). */
    public SiteControlState(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        load();
    }

    @Override
    public synchronized Map<Integer, String> disabledSockets() {
        return disabled;
    }

    @Override
    public synchronized void setSocketEnabled(int socket, boolean enabled, String actor) {
        if (socket < 1) throw new IllegalArgumentException("socket numbers start at 1, got " + socket);
        String who = actor(actor);
        Map<Integer, String> next = new TreeMap<>(disabled);
        if (enabled) next.remove(socket);
        else next.put(socket, who);
        if (next.equals(disabled)) return;
        save(next, cap);
        disabled = Collections.unmodifiableMap(next);
        LOG.info("socket {} {} by {}", socket, enabled ? "enabled" : "disabled", who);
    }

    @Override
    public synchronized Optional<PowerCap> powerCap() {
        Instant now = clock.instant();
        return cap != null && cap.activeAt(now) ? Optional.of(cap) : Optional.empty();
    }

    @Override
    public synchronized PowerCap capPower(double limitW, Instant until, String actor) {
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now)) throw new IllegalArgumentException("the cap must end in the future");
        if (until.isAfter(now.plus(MAX_CAP)))
            throw new IllegalArgumentException("a cap may last at most " + MAX_CAP.toHours() + " hours");
        PowerCap next = new PowerCap(limitW, until, actor(actor), now);
        save(disabled, next);
        cap = next;
        LOG.info("grid import capped at {} W until {} by {}", Math.round(limitW), until, next.actor());
        return next;
    }

    @Override
    public synchronized void clearPowerCap(String actor) {
        String who = actor(actor);
        if (cap == null) return;
        save(disabled, null);
        cap = null;
        LOG.info("power cap removed by {}", who);
    }

    /** For the loop: the cap's limit now, or +∞. */
    public double capW() {
        return powerCap().map(PowerCap::limitW).orElse(Double.POSITIVE_INFINITY);
    }

    private static String actor(String actor) {
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("every change needs an actor");
        if (actor.length() > 80) throw new IllegalArgumentException("actor too long (max 80 characters)");
        return actor.strip();
    }

    private void load() {
        if (!Files.exists(file)) return;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            Map<Integer, String> d = new TreeMap<>();
            for (String k : p.stringPropertyNames())
                if (k.startsWith("socket.") && k.endsWith(".disabledBy"))
                    d.put(Integer.parseInt(k.substring(7, k.length() - 11)), p.getProperty(k));
            PowerCap c = null;
            if (p.containsKey("cap.limitW"))
                c = new PowerCap(Double.parseDouble(p.getProperty("cap.limitW")),
                        Instant.parse(p.getProperty("cap.until")), p.getProperty("cap.actor"),
                        Instant.parse(p.getProperty("cap.since")));
            disabled = Collections.unmodifiableMap(d);
            cap = c;
            if (!d.isEmpty()) LOG.info("sockets disabled at start: {}", d);
        } catch (IOException | RuntimeException e) {
            LOG.error("{} unreadable, ignored (every socket enabled, no cap): {}", file, e.toString());
        }
    }

    private void save(Map<Integer, String> d, PowerCap c) {
        Properties p = new Properties();
        d.forEach((socket, who) -> p.setProperty("socket." + socket + ".disabledBy", who));
        if (c != null) {
            p.setProperty("cap.limitW", Double.toString(c.limitW()));
            p.setProperty("cap.until", c.until().toString());
            p.setProperty("cap.actor", c.actor());
            p.setProperty("cap.since", c.since().toString());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                p.store(out, "site control: written by the balancer, do not edit while it runs");
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the change in " + file + ": " + e.getMessage(), e);
        }
    }
}
