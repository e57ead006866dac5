package org.microsmartgrid.cloud.management.files;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
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
 * <p>
 * One declared encoding, the one FileInstall reads with ({@code felix.fileinstall.configEncoding}; the module sets
 * UTF-8): a file that is not valid in it, or that its parser refuses, is never rewritten (an {@link UnreadableFile}
 * says why), because rewriting what was misread is how a file grows at every round.
 */
public final class ConfigFiles {
    /** Written by the framework or FileInstall, never into the file (FileInstall leaves them out too). */
    static final Set<String> EXCLUDED = Set.of("service.pid", "service.factoryPid", "felix.fileinstall.filename",
            "service.bundleLocation");

    private ConfigFiles() {
    }

    /** The most a configuration file may hold: the largest real one is a few kB (see docs/configuration.md). */
    public static final long MAX_BYTES = 256 * 1024;

    /** A file that is not rewritten because it could not be read as it is: too big, wrong encoding, bad syntax. */
    public static final class UnreadableFile extends IOException {
        UnreadableFile(Path file, String why) {
            super(file.getFileName() + ": " + why);
        }
    }

    /** @return true when the file was (re)written, false when it already held these values */
    public static boolean writeIfChanged(Path file, Dictionary<String, ?> properties, Charset encoding) throws IOException {
        TreeMap<String, Object> wanted = filtered(properties);
        boolean cfg = file.getFileName().toString().endsWith(".cfg");
        String existing = Files.isRegularFile(file) ? read(file, encoding) : null;
        String content = cfg ? cfg(file, existing, wanted) : config(file, existing, wanted);
        if (content == null) return false;
        write(file, content, encoding);
        return true;
    }

    /** Writes atomically: a hidden temporary file in the same directory, flushed, renamed; never left behind. */
    static void write(Path file, String content, Charset encoding) throws IOException {
        Path tmp = temporary(file); // FileInstall's filter ignores this name
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content.getBytes(encoding));
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp); // after a failed write or move; gone already after a successful move
        }
    }

    static Path temporary(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".tmp");
    }

    /** The text of a file, strictly in the declared encoding: a byte that is not valid there is an error. */
    static String read(Path file, Charset encoding) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES)
            throw new UnreadableFile(file, size + " bytes, more than the " + MAX_BYTES + " a configuration may have");
        try {
            return encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableFile(file, "not valid " + encoding.name() + " text (" + e.getMessage()
                    + "): save it as " + encoding.name());
        }
    }

    /** The new text of a .config file, or null when it holds these values already. */
    private static String config(Path file, String existing, Map<String, Object> wanted) throws IOException {
        TypedProperties p = new TypedProperties();
        if (existing != null) {
            try (Reader r = new StringReader(existing)) {
                p.load(r);
            } catch (IOException | RuntimeException e) {
                throw new UnreadableFile(file, "not in the .config format (" + e.getMessage() + ")");
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
    private static String cfg(Path file, String existing, Map<String, Object> wanted) throws IOException {
        Properties p = new Properties();
        if (existing != null) {
            try (Reader r = new StringReader(existing)) {
                p.load(r);
            } catch (IOException | RuntimeException e) {
                throw new UnreadableFile(file, "not in the .cfg format (" + e.getMessage() + ")");
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

    /** Same keys, and each value the same by {@link #sameValue} (arrays by their elements). */
    static boolean sameValues(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) return false;
        for (Map.Entry<String, Object> e : a.entrySet()) {
            if (!sameValue(e.getValue(), b.get(e.getKey()))) return false;
        }
        return true;
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
