package org.microsmartgrid.cloud.management.files;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.Optional;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.apache.felix.utils.properties.TypedProperties;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands before FileInstall's own configuration installer (a higher service ranking: FileInstall asks the highest
 * first) and takes the configuration files that must not be applied: larger than {@link ConfigFiles#MAX_BYTES}
 * (a 33 MB file once ran the module out of memory), not valid in the declared encoding, or with a value that does
 * not parse ({@code unit.id=I"abc"}, which FileInstall drops without a word in our log). Such a file is refused
 * with one ERROR line naming the file and the property; the configuration it would replace stays as it was. When
 * the file is fixed, FileInstall hands it back to its own installer.
 * <p>
 * FileInstall asks the installer that already holds a file first: a file it applied once and that then grows is
 * still read by its installer. The module's JVM flags end the process on running out of memory (see
 * docs/deployment.md), and at the next start this gate refuses the file.
 * <p>
 * A delayed service: loaded only when FileInstall asks for it (there is none on a Kura gateway).
 */
@Component(service = ArtifactInstaller.class, property = "service.ranking:Integer=1000")
public class ConfigFileGate implements ArtifactInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileGate.class);

    private final Charset encoding;
    /** The refused files, each said once in the log and kept on /status until fixed. */
    private final RefusedFiles refused;

    @Activate
    public ConfigFileGate(BundleContext context, @Reference RefusedFiles refused) {
        this.refused = refused;
        String declared = context.getProperty(ConfigFileWriteBack.ENCODING);
        this.encoding = Charset.forName(declared == null || declared.isBlank() ? "ISO-8859-1" : declared.trim());
    }

    @Override
    public boolean canHandle(File file) {
        return isConfigFile(file) && problem(file).isPresent();
    }

    @Override
    public void install(File file) {
        refuse(file);
    }

    @Override
    public void update(File file) {
        refuse(file);
    }

    @Override
    public void uninstall(File file) {
        refused.cleared(file.getName()); // fixed (FileInstall hands it back to its own installer) or deleted
    }

    private void refuse(File file) {
        String why = problem(file).orElse("refused");
        if (refused.refused(file.getName(), why))
            LOG.error("configuration file {} refused, nothing applied (the configuration stays as it was): {}",
                    file.getName(), why);
    }

    static boolean isConfigFile(File file) {
        String name = file.getName();
        return name.endsWith(".config") || name.endsWith(".cfg");
    }

    /** Why the file must not be applied, if it must not. */
    Optional<String> problem(File file) {
        String text;
        try {
            text = ConfigFiles.read(file.toPath(), encoding);
        } catch (ConfigFiles.UnreadableFile e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            return Optional.empty(); // gone or unreadable: FileInstall's own handling
        }
        if (!file.getName().endsWith(".config")) return Optional.empty(); // .cfg: plain text, any value parses
        TypedProperties p = new TypedProperties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException | RuntimeException e) {
            return Optional.of(file.getName() + ": not in the .config format (" + e.getMessage() + ")");
        }
        for (String key : p.keySet()) {
            try {
                p.get(key); // typed values are converted when read: I"abc" fails here
            } catch (RuntimeException e) {
                return Optional.of(file.getName() + ": property " + key + " has a value that is not valid for its type ("
                        + e.getMessage() + ")");
            }
        }
        return Optional.empty();
    }
}
