package org.microsmartgrid.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM flags and environment the module ships with (module.jvm, also read by run-demo.sh and the start-up and
 * memory benchmark), so that the distribution tests run the module as an operator does, small heap and all.
 */
record ShippedJvmOptions(List<String> flags, Map<String, String> environment) {

    static ShippedJvmOptions read() {
        Path file = Path.of("module.jvm"); // the module's directory is the tests' working directory, as for target/
        List<String> flags = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("-")) {
                    flags.add(line);
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) throw new IllegalStateException(file + ": neither a JVM flag nor NAME=value: " + line);
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ShippedJvmOptions(List.copyOf(flags), Map.copyOf(env));
    }
}
