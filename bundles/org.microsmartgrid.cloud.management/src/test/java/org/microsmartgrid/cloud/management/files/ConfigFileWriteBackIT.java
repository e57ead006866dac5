package org.microsmartgrid.cloud.management.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.cloud.management.FelixHarness.await;
import static org.microsmartgrid.cloud.management.FelixHarness.call;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.felix.utils.properties.TypedProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.config.ConfigurationCheck;
import org.microsmartgrid.cloud.management.FelixHarness;

/**
 * Changes made live (through Configuration Admin, as the web console does, or through CONF-V1) land in FileInstall's
 * files and survive a restart of the module — whose framework cache is wiped at every start, as in production.
 */
class ConfigFileWriteBackIT {
    static final String SIM = "org.microsmartgrid.simulator.SimulatedBuilding";
    static final String CONF = "org.microsmartgrid.cloud.management.conf.ConfigurationHandler";
    /** A configuration of no component, whose file the test changes to learn how far the write-back has got. */
    static final String SENTINEL = "org.microsmartgrid.test.Sentinel";

    @TempDir
    Path conf;
    @TempDir
    Path storage;
    @TempDir
    Path data;
    FelixHarness felix;
    /** The rounds of the sentinel's file that the write-back has handled, in order. */
    private final List<Object> sentinelRounds = new CopyOnWriteArrayList<>();
    private int round;

    @AfterEach
    void stop() throws Exception {
        if (felix != null) felix.close();
    }

    @Test
    void liveChangesAreWrittenBackAndSurviveARestart() throws Exception {
        Path simFile = conf.resolve(SIM + ".config");
        Path confFile = conf.resolve(CONF + ".cfg");
        String handWritten = "# demo building\nport=I\"0\"\ncloudiness=D\"0.3\"\nbind.host=\"127.0.0.1\"\n"
                + "board.pins=[\"CH1=26\",\"CH2=20\"]\n";
        Files.writeString(simFile, handWritten);
        Files.writeString(confFile, "# kept\nsnapshots.max=3\n");
        felix = new FelixHarness(conf, storage, data);
        await("simulator configured", () -> felix.configuration(SIM).get("cloudiness"));
        felix.handler("CONF-V1"); // the write-back is up (same bundle)

        // an installer edits the file by hand: FileInstall applies it, the module leaves the file as it is
        String edited = handWritten.replace("cloudiness=D\"0.3\"", "# cloudier\ncloudiness=D\"0.4\"");
        Files.writeString(simFile, edited);
        await("hand edit applied", () -> Double.valueOf(0.4).equals(felix.configuration(SIM).get("cloudiness")) ? true : null);
        settle(); // the write-back had the edit's event: it would have written by now
        assertEquals(edited, Files.readString(simFile), "a hand-edited file is not rewritten");

        // as the web console does: through Configuration Admin
        felix.updateConfiguration(SIM, Map.of("cloudiness", 0.8, "pv.phase", "L1"));
        Map<String, Object> written = await("simulator file rewritten", () -> {
            Map<String, Object> d = readConfig(simFile);
            return "L1".equals(d.get("pv.phase")) ? d : null;
        });
        assertEquals(0.8, written.get("cloudiness"));
        assertEquals(0, written.get("port"), "untouched properties stay, with their types");
        assertEquals("127.0.0.1", written.get("bind.host"));
        assertArrayEquals(new String[] {"CH1=26", "CH2=20"}, (String[]) written.get("board.pins"));
        assertFalse(Files.readString(simFile).contains("felix.fileinstall.filename"), "FileInstall's bookkeeping stays out");
        assertFalse(Files.readString(simFile).contains("service.pid"));
        assertTrue(Files.readString(simFile).startsWith("# demo building\n"), "comments stay");
        assertTrue(Files.readString(simFile).contains("D\"0.8\""), "decimals stay readable: " + Files.readString(simFile));

        // as Kapua does: through CONF-V1, into a .cfg file
        KuraResponse put = call(felix.handler("CONF-V1"), "PUT", "configurations/" + CONF, ("<esf:configurations "
                + "xmlns:esf=\"http://eurotech.com/esf/2.0\"><esf:configuration pid=\"" + CONF + "\"><esf:properties>"
                + "<esf:property name=\"snapshots.max\" array=\"false\" encrypted=\"false\" type=\"Integer\">"
                + "<esf:value>7</esf:value></esf:property></esf:properties></esf:configuration></esf:configurations>")
                .getBytes(UTF_8));
        assertEquals(KuraResponse.OK, put.code(), put.exception());
        await("cfg file rewritten", () -> "7".equals(readCfg(confFile).getProperty("snapshots.max")) ? true : null);
        assertTrue(Files.readString(confFile).startsWith("# kept"), Files.readString(confFile));

        // FileInstall re-reads the rewritten files: that must not start a write loop
        FileTime simTime = Files.getLastModifiedTime(simFile);
        String simText = Files.readString(simFile);
        settle(); // FileInstall re-read both files and the write-back handled what that changed
        assertEquals(simTime, Files.getLastModifiedTime(simFile));
        assertEquals(simText, Files.readString(simFile));

        felix.close();
        felix = new FelixHarness(conf, storage, data);
        await("simulator configured after restart", () -> felix.configuration(SIM).get("pv.phase"));
        Dictionary<String, Object> after = felix.configuration(SIM);
        assertEquals(0.8, after.get("cloudiness"));
        assertEquals("L1", after.get("pv.phase"));
        assertEquals(0, after.get("port"));
        Object max = await("CONF-V1 configured after restart", () -> felix.configuration(CONF).get("snapshots.max"));
        assertEquals("7", String.valueOf(max));
    }

    /**
     * The write-back asks a configuration's published check before anything else; for a sentinel's that check is the
     * test's, which notes the round it was asked about.
     */
    private void watchSentinel(String pid) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ConfigurationCheck.PID, pid);
        felix.context().registerService(ConfigurationCheck.class, values -> {
            if (values.get("round") != null) sentinelRounds.add(values.get("round"));
            return List.of();
        }, props);
    }

    /**
     * Returns once FileInstall and the write-back have handled every change made before the call. FileInstall reads
     * files on one thread, one poll after the other, and applies a sentinel's new file in a later poll than anything
     * it saw before; the write-back takes configuration events one at a time, in order. So once the write-back was
     * asked about a round's sentinel, it handled what FileInstall applied before that round. Twice, because within one
     * poll FileInstall may apply the sentinel before another file changed just before. Each round is a new file of
     * its own configuration: one file rewritten round after round raced the write-back still handling the round
     * before (CI: round r4 never applied).
     */
    private void settle() throws Exception {
        for (int i = 0; i < 2; i++) {
            String r = "r" + ++round;
            String pid = SENTINEL + round;
            watchSentinel(pid);
            Files.writeString(conf.resolve(pid + ".cfg"), "round=" + r + "\n");
            await("the write-back to handle round " + r + " (" + pid + ")", () -> sentinelRounds.contains(r) ? true : null);
        }
    }

    /** The file as FileInstall reads it. */
    private static Map<String, Object> readConfig(Path file) throws Exception {
        TypedProperties p = new TypedProperties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    private static Properties readCfg(Path file) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }
}
