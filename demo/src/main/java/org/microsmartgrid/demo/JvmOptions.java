package org.microsmartgrid.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's JVM flags and environment from target-platform/msg-module/module.jvm, the one place run-demo.sh, the
 * benchmarks and the tests read them from: lines starting with "-" are flags, NAME=value lines environment.
 */
record JvmOptions(List<String> flags, Map<String, String> environment) {

    static JvmOptions read(Path file) throws IOException {
        List<String> flags = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("-")) flags.add(line);
            else if (line.indexOf('=') > 0) env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            else throw new IOException(file + ": neither a JVM flag nor NAME=value: " + line);
        }
        return new JvmOptions(flags, env);
    }
}
