package org.microsmartgrid.cloud.management.files;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.microsmartgrid.api.health.HealthProblems;
import org.microsmartgrid.cloud.management.check.ConfigurationChecks;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps FileInstall's files the source of truth: a configuration changed in the web console or through CONF-V1 is
 * written back into the file it came from, so the change survives a restart. Replaces FileInstall's own
 * write-back, which is off because it could empty a file (see docs/configuration.md). Off with the framework
 * property {@code msg.conf.writeBack=false}.
 * <p>
 * Before anything is written the component's own published check is asked: a change it refuses (from the web
 * console or a hand edit; CONF-V1 refuses it before storing) is not written, is undone to the PID's last good
 * configuration, and stays on {@code /status} as a problem until a good change replaces it.
 * <p>
 * The web console's update drops {@code felix.fileinstall.filename}; the file of every PID is remembered, and the
 * key put back, so that the change is written and FileInstall keeps matching the file to its configuration.
 */
@Component(immediate = true, service = {ConfigurationListener.class, HealthProblems.class})
public class ConfigFileWriteBack implements ConfigurationListener, HealthProblems {
    static final String FILENAME = "felix.fileinstall.filename";
    /** FileInstall's setting, and its default, for the encoding it reads .config files with. */
    static final String ENCODING = "felix.fileinstall.configEncoding";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileWriteBack.class);

    private final ConfigurationAdmin cm;
    private final boolean enabled;
    private final Charset encoding;
    private final ConfigurationChecks checks;
    private final LastGoodConfigurations lastGood;
    /** The FileInstall key of each PID that came from a file, as FileInstall wrote it. */
    private final Map<String, String> fileKeys = new ConcurrentHashMap<>();
    /** Refused changes by PID: the problems, for /status. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    /** What was last said about a file that could not be read, so that it is said once. */
    private final Map<Path, String> unreadable = new ConcurrentHashMap<>();

    @Activate
    public ConfigFileWriteBack(BundleContext context, @Reference ConfigurationAdmin cm) {
        this.cm = cm;
        this.enabled = !"false".equalsIgnoreCase(context.getProperty("msg.conf.writeBack"));
        String declared = context.getProperty(ENCODING);
        this.encoding = Charset.forName(declared == null || declared.isBlank() ? "ISO-8859-1" : declared.trim());
        this.checks = new ConfigurationChecks(context);
        this.lastGood = new LastGoodConfigurations(lastGoodDirectory(context));
        if (!enabled) LOG.info("msg.conf.writeBack=false: configuration changes are not written back to the files");
        // configurations FileInstall created before we started: a refused one is undone now, not at the next change
        try {
            Configuration[] all = cm.listConfigurations(null);
            if (all != null) for (Configuration c : all) handle(c);
        } catch (IOException | InvalidSyntaxException e) {
            LOG.error("the configurations could not be listed at start: {}", e.toString());
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (event.getType() == ConfigurationEvent.CM_DELETED) {
            fileKeys.remove(pid);
            refused.remove(pid);
            try {
                lastGood.delete(pid);
            } catch (IOException e) {
                LOG.warn("the last good configuration of {} could not be deleted: {}", pid, e.toString());
            }
            return;
        }
        if (event.getType() != ConfigurationEvent.CM_UPDATED) return;
        try {
            Configuration[] found = cm.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
            if (found != null && found.length > 0) handle(found[0]);
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.error("configuration {} changed but could not be checked and written back: {}", pid, e.toString());
        }
    }

    @Override
    public List<Problem> problems() {
        return new TreeMap<>(refused).entrySet().stream().map(e -> new Problem(e.getKey(), e.getValue())).toList();
    }

    private synchronized void handle(Configuration c) throws IOException {
        Dictionary<String, Object> props = c.getProperties();
        if (props == null) return;
        String pid = c.getPid();
        Object key = props.get(FILENAME);
        if (key != null) fileKeys.put(pid, key.toString());
        String fileKey = key != null ? key.toString() : fileKeys.get(pid);
        TreeMap<String, Object> values = ConfigFiles.filtered(props);
        List<String> problems = checks.problems(pid, c.getFactoryPid(), values);
        if (!problems.isEmpty()) {
            refuse(c, pid, fileKey, values, problems);
            return;
        }
        // kept only where a check could refuse a later change (no copies of what is never undone)
        if (checks.exists(pid, c.getFactoryPid())) {
            Optional<Map<String, Object>> kept = lastGood.read(pid);
            // the last good values again (our undo, FileInstall re-reading the file we wrote) are no new change
            boolean news = kept.isEmpty() || !ConfigFiles.sameValues(kept.get(), values);
            if (news && refused.remove(pid) != null) LOG.info("configuration {}: a good change replaced the refused one", pid);
            if (news) lastGood.save(pid, values);
        }
        if (!enabled || fileKey == null) return; // not from a file: nothing to keep in sync
        if (key == null) {
            // changed in the web console, which dropped FileInstall's key: put it back; that update writes the file
            Hashtable<String, Object> next = copy(props);
            next.put(FILENAME, fileKey);
            c.update(next);
            return;
        }
        Path file = toPath(fileKey);
        try {
            if (ConfigFiles.writeIfChanged(file, props, encoding)) LOG.info("configuration {} written back to {}", pid, file);
            unreadable.remove(file);
        } catch (ConfigFiles.UnreadableFile e) {
            // rewriting what could not be read is how a file grew at every round: leave it to the installer
            if (!e.getMessage().equals(unreadable.put(file, e.getMessage())))
                LOG.error("configuration {}: its file is not rewritten: {}", pid, e.getMessage());
        } catch (IOException e) {
            // the change is live anyway; it will not survive a restart: say so loudly
            LOG.error("configuration {} changed but could not be written back to {}: {}", pid, file, e.toString());
        }
    }

    private void refuse(Configuration c, String pid, String fileKey, Map<String, Object> values, List<String> problems)
            throws IOException {
        String why = String.join("; ", problems);
        Optional<Map<String, Object>> good = lastGood.read(pid);
        boolean undo = good.isPresent() && !ConfigFiles.sameValues(good.get(), values);
        if (undo) {
            refused.put(pid, "modifica rifiutata, resta l'ultima configurazione valida / change refused, the last "
                    + "good configuration stays: " + why);
            LOG.error("configuration {} refused, nothing written: {}; it goes back to its last good configuration",
                    pid, why);
        } else if (!("configurazione rifiutata / configuration refused: " + why).equals(
                refused.put(pid, "configurazione rifiutata / configuration refused: " + why))) {
            // no good configuration to go back to: the component refuses it too and says so at ERROR (once)
            LOG.warn("configuration {} refused, nothing written: {}; no good configuration of it is known", pid, why);
        }
        if (!undo) return;
        Hashtable<String, Object> next = new Hashtable<>(good.get());
        if (fileKey != null) next.put(FILENAME, fileKey);
        c.update(next);
    }

    private static Hashtable<String, Object> copy(Dictionary<String, Object> props) {
        Hashtable<String, Object> result = new Hashtable<>();
        for (Enumeration<String> keys = props.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            if (!k.equals(Constants.SERVICE_PID) && !k.equals("service.factoryPid")) result.put(k, props.get(k));
        }
        return result;
    }

    /** Where the last good configurations are kept: {@code ${msg.data}/config-last-good}. */
    static Path lastGoodDirectory(BundleContext context) {
        String data = context.getProperty("msg.data");
        return Path.of(data == null || data.isBlank() ? "data" : data).resolve("config-last-good");
    }

    static Path toPath(String fileName) {
        return fileName.startsWith("file:") ? Path.of(URI.create(fileName)) : Path.of(fileName);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
