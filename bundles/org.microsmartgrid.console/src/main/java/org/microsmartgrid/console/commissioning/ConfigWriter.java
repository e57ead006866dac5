package org.microsmartgrid.console.commissioning;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Writes what the commissioning page decides the way every other writer does: through ConfigurationAdmin, after
 * asking the component's own published check ({@code ConfigurationCheck}). A new configuration gets FileInstall's
 * file key ({@code felix.fileinstall.filename}, the file's URI as FileInstall spells it), so the module's write-back
 * creates its file in the configuration directory and FileInstall takes the file as that configuration's: the
 * same {@code <pid>.config} / {@code <factory pid>-<name>.config} files an installer would have written by hand.
 */
public final class ConfigWriter {

    static final String FILENAME = "felix.fileinstall.filename";

    /** A change the component refuses: nothing is stored. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final ConfigurationAdmin cm;
    private final Supplier<Path> confDir;
    /** (pid or factory pid, properties) → the check's problems (empty: accepted, or no check published). */
    private final BiFunction<String, Map<String, Object>, List<String>> check;

    public ConfigWriter(ConfigurationAdmin cm, Supplier<Path> confDir, BiFunction<String, Map<String, Object>, List<String>> check) {
        this.cm = cm;
        this.confDir = confDir;
        this.check = check;
    }

    /** FileInstall's key for a file of the configuration directory: {@code File.toURI()} of its absolute path. */
    public String fileKey(String fileName) {
        return new File(confDir.get().toFile().getAbsoluteFile(), fileName).toURI().toString();
    }

    /** The singleton's current properties, empty when it has no configuration. */
    public Optional<Map<String, Object>> singleton(String pid) throws IOException {
        Optional<Configuration> c = existing("(" + Constants.SERVICE_PID + "=" + pid + ")");
        return c.map(x -> values(x.getProperties()));
    }

    /**
     * Sets some properties of a singleton, creating its configuration (and file) when there is none.
     *
     * @return the complete properties stored
     */
    public Map<String, Object> updateSingleton(String pid, Map<String, Object> changes) throws IOException, Refused {
        Optional<Configuration> found = existing("(" + Constants.SERVICE_PID + "=" + pid + ")");
        Configuration c = found.isPresent() ? found.get() : cm.getConfiguration(pid, "?");
        return store(c, pid, changes, pid + ".config");
    }

    /** The factory configurations of a factory PID, each with its properties. */
    public List<Map<String, Object>> factory(String factoryPid) throws IOException {
        List<Map<String, Object>> result = new ArrayList<>();
        try {
            Configuration[] all = cm.listConfigurations("(service.factoryPid=" + factoryPid + ")");
            if (all != null) for (Configuration c : all) if (c.getProperties() != null) result.add(values(c.getProperties()));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    /**
     * Sets some properties of the factory configuration whose {@code key} property is {@code value} (a relay by
     * {@code relay.id}, a meter by {@code meter.id}).
     *
     * @return false when there is no such configuration (a meter that comes from elsewhere)
     */
    public boolean updateFactory(String factoryPid, String key, String value, Map<String, Object> changes)
            throws IOException, Refused {
        Optional<Configuration> c = existing("(&(service.factoryPid=" + factoryPid + ")(" + key + "=" + escape(value) + "))");
        if (c.isEmpty()) return false;
        store(c.get(), factoryPid, changes, null);
        return true;
    }

    /**
     * Creates one factory configuration stored in {@code <factoryPid>-<name>.config}, unless that file's
     * configuration exists already.
     *
     * @return false when it existed (nothing changed)
     */
    public boolean createFactory(String factoryPid, String name, Map<String, Object> properties) throws IOException, Refused {
        String fileName = factoryPid + "-" + name + ".config";
        if (existing("(" + FILENAME + "=" + escape(fileKey(fileName)) + ")").isPresent()) return false;
        List<String> problems = check.apply(factoryPid, new TreeMap<>(properties));
        if (!problems.isEmpty()) throw new Refused(String.join("; ", problems));
        Configuration c = cm.createFactoryConfiguration(factoryPid, "?");
        Hashtable<String, Object> next = new Hashtable<>(properties);
        next.put(FILENAME, fileKey(fileName));
        c.update(next);
        return true;
    }

    private Map<String, Object> store(Configuration c, String checkPid, Map<String, Object> changes, String newFile)
            throws IOException, Refused {
        Map<String, Object> next = c.getProperties() == null ? new TreeMap<>() : values(c.getProperties());
        Object fileKey = c.getProperties() == null ? null : c.getProperties().get(FILENAME);
        next.putAll(changes);
        List<String> problems = check.apply(checkPid, next);
        if (!problems.isEmpty()) throw new Refused(String.join("; ", problems));
        Hashtable<String, Object> props = new Hashtable<>(next);
        if (fileKey != null) props.put(FILENAME, fileKey);
        else if (newFile != null) props.put(FILENAME, fileKey(newFile));
        c.update(props);
        return next;
    }

    private Optional<Configuration> existing(String filter) throws IOException {
        try {
            Configuration[] found = cm.listConfigurations(filter);
            return found == null || found.length == 0 ? Optional.empty() : Optional.of(found[0]);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad filter " + filter, e);
        }
    }

    /** The properties without the framework's and FileInstall's own keys. */
    public static Map<String, Object> values(Dictionary<String, Object> props) {
        Map<String, Object> result = new TreeMap<>();
        for (Enumeration<String> keys = props.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            if (k.equals(Constants.SERVICE_PID) || k.equals("service.factoryPid") || k.equals(FILENAME)
                    || k.equals("service.bundleLocation")) continue;
            result.put(k, props.get(k));
        }
        return result;
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
