package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 9: the simulated building is for the demo only. The production jar and the Kura deployment package
 * hold no bundle that is, or exports the packages of, the simulator; the demo jar does (so this test can tell).
 */
class NoSimulatorInProductionIT {

    private static final String SIMULATOR = "org.microsmartgrid.simulator";

    @Test
    void productionJarHoldsNoSimulator() throws IOException {
        List<String> bundles = bundleNames(Path.of(System.getProperty("msg.module.jar")), "jar/");
        assertTrue(bundles.contains("org.microsmartgrid.meter.modbus"), "the production jar was read: " + bundles);
        assertFalse(bundles.stream().anyMatch(isSimulator()), "production jar holds the simulator: " + bundles);
    }

    @Test
    void deploymentPackageHoldsNoSimulator() throws IOException {
        List<String> bundles = bundleNames(Path.of(System.getProperty("msg.module.dp")), "");
        assertTrue(bundles.contains("org.microsmartgrid.meter.modbus"), "the .dp was read: " + bundles);
        assertFalse(bundles.stream().anyMatch(isSimulator()), "the .dp holds the simulator: " + bundles);
    }

    @Test
    void demoJarHoldsTheSimulator() throws IOException {
        List<String> bundles = bundleNames(Path.of(System.getProperty("msg.demo.jar")), "jar/");
        assertTrue(bundles.stream().anyMatch(isSimulator()), "the demo jar runs the simulated building: " + bundles);
    }

    private static Predicate<String> isSimulator() {
        return entry -> entry.startsWith(SIMULATOR);
    }

    /**
     * For each bundle jar under {@code folder} of the archive: its symbolic name, and "exports " + each package it
     * exports from the simulator (a renamed bundle carrying the simulator's classes is caught too).
     */
    private static List<String> bundleNames(Path archive, String folder) throws IOException {
        assertTrue(Files.isRegularFile(archive), "built: " + archive);
        List<String> result = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (var e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (!name.startsWith(folder) || !name.endsWith(".jar") || name.substring(folder.length()).contains("/"))
                    continue;
                Manifest mf;
                try (InputStream in = zip.getInputStream(e); JarInputStream jar = new JarInputStream(in)) {
                    mf = jar.getManifest();
                }
                if (mf == null) continue;
                String bsn = mf.getMainAttributes().getValue("Bundle-SymbolicName");
                if (bsn != null) result.add(bsn.split(";")[0].trim());
                String exports = mf.getMainAttributes().getValue("Export-Package");
                if (exports != null && exports.contains(SIMULATOR)) result.add(SIMULATOR + " exported by " + bsn);
            }
        }
        return result;
    }
}
