package org.microsmartgrid.city.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The page's files, read once from the bundle (folder {@code web/}) with their type, a strong ETag and, for text, a
 * gzip copy made once: the files never change while the bundle runs.
 */
final class StaticResources {

    /** A file's path below /map/: plain names and folders, never "..", never a leading dot. */
    private static final Pattern SAFE = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json",
            "webmanifest", "application/manifest+json", "svg", "image/svg+xml", "png", "image/png",
            "txt", "text/plain; charset=utf-8");

    record Resource(byte[] bytes, byte[] gzip, String type, String etag) {
    }

    private final ClassLoader loader;
    private final Map<String, Optional<Resource>> cache = new ConcurrentHashMap<>();

    StaticResources(ClassLoader loader) {
        this.loader = loader;
    }

    /** The file at a path below /map/ (no leading slash), or empty for anything unknown or unsafe. */
    Optional<Resource> get(String path) {
        if (!SAFE.matcher(path).matches()) return Optional.empty();
        String ext = path.substring(path.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        if (type == null) return Optional.empty();
        return cache.computeIfAbsent(path, p -> load(p, type));
    }

    private Optional<Resource> load(String path, String type) {
        try (InputStream in = loader.getResourceAsStream("web/" + path)) {
            if (in == null) return Optional.empty();
            byte[] bytes = in.readAllBytes();
            byte[] gz = type.startsWith("image/png") ? null : gzip(bytes);
            return Optional.of(new Resource(bytes, gz, type, etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
