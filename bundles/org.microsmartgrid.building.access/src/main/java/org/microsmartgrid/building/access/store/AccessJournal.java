package org.microsmartgrid.building.access.store;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit journal: every issued code and every attempt, one JSON line each, forced to disk before the
 * caller goes on. Never rewritten, never truncated by the module (rotation is the installer's logrotate, copytruncate
 * excluded: see docs/building-access.md).
 */
public final class AccessJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AccessJournal.class);
    private static final Gson GSON = new Gson();

    private final Path file;
    private final FileChannel channel;

    public AccessJournal(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            ownerOnly(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the access journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Intervention reasons may name people: the journal is for the module's own user only (where POSIX). */
    private static void ownerOnly(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    public Path file() {
        return file;
    }

    /** Every readable line, in order. A torn last line (power cut while writing) is skipped: it was never acted on. */
    public List<JournalEntry> read() {
        List<JournalEntry> entries = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the access journal " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            try {
                JournalEntry e = GSON.fromJson(line, JournalEntry.class);
                if (e != null && e.type() != null) entries.add(e);
            } catch (JsonParseException e) {
                log.error("access journal {} line {} unreadable, skipped: {}", file, i + 1, e.getMessage());
            }
        }
        return entries;
    }

    public synchronized void append(JournalEntry entry) {
        byte[] line = (GSON.toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) channel.write(b);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the access journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("closing the access journal {}: {}", file, e.toString());
        }
    }
}
