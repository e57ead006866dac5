package org.microsmartgrid.cloud.management.files;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.felix.utils.properties.Properties;
import org.apache.felix.utils.properties.TypedProperties;

/**
 * Writes a configuration's properties into the file FileInstall read it from, with FileInstall's own file library
 * (Felix Utils): typed Felix format for {@code .config}, plain properties for {@code .cfg}, comments and the order
 * of the lines kept, only changed lines rewritten. Atomically (a temporary file in the same directory, flushed to
 * the disk, then renamed over the old one), so FileInstall never reads a half-written file; and only when the file
 * does not already hold the same values, read as FileInstall reads them, so FileInstall's re-reading of the
 * rewritten file ends the round (and a file edited by hand is never rewritten for nothing).
 */
public final class ConfigFiles {
    /** Written by the framework or FileInstall, never into the file (FileInstall leaves them out too). */
    static final Set<String> EXCLUDED = Set.of("service.pid", "service.factoryPid", "felix.fileinstall.filename",
            "service.bundleLocation");

    private ConfigFiles() {
    }

    /** @return true when the file was (re)written, false when it already held these values */
    public static boolean writeIfChanged(Path file, Dictionary<String, ?> properties) throws IOException {
        TreeMap<String, Object> wanted = filtered(properties);
        boolean cfg = file.getFileName().toString().endsWith(".cfg");
        String content = cfg ? cfg(file, wanted) : config(file, wanted);
        if (content == null) return false;
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp"); // FileInstall's filter ignores this name
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** The new text of a .config file, or null when it holds these values already. */
    private static String config(Path file, Map<String, Object> wanted) throws IOException {
        TypedProperties p = new TypedProperties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | RuntimeException e) {
                p = new TypedProperties(); // unreadable (an emptied or garbled file): written anew
            }
        }
        boolean changed = false;
        for (String key : new ArrayList<>(p.keySet())) {
            if (!wanted.containsKey(key) && !EXCLUDED.contains(key)) {
                p.remove(key);
                changed = true;
            }
        }
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            if (!sameValue(p.get(e.getKey()), e.getValue())) {
                p.put(e.getKey(), e.getValue());
                changed = true;
            }
        }
        if (!changed) return null;
        StringWriter out = new StringWriter();
        p.save(out);
        return out.toString();
    }

    /** The new text of a .cfg file (string values; arrays comma-separated), or null when unchanged. */
    private static String cfg(Path file, Map<String, Object> wanted) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | RuntimeException e) {
                p = new Properties();
            }
        }
        boolean changed = false;
        for (String key : new ArrayList<>(p.keySet())) {
            if (!wanted.containsKey(key) && !EXCLUDED.contains(key)) {
                p.remove(key);
                changed = true;
            }
        }
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            String text = text(e.getValue());
            if (!text.equals(p.getProperty(e.getKey()))) {
                p.put(e.getKey(), text);
                changed = true;
            }
        }
        if (!changed) return null;
        StringWriter out = new StringWriter();
        p.save(out);
        return out.toString();
    }

    static TreeMap<String, Object> filtered(Dictionary<String, ?> properties) {
        TreeMap<String, Object> result = new TreeMap<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (!EXCLUDED.contains(key)) result.put(key, properties.get(key));
        }
        return result;
    }

    private static boolean sameValue(Object inFile, Object wanted) {
        if (Objects.deepEquals(inFile, wanted)) return true;
        // arrays and collections of equal elements, whatever the container (FileInstall may read a list)
        return inFile != null && wanted != null && elements(inFile).equals(elements(wanted))
                && (inFile.getClass().isArray() || inFile instanceof java.util.Collection<?>);
    }

    private static List<Object> elements(Object v) {
        List<Object> result = new ArrayList<>();
        if (v.getClass().isArray()) for (int i = 0; i < Array.getLength(v); i++) result.add(Array.get(v, i));
        else if (v instanceof java.util.Collection<?> c) result.addAll(c);
        else result.add(v);
        return result;
    }

    private static String text(Object v) {
        if (v.getClass().isArray() || v instanceof java.util.Collection<?>) {
            return String.join(",", elements(v).stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
    }
}
