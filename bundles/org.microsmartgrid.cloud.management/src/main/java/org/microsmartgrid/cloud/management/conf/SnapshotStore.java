package org.microsmartgrid.cloud.management.conf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Configuration snapshots as Kura keeps them: one XML file per snapshot, {@code snapshot_<id>.xml}, the id being
 * the time it was taken (epoch ms); only the newest {@code max} are kept. The files hold passwords in clear (they
 * must restore them): the directory is the module's own data directory, readable by the module's user only.
 */
final class SnapshotStore {
    private static final Pattern NAME = Pattern.compile("snapshot_(\\d{1,19})\\.xml");

    private final Path dir;
    private final int max;
    private final Clock clock;

    SnapshotStore(Path dir, int max, Clock clock) {
        this.dir = dir;
        this.max = max;
        this.clock = clock;
    }

    /** Stores a snapshot and drops the oldest beyond the bound. @return its id */
    synchronized long save(byte[] xml) throws IOException {
        Files.createDirectories(dir);
        List<Long> ids = ids();
        long id = clock.millis();
        if (!ids.isEmpty() && id <= ids.get(ids.size() - 1)) id = ids.get(ids.size() - 1) + 1; // ids only grow
        Path tmp = dir.resolve(".snapshot_" + id + ".xml.tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(xml));
            ch.force(true);
        }
        ownerOnly(tmp);
        Files.move(tmp, file(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        List<Long> all = ids();
        for (int i = 0; i < all.size() - max; i++) Files.deleteIfExists(file(all.get(i)));
        return id;
    }

    /** Oldest first. */
    synchronized List<Long> ids() throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> NAME.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Long.parseLong(m.group(1)))
                    .sorted()
                    .toList();
        }
    }

    synchronized Optional<byte[]> read(long id) throws IOException {
        Path f = file(id);
        return Files.isRegularFile(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
    }

    synchronized Optional<Long> latest() throws IOException {
        List<Long> ids = ids();
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(ids.size() - 1));
    }

    /** Snapshots hold passwords in clear: readable by the module's user only, where the file system can say so. */
    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix"))
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    private Path file(long id) {
        return dir.resolve("snapshot_" + id + ".xml");
    }
}
