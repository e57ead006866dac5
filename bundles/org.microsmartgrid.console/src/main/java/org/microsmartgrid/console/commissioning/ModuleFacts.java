package org.microsmartgrid.console.commissioning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.felix.utils.properties.TypedProperties;
import org.microsmartgrid.api.config.ConfigurationCheck;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the page reads from the framework and ConfigurationAdmin, and the writer it writes with. */
final class ModuleFacts {
    static final String CHIP = "org.microsmartgrid.relay.gpio.GpioChip";
    static final String RELAY = "org.microsmartgrid.relay.gpio.GpioRelay";
    static final String METER = "org.microsmartgrid.meter.modbus.ModbusMeter";
    static final String BALANCER = "org.microsmartgrid.grid.balancer.Balancer";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleFacts.class);

    private final BundleContext context;
    private final ConfigurationAdmin cm;
    final ConfigWriter writer;
    private final List<Board> boards;
    final boolean demo;

    ModuleFacts(BundleContext context, ConfigurationAdmin cm) {
        this.context = context;
        this.cm = cm;
        this.writer = new ConfigWriter(cm, this::confDir, this::problems);
        // the same flag the GPIO chip obeys: mock pins only in a demo
        this.demo = Boolean.parseBoolean(context.getProperty("msg.demo"));
        this.boards = BoardCatalog.parse(boardFiles()).stream().filter(b -> demo || !b.mock()).toList();
    }

    /**
     * FileInstall's directory: where the files of the configurations it made are (its own setting in the bndrun,
     * {@code ${msg.conf:-conf}}, is resolved by FileInstall alone); {@code msg.conf} or ./conf before any exists.
     */
    Path confDir() {
        try {
            Configuration[] fromFiles = cm.listConfigurations("(" + ConfigWriter.FILENAME + "=*)");
            if (fromFiles != null) for (Configuration c : fromFiles) {
                Object key = c.getProperties() == null ? null : c.getProperties().get(ConfigWriter.FILENAME);
                if (key != null && key.toString().startsWith("file:"))
                    return Path.of(java.net.URI.create(key.toString())).getParent();
            }
        } catch (IOException | InvalidSyntaxException | IllegalArgumentException e) {
            LOG.warn("configuration directory not found from the configurations: {}", e.toString());
        }
        String conf = context.getProperty("msg.conf");
        return Path.of(conf == null || conf.isBlank() ? "conf" : conf);
    }

    List<Board> boards() {
        return boards;
    }

    /** The component's own check, as CONF-V1 and the console's configuration form ask it. */
    List<String> problems(String pid, Map<String, Object> properties) {
        try {
            var refs = context.getServiceReferences(ConfigurationCheck.class, "(" + ConfigurationCheck.PID + "=" + pid + ")");
            List<String> problems = new ArrayList<>();
            for (ServiceReference<ConfigurationCheck> ref : refs) {
                ConfigurationCheck check = context.getService(ref);
                if (check == null) continue;
                try {
                    problems.addAll(check.problems(properties));
                } finally {
                    context.ungetService(ref);
                }
            }
            return problems;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    boolean mockGpio() {
        try {
            return context.getAllServiceReferences(null, "(gpio.provider=MOCK)") != null;
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return false;
        }
    }

    String board() {
        try {
            return writer.singleton(CHIP).map(p -> String.valueOf(p.getOrDefault("board", p.get("provider")))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    Integer contractW() {
        try {
            return writer.singleton(BALANCER).map(p -> p.get("contract.power.w"))
                    .map(v -> v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString().strip())).orElse(null);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** relay id → its pin, from the relay configurations. */
    Map<String, String> relayPins() {
        Map<String, String> pins = new TreeMap<>();
        try {
            for (Map<String, Object> p : writer.factory(RELAY))
                if (p.get("relay.id") != null) pins.put(p.get("relay.id").toString(), String.valueOf(p.get("pin")));
        } catch (IOException e) {
            LOG.warn("relay configurations unreadable: {}", e.toString());
        }
        return pins;
    }

    /** meter id → its invert.power, for the meters configured as Modbus meters. */
    Map<String, Boolean> invertible() {
        Map<String, Boolean> result = new TreeMap<>();
        try {
            for (Map<String, Object> p : writer.factory(METER))
                if (p.get("meter.id") != null)
                    result.put(p.get("meter.id").toString(), Boolean.parseBoolean(String.valueOf(p.get("invert.power"))));
        } catch (IOException e) {
            LOG.warn("meter configurations unreadable: {}", e.toString());
        }
        return result;
    }

    /** A property of the relay configuration with this relay.id, or null. */
    Object relayProperty(String relayId, String key) throws IOException {
        for (Map<String, Object> p : writer.factory(RELAY))
            if (relayId.equals(String.valueOf(p.get("relay.id")))) return p.get(key);
        return null;
    }

    /**
     * Every configuration as the {@code .config} file it is (or would be), in one zip: the commissioning record. Keys
     * that hold secrets (passwords, the installers' hashes) are left out, with a comment saying so.
     */
    byte[] snapshot() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Configuration[] all;
            try {
                all = cm.listConfigurations(null);
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            TreeMap<String, String> files = new TreeMap<>();
            for (Configuration c : all == null ? new Configuration[0] : all) {
                if (c.getProperties() == null) continue;
                Object key = c.getProperties().get(ConfigWriter.FILENAME);
                String name = key != null ? key.toString().substring(key.toString().lastIndexOf('/') + 1)
                        : c.getPid() + ".config";
                TypedProperties p = new TypedProperties();
                List<String> hidden = new ArrayList<>();
                for (Map.Entry<String, Object> e : ConfigWriter.values(c.getProperties()).entrySet()) {
                    if (secret(c.getPid(), e.getKey())) hidden.add(e.getKey());
                    else p.put(e.getKey(), e.getValue());
                }
                StringWriter out = new StringWriter();
                if (!hidden.isEmpty()) out.write("# left out of the snapshot / esclusi: " + String.join(", ", hidden) + "\n");
                p.save(out);
                files.put(name, out.toString());
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static boolean secret(String pid, String key) {
        String k = key.toLowerCase(Locale.ROOT);
        // passwords (cloud link, TLS stores), CoAP's pre-shared keys, the hashes of charging tokens and of installers
        return k.contains("password") || k.contains("secret") || k.contains("psk") || k.contains("token")
                || (pid.endsWith("InstallerAuthentication") && k.equals("users"));
    }

    /** The board files the bundle carries (a copy of hardware/boards): folder → (file → text). */
    private Map<String, Map<String, String>> boardFiles() {
        Map<String, Map<String, String>> files = new TreeMap<>();
        Enumeration<URL> entries = context.getBundle().findEntries("boards", "*.config", true);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String[] parts = url.getPath().split("/");
            if (parts.length < 3) continue;
            try (InputStream in = url.openStream()) {
                files.computeIfAbsent(parts[parts.length - 2], k -> new TreeMap<>())
                        .put(parts[parts.length - 1], new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.warn("board file {} unreadable: {}", url, e.toString());
            }
        }
        return files;
    }
}
