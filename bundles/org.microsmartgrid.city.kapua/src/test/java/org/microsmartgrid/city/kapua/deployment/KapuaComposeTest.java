package org.microsmartgrid.city.kapua.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.broker.external.ExternalBrokerConfig;
import org.microsmartgrid.city.kapua.mode.KapuaModeConfig;
import org.yaml.snakeyaml.Yaml;

/**
 * kapua-config/docker-compose.yml, read as Compose reads it (YAML, anchors merged): every image pinned to a version,
 * Kapua's images all of the release docs/kapua.md names, the ports and volumes the docs list, secrets only from the
 * environment, and the city runtime's configuration files matching its components' settings.
 */
class KapuaComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("msg.root", "../.."));
    private static final Path DIR = ROOT.resolve("kapua-config");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(DIR.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    private static String docs() throws IOException {
        return Files.readString(ROOT.resolve("docs/kapua.md"));
    }

    @Test
    void everyImageIsPinnedAndKapuasAreOfTheDocumentedRelease() throws IOException {
        TreeSet<String> kapuaTags = new TreeSet<>();
        for (Map.Entry<String, Map<String, Object>> s : services().entrySet()) {
            String image = (String) s.getValue().get("image");
            assertTrue(image != null, s.getKey() + " has no image");
            assertFalse(image.contains("${"), s.getKey() + ": " + image + " depends on a variable");
            int colon = image.lastIndexOf(':');
            assertTrue(colon > image.lastIndexOf('/'), s.getKey() + ": " + image + " has no tag");
            String tag = image.substring(colon + 1);
            assertTrue(tag.matches("\\d+\\.\\d+\\.\\d+.*"), s.getKey() + ": " + image + " is not pinned to a version");
            if (image.startsWith("kapua/")) kapuaTags.add(tag);
        }
        assertEquals(1, kapuaTags.size(), "Kapua's images of one release: " + kapuaTags);
        String release = kapuaTags.first();
        assertTrue(release.startsWith("2."), "a 2.x release: " + release);
        assertTrue(docs().contains("`" + release + "`"), "docs/kapua.md names the pinned release " + release);
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishedPortsAreTheDocumentedOnesAndPlainOnesStayOnThisHost() throws IOException {
        String docs = docs();
        Set<String> hostPorts = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> s : services().entrySet()) {
            for (Object p : (List<Object>) s.getValue().getOrDefault("ports", List.of())) {
                String[] parts = p.toString().split(":");
                String host = parts.length == 3 ? parts[0] : "0.0.0.0";
                String hostPort = parts[parts.length - 2];
                assertTrue(hostPorts.add(hostPort), "host port " + hostPort + " published twice");
                assertTrue(docs.contains("| " + hostPort + " |"), "docs/kapua.md's port table lists " + hostPort
                        + " (" + s.getKey() + ")");
                boolean tls = hostPort.equals("8883") || hostPort.equals("8443");
                if (!tls && !s.getKey().equals("msg-city"))
                    assertEquals("127.0.0.1", host, s.getKey() + " publishes plain " + hostPort + " beyond this host");
            }
        }
        assertTrue(hostPorts.containsAll(Set.of("8883", "8443", "8080", "8081", "8090")), hostPorts.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void volumesAreDeclaredUsedAndPointAtWhatTheBuildMakes() throws IOException {
        Set<String> declared = ((Map<String, Object>) compose().get("volumes")).keySet();
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> s : services().entrySet()) {
            for (Object v : (List<Object>) s.getValue().getOrDefault("volumes", List.of())) {
                String source = v.toString().split(":")[0];
                if (source.startsWith(".")) {
                    Path p = DIR.resolve(source).normalize();
                    if (source.endsWith("msg-city.jar"))
                        assertEquals(ROOT.resolve("target-platform/target/msg-city.jar").normalize(), p,
                                "the jar the build exports (msg-city.bndrun's targetDir)");
                    else assertTrue(Files.isDirectory(p), s.getKey() + ": " + source + " does not exist");
                } else {
                    assertTrue(declared.contains(source), s.getKey() + ": volume " + source + " not declared");
                    used.add(source);
                }
            }
        }
        assertEquals(declared, used, "every declared volume is used");
        assertTrue(used.containsAll(Set.of("kapua-db", "kapua-es", "msg-city-data")), "data survives a restart");
    }

    @Test
    @SuppressWarnings("unchecked")
    void secretsComeOnlyFromTheEnvironment() throws IOException {
        for (Map.Entry<String, Map<String, Object>> s : services().entrySet()) {
            Object env = s.getValue().get("environment");
            if (!(env instanceof Map<?, ?> m)) continue;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                boolean secret = e.getKey().matches(".*(PASSWORD|SECRET|KEY|PW).*") && !e.getKey().equals("DB_PASSWORD");
                if (secret) assertTrue(String.valueOf(e.getValue()).matches("\\$\\{[A-Z_]+:\\?.+}"),
                        s.getKey() + ": " + e.getKey() + " must be ${VAR:?...} (required, no default)");
            }
        }
        assertTrue(docs().contains("kapua-password"), "docs/kapua.md says to change Kapua's default kapua-sys password");
    }

    @Test
    void theCityRuntimesConfigurationMatchesItsComponents() throws IOException {
        Path conf = DIR.resolve("city-conf");
        assertFalse(Files.exists(conf.resolve("org.microsmartgrid.city.broker.CityBroker.config")),
                "no embedded broker in Kapua mode");
        for (String needed : new String[] {"org.microsmartgrid.city.ingest.internal.IngestService",
                "org.microsmartgrid.city.registry.store.RegistryStore"}) // components that start only when configured
            assertTrue(Files.isRegularFile(conf.resolve(needed + ".config")), needed + ".config is missing");
        check(conf.resolve(KapuaModeConfig.PID + ".config"), KapuaModeConfig.class);
        check(conf.resolve(ExternalBrokerConfig.PID + ".config"), ExternalBrokerConfig.class);
    }

    /** Every key of the file is a setting of the component, and every required one is there. */
    private static void check(Path file, Class<?> config) throws IOException {
        Set<String> keys = new HashSet<>();
        Matcher m = Pattern.compile("(?m)^([a-z][a-z0-9.]*)=").matcher(Files.readString(file));
        while (m.find()) keys.add(m.group(1));
        List<String> settings = new ArrayList<>();
        for (Method a : config.getDeclaredMethods()) {
            String key = a.getName().replace('_', '.');
            settings.add(key);
            if (a.getDefaultValue() == null) assertTrue(keys.contains(key), file.getFileName() + " lacks " + key);
        }
        for (String k : keys) assertTrue(settings.contains(k), file.getFileName() + ": " + k + " is not a setting");
    }
}
