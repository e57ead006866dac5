package org.microsmartgrid.charging.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the sessions store's file, the same way at a start and at a reopen after MVStore closed the store on a failed
 * write (a full disk): MVStore's builder with the store's settings and, when the file was not closed cleanly, the
 * rewrite into a fresh file ({@link #rewritten}).
 */
final class StoreFile {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFile.class);
    /** MVStore's file header key set by a clean close (the same in H2 2.1 and 2.3). */
    private static final String CLEAN_HEADER = "clean";

    private final Path file;
    /** The file's name for H2: "" or, in tests only, an H2 file-system prefix such as "fulldisk:". */
    private final String fileSystem;
    private final int retentionMs;

    /** @param retentionMs &ge; 0 replaces MVStore's 45 s retention (tests); &lt; 0: MVStore's */
    StoreFile(Path file, String fileSystem, int retentionMs) {
        this.file = file;
        this.fileSystem = fileSystem;
        this.retentionMs = retentionMs;
    }

    Path path() {
        return file;
    }

    MVStore open() throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        boolean existed = Files.exists(file);
        MVStore mv = openFile(file);
        if (existed && !mv.getStoreHeader().containsKey(CLEAN_HEADER)) mv = rewritten(mv);
        if (retentionMs >= 0) mv.setRetentionTime(retentionMs);
        return mv;
    }

    private MVStore openFile(Path f) throws IOException {
        try {
            return new MVStore.Builder().fileName(fileSystem + f)
                    // no background writer: a change reaches the file only at our commit, each save exactly one
                    .autoCommitDisabled()
                    // and no commit of its own when unsaved changes pile up (an import stays one commit)
                    .autoCommitBufferSize(0)
                    // a few thousand small records: 1 MB of page cache (the default is 16 MB) and small pages, so
                    // that an energy update rewrites 4 KB, not a 48 KB leaf
                    .cacheSize(1).pageSplitSize(4096)
                    .open();
        } catch (MVStoreException e) {
            throw new IOException("cannot open the sessions store " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * After a kill, a power cut or a write that failed (the file's header lacks MVStore's clean-shutdown mark) the
     * store is read as it was at its last commit and copied into a fresh file that then replaces it (an atomic
     * rename: at every moment one complete file is there). Why: H2 2.1.214 (the H2 of Kura 5, where this bundle also
     * runs) does not count the chunks it found again after a crash as used, so the next writes and the clean close
     * after them overwrite or cut them off, losing every session; a freshly written file has no such chunks. It
     * costs one copy of a few hundred kB, only at the first start after a crash — and room for it: on a disk still
     * full the copy fails, is deleted, and the store stays closed (a reopen tries again later).
     */
    private MVStore rewritten(MVStore crashed) throws IOException {
        Path copy = Path.of(file + ".rewrite");
        try {
            Files.deleteIfExists(copy); // a copy left half-written by a crash while rewriting
            MVStore fresh = openFile(copy);
            try {
                for (String name : SessionStore.TABLE_MAPS) copy(crashed, fresh, name, TimeOrderedMap.builder());
                copy(crashed, fresh, SessionStore.INFO_MAP, SessionStore.textByText());
                fresh.commit();
                fresh.sync();
            } finally {
                if (!fresh.isClosed()) fresh.close();
            }
            crashed.closeImmediately(); // nothing written into the crashed file
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | MVStoreException e) {
            crashed.closeImmediately();
            try {
                Files.deleteIfExists(copy); // no half-written copy left taking the room a retry needs
            } catch (IOException ignored) {
                // the next try deletes it first
            }
            throw new IOException("cannot rewrite the sessions store " + file + " after an unclean stop: "
                    + e.getMessage(), e);
        }
        LOG.info("{}: the sessions store had not been closed cleanly (kill, power cut or failed write); every "
                + "committed record was copied into a fresh file", file);
        return openFile(file);
    }

    private static <V> void copy(MVStore from, MVStore to, String name, MVMap.Builder<String, V> types) {
        if (!from.hasMap(name)) return;
        MVMap<String, V> source = from.openMap(name, types);
        MVMap<String, V> target = to.openMap(name, types);
        for (Map.Entry<String, V> e : source.entrySet()) target.put(e.getKey(), e.getValue());
    }
}
