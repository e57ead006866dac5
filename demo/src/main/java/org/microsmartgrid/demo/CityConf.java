package org.microsmartgrid.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the city runtime's configuration folder from the shipped sample (target-platform/msg-city/conf-demo), as
 * run-city.sh does: its broker on the chosen port with one hashed credential line per module, the operators'
 * console account, the first moderator in the staff list (who then chooses a password from a mailed code).
 */
final class CityConf {
    static final String BROKER = "org.microsmartgrid.city.broker.CityBroker.config";
    static final String PEOPLE = "org.microsmartgrid.city.people.PeopleService.config";

    private CityConf() {
    }

    static void write(Path sample, Path dir, int httpPort, int mqttPort, List<String> moduleCredentialLines,
                      String operatorLine, String moderatorEmail) throws IOException {
        Files.createDirectories(dir);
        try (var geo = Files.list(sample)) { // the districts' boundaries the statistics' .config names (${msg.conf}/…)
            for (Path f : geo.filter(p -> p.toString().endsWith(".geojson")).toList())
                ModuleConf.replace(dir.resolve(f.getFileName().toString()), Files.readString(f, StandardCharsets.UTF_8));
        }
        try (var files = Files.list(sample)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".config")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String name = f.getFileName().toString();
                if (name.equals(BROKER)) {
                    text = replaceLine(text, "port=", "port=I\"" + mqttPort + "\"")
                            + "modules=" + quoted(moduleCredentialLines) + "\n";
                } else if (name.equals(PEOPLE)) {
                    text = replaceLine(text, "staff=", "staff=[\"MODERATOR:" + moderatorEmail + "\"]");
                    text = replaceLine(text, "public.url=", "public.url=\"http://localhost:" + httpPort + "\"");
                }
                ModuleConf.replace(dir.resolve(name), text);
            }
        }
        ModuleConf.write(dir, "org.microsmartgrid.console.InstallerAuthentication.config",
                "users=[\"" + operatorLine + "\"]");
    }

    private static String quoted(List<String> values) {
        List<String> q = new ArrayList<>();
        for (String v : values) q.add("\"" + v + "\"");
        return "[" + String.join(",", q) + "]";
    }

    /** Replaces the line starting with {@code key}; fails if the sample no longer has it. */
    private static String replaceLine(String text, String key, String line) throws IOException {
        String[] lines = text.split("\n", -1);
        boolean found = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key)) {
                lines[i] = line;
                found = true;
            }
        }
        if (!found) throw new IOException("the city's sample configuration has no " + key + " line: update CityConf");
        return String.join("\n", lines);
    }
}
