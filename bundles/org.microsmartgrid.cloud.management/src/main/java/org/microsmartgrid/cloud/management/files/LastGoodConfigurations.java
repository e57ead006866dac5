package org.microsmartgrid.cloud.management.files;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.felix.utils.properties.TypedProperties;

/**
 * The last configuration of each PID that its component's check accepted, kept in the module's data directory
 * (typed Felix format, UTF-8), so that a refused change — from the web console, or a hand edit made even while the
 * module was stopped — is undone to it instead of leaving the component without a configuration.
 */
final class LastGoodConfigurations {
    private final Path directory;

    LastGoodConfigurations(Path directory) {
        this.directory = directory;
    }

    Optional<Map<String, Object>> read(String pid) {
        Path file = file(pid);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (Reader r = new StringReader(ConfigFiles.read(file, StandardCharsets.UTF_8))) {
            TypedProperties p = new TypedProperties();
            p.load(r);
            Map<String, Object> values = new TreeMap<>();
            for (String key : p.keySet()) values.put(key, p.get(key));
            return Optional.of(values);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged (a disk full while it was written): as if there were none
        }
    }

    /** Keeps these values as the PID's last good configuration (nothing written when they are already kept). */
    void save(String pid, Map<String, Object> values) throws IOException {
        Optional<Map<String, Object>> kept = read(pid);
        if (kept.isPresent() && ConfigFiles.sameValues(kept.get(), values)) return;
        TypedProperties p = new TypedProperties();
        values.forEach(p::put);
        StringWriter out = new StringWriter();
        p.save(out);
        Files.createDirectories(directory);
        ConfigFiles.write(file(pid), out.toString(), StandardCharsets.UTF_8);
    }

    void delete(String pid) throws IOException {
        Files.deleteIfExists(file(pid));
    }

    private Path file(String pid) {
        // a PID is letters, digits, dots, dashes, '~' or '_': anything else is replaced, never a path separator
        return directory.resolve(pid.replaceAll("[^A-Za-z0-9._~-]", "_") + ".config");
    }
}
