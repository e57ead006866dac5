package org.microsmartgrid.city.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every script our pages ship (the map page here, the municipality's dashboard, the host's page) parses, checked with
 * Node's own parser ({@code node --check}; Debian's nodejs, installed by .ci/run). A stray apostrophe in one string
 * table once blanked every account screen of the map page while the tests that did not open them stayed green.
 */
class PageScriptsSyntaxTest {

    @Test
    void everyShippedScriptParses() throws Exception {
        Path bundles = Path.of("..").toRealPath();
        List<Path> scripts;
        try (Stream<Path> all = Files.walk(bundles)) {
            scripts = all.filter(p -> p.toString().endsWith(".js") && p.toString().contains("/src/main/resources/")
                    && !p.toString().contains("/vendor/")).sorted().toList();
        }
        assertTrue(scripts.size() >= 15, "the pages' scripts: " + scripts);
        List<String> broken = new ArrayList<>();
        for (Path s : scripts) {
            String problem = check(s);
            if (problem != null) broken.add(bundles.relativize(s) + ":\n" + problem);
        }
        assertEquals(List.of(), broken);
    }

    private static String check(Path script) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("node", "--check", script.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("Node.js is needed to check the pages' scripts: apt-get install nodejs", e);
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node --check " + script + " did not end");
        return p.exitValue() == 0 ? null : new String(out, StandardCharsets.UTF_8);
    }
}
