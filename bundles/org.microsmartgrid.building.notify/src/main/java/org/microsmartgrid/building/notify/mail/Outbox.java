package org.microsmartgrid.building.notify.mail;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mails not sent yet, kept in a file so that a restart or a mail server that is down loses none. The file is
 * replaced atomically on every change (an alarm is rare: this is not a hot path). Bounded: at most {@link #MAX}
 * mails and none older than {@link #MAX_AGE}, so a module without mail for weeks does not fill its disk.
 */
public final class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    /** Instants as ISO-8601 text (Gson cannot reach into java.time's fields on Java 17). */
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, new TypeAdapter<Instant>() {
                @Override
                public void write(JsonWriter out, Instant value) throws IOException {
                    if (value == null) out.nullValue();
                    else out.value(value.toString());
                }

                @Override
                public Instant read(JsonReader in) throws IOException {
                    if (in.peek() == JsonToken.NULL) {
                        in.nextNull();
                        return null;
                    }
                    try {
                        return Instant.parse(in.nextString());
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new JsonParseException(e.getMessage(), e);
                    }
                }
            }).create();
    static final int MAX = 200;
    static final Duration MAX_AGE = Duration.ofHours(48);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LAST_RETRY = Duration.ofMinutes(30);

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();

    /** A mail waiting: when it was queued, how often it failed, when to try again. */
    public record Entry(String id, String subject, String body, Instant queued, int attempts, Instant due) {
    }

    /**
     * Opens the outbox; every mail kept is due at once (a restart is a new chance: the network may be back). An
     * unreadable file is set aside (renamed with {@code .broken}) and the outbox starts empty.
     */
    public Outbox(Path file) {
        this.file = file;
        if (!Files.exists(file)) return;
        try {
            List<Entry> read = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeToken<List<Entry>>() { }.getType());
            if (read != null) read.stream().filter(e -> e != null && e.id() != null && e.subject() != null
                    && e.body() != null && e.queued() != null)
                    .forEach(e -> entries.add(new Entry(e.id(), e.subject(), e.body(), e.queued(), e.attempts(),
                            e.queued())));
        } catch (IOException | JsonParseException | IllegalStateException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".broken");
            log.error("alarm-mail outbox {} cannot be read ({}): set aside as {}, starting empty", file,
                    e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moved) {
                throw new UncheckedIOException("cannot set aside " + file + ": " + moved.getMessage(), moved);
            }
        }
    }

    public synchronized void add(AlarmText.Mail mail, Instant now) {
        entries.add(new Entry(UUID.randomUUID().toString(), mail.subject(), mail.body(), now, 0, now));
        prune(now);
        save();
    }

    /** The oldest mail that is due now. */
    public synchronized Optional<Entry> due(Instant now) {
        prune(now);
        return entries.stream().filter(e -> !e.due().isAfter(now)).findFirst();
    }

    public synchronized void sent(Entry e) {
        entries.removeIf(x -> x.id().equals(e.id()));
        save();
    }

    /** A failed attempt: tried again after 30 s, doubling up to 30 min. */
    public synchronized void failed(Entry e, Instant now) {
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).id().equals(e.id())) continue;
            long factor = 1L << Math.min(e.attempts(), 10);
            Duration wait = FIRST_RETRY.multipliedBy(factor);
            if (wait.compareTo(LAST_RETRY) > 0) wait = LAST_RETRY;
            entries.set(i, new Entry(e.id(), e.subject(), e.body(), e.queued(), e.attempts() + 1, now.plus(wait)));
        }
        save();
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    private void prune(Instant now) {
        int before = entries.size();
        entries.removeIf(e -> e.queued().plus(MAX_AGE).isBefore(now));
        while (entries.size() > MAX) entries.remove(0);
        if (entries.size() < before)
            log.warn("alarm-mail outbox: {} mail(s) dropped unsent (older than {} h or over {} waiting)",
                    before - entries.size(), MAX_AGE.toHours(), MAX);
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, GSON.toJson(entries), StandardCharsets.UTF_8);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix"))
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // kept in memory: sent as long as the module runs; the next successful save writes it down
            log.error("alarm-mail outbox {} cannot be written: {}", file, e.getMessage());
        }
    }
}
