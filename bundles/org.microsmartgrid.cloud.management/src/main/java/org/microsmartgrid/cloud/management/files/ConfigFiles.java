package org.microsmartgrid.cloud.management.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.felix.cm.file.ConfigurationHandler;

/**
 * Writes a configuration's properties into the file FileInstall read it from: typed Felix format for
 * {@code .config}, plain properties for {@code .cfg}; atomically (a temporary file in the same directory, flushed to
 * the disk, then renamed over the old one), so FileInstall never reads a half-written file; and only when the file
 * does not already hold the same properties, so FileInstall's re-reading of the file ends the round.
 */
public final class ConfigFiles {
    /** Written by the framework or FileInstall, never into the file (FileInstall leaves them out too). */
    static final Set<String> EXCLUDED = Set.of("service.pid", "service.factoryPid", "felix.fileinstall.filename",
            "service.bundleLocation");

    private ConfigFiles() {
    }

    /** @return true when the file was (re)written, false when it already held these properties */
    public static boolean writeIfChanged(Path file, Dictionary<String, ?> properties) throws IOException {
        TreeMap<String, Object> wanted = filtered(properties);
        boolean cfg = file.getFileName().toString().endsWith(".cfg");
        if (Files.isRegularFile(file) && sameProperties(read(file, cfg), wanted, cfg)) return false;
        byte[] content = cfg ? cfgBytes(wanted) : configBytes(wanted);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp"); // FileInstall ignores this name
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    static TreeMap<String, Object> filtered(Dictionary<String, ?> properties) {
        TreeMap<String, Object> result = new TreeMap<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (!EXCLUDED.contains(key)) result.put(key, properties.get(key));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static TreeMap<String, Object> read(Path file, boolean cfg) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (cfg) {
                Properties p = new Properties();
                p.load(in);
                TreeMap<String, Object> result = new TreeMap<>();
                p.forEach((k, v) -> result.put((String) k, v));
                return result;
            }
            return filtered((Dictionary<String, ?>) ConfigurationHandler.read(in));
        } catch (IOException | RuntimeException e) {
            // unreadable for Configuration Admin's parser — emptied, or written by hand with D"0.3" (FileInstall reads
            // that, Felix's parser wants raw bits): rewrite it in the canonical form
            return new TreeMap<>();
        }
    }

    private static boolean sameProperties(Map<String, Object> inFile, Map<String, Object> wanted, boolean cfg) {
        if (!inFile.keySet().equals(wanted.keySet())) return false;
        for (String key : wanted.keySet()) {
            Object a = inFile.get(key);
            Object b = wanted.get(key);
            if (cfg ? !Objects.equals(String.valueOf(a), String.valueOf(b)) : !Objects.deepEquals(a, b)) return false;
        }
        return true;
    }

    private static byte[] configBytes(TreeMap<String, Object> properties) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigurationHandler.write(out, new SortedDictionary(properties));
        return out.toByteArray();
    }

    private static byte[] cfgBytes(TreeMap<String, Object> properties) throws IOException {
        Properties p = new Properties();
        properties.forEach((k, v) -> p.setProperty(k, v.getClass().isArray()
                ? String.join(",", java.util.Arrays.stream((Object[]) v).map(String::valueOf).toList())
                : String.valueOf(v)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.store(out, null);
        return out.toByteArray();
    }

    /** Keys in alphabetical order, so a rewritten file reads (and diffs) well. */
    private static final class SortedDictionary extends Dictionary<String, Object> {
        private final TreeMap<String, Object> map;

        SortedDictionary(TreeMap<String, Object> map) {
            this.map = map;
        }

        @Override public int size() { return map.size(); }
        @Override public boolean isEmpty() { return map.isEmpty(); }
        @Override public Enumeration<String> keys() { return Collections.enumeration(map.keySet()); }
        @Override public Enumeration<Object> elements() { return Collections.enumeration(map.values()); }
        @Override public Object get(Object key) { return map.get(key); }
        @Override public Object put(String key, Object value) { return map.put(key, value); }
        @Override public Object remove(Object key) { return map.remove(key); }
    }
}
