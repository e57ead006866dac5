package org.microsmartgrid.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk that fills up, for the real MVStore: H2's pluggable file system (FilePath.register and FilePathWrapper, public
 * API, the same in H2 2.1.214 and 2.3.232) under the prefix {@code "fulldisk:"}; while a directory is {@link #fill
 * full}, every write to a file in it throws {@code IOException("No space left on device")}, as the kernel's ENOSPC
 * does; reads, locks and everything else go to the real file. Chosen over a failing FileStore subclass
 * (MVStore.Builder.fileStore), whose API differs between the two H2 versions these tests run on, and over a real full
 * tmpfs, which needs root to mount. A full directory, not a global switch: test classes may run side by side. Used by the charging sessions
 * store's and the cloud outbox's tests.
 */
public final class FullDisk extends FilePathWrapper {
    public static final String PREFIX = "fulldisk:";
    private static final Set<String> FULL = ConcurrentHashMap.newKeySet();

    static {
        FilePath.register(new FullDisk());
    }

    /** Public, with a public constructor: H2 creates one per path by reflection. */
    public FullDisk() {
    }

    /** Registers the file system (once) and returns its prefix for H2 file names. */
    public static String prefix() {
        return PREFIX;
    }

    public static void fill(Path dir) {
        FULL.add(dir.toAbsolutePath().toString());
    }

    public static void free(Path dir) {
        FULL.remove(dir.toAbsolutePath().toString());
    }

    @Override
    public String getScheme() {
        return "fulldisk";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode), getBase().toString());
    }

    private static void refuse(String name) throws IOException {
        Path parent = Path.of(name).toAbsolutePath().getParent();
        if (parent != null && FULL.contains(parent.toString())) throw new IOException("No space left on device");
    }

    /** The real file's channel; writes refused while its directory is full. */
    private static final class Channel extends FileChannel {
        private final FileChannel real;
        private final String name;

        Channel(FileChannel real, String name) {
            this.real = real;
            this.name = name;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            refuse(name);
            return real.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            refuse(name);
            return real.write(srcs, offset, length);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            refuse(name);
            return real.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            refuse(name);
            return real.transferFrom(src, position, count);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return real.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        public String toString() {
            return name; // MVStore's errors name the channel
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
