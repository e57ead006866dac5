package org.microsmartgrid.cloud.management.files;

import java.net.URI;
import java.nio.file.Path;
import java.util.Dictionary;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
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
 * written back into the file it came from (its {@code felix.fileinstall.filename}), so the change survives a
 * restart. Replaces FileInstall's own write-back, which is off because it could empty a file (see
 * docs/configuration.md). Off with the framework property {@code msg.conf.writeBack=false}.
 */
@Component(immediate = true, service = ConfigurationListener.class)
public class ConfigFileWriteBack implements ConfigurationListener {
    static final String FILENAME = "felix.fileinstall.filename";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileWriteBack.class);

    private final ConfigurationAdmin cm;
    private final boolean enabled;

    @Activate
    public ConfigFileWriteBack(BundleContext context, @Reference ConfigurationAdmin cm) {
        this.cm = cm;
        this.enabled = !"false".equalsIgnoreCase(context.getProperty("msg.conf.writeBack"));
        if (!enabled) LOG.info("msg.conf.writeBack=false: configuration changes are not written back to the files");
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (!enabled || event.getType() != ConfigurationEvent.CM_UPDATED) return;
        try {
            Configuration[] found = cm.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(event.getPid()) + ")");
            if (found == null || found.length == 0) return;
            Dictionary<String, Object> props = found[0].getProperties();
            Object fileName = props == null ? null : props.get(FILENAME);
            if (fileName == null) return; // not from a file: nothing to keep in sync
            Path file = toPath(fileName.toString());
            if (ConfigFiles.writeIfChanged(file, props)) LOG.info("configuration {} written back to {}", event.getPid(), file);
        } catch (Exception e) {
            // the change is live anyway; it will not survive a restart: say so loudly
            LOG.error("configuration {} changed but could not be written back to its file: {}", event.getPid(), e.toString());
        }
    }

    static Path toPath(String fileName) {
        return fileName.startsWith("file:") ? Path.of(URI.create(fileName)) : Path.of(fileName);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
