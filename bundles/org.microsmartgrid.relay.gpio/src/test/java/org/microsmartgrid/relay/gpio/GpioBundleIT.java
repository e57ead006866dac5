package org.microsmartgrid.relay.gpio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The packaged bundle in a real Felix framework with SCR, Configuration Admin and FileInstall, configured by the
 * ready-to-copy files of hardware/boards: what an installer does, minus the Raspberry Pi.
 *
 * <p>The test's class path and the framework's bundles have separate copies of the API classes, so services are
 * looked up with getAllServiceReferences (no class-space check against the test's copies) and called through
 * reflection.
 */
class GpioBundleIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path conf;
    @TempDir
    Path storage;

    private Felix framework;
    private BundleContext context;
    private Bundle relayBundle;

    @BeforeEach
    void boot() throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put("felix.fileinstall.dir", conf.toString());
        props.put("felix.fileinstall.poll", "200");
        props.put("felix.fileinstall.noInitialDelay", "true");
        // FileInstall writes each configuration back to its file; re-reading its own half-written file can empty
        // it (seen with 3.7.4). This test edits the files itself, so the write-back is off here.
        props.put("felix.fileinstall.enableConfigSave", "false");
        props.put("org.slf4j.simpleLogger.log.com.pi4j", "warn");
        props.put("msg.demo", "true"); // mock relays are refused outside a demo or a test run
        framework = new Felix(props);
        framework.init();
        context = framework.getBundleContext();
        context.installBundle(location(System.getProperty("it.bundle.spifly")));
        framework.start();
        for (String jar : System.getProperty("it.bundles").split(",")) context.installBundle(location(jar));
        relayBundle = context.installBundle(location(System.getProperty("it.bundle.relay")));
        for (Bundle b : context.getBundles()) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && b.getBundleId() != 0) b.start();
        }
    }

    @AfterEach
    void shutdown() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(WAIT.toMillis());
        }
    }

    @Test
    void boardFilesConfigureTheChipAndTheRelays() throws Exception {
        Path boards = Paths.get(System.getProperty("it.boards"));
        Path waveshare = boards.resolve("waveshare-rpi-relay-board");
        Files.copy(waveshare.resolve(GpioChip.PID + ".config"), conf.resolve(GpioChip.PID + ".config"));

        // As written for a Raspberry Pi: GPIOD. The chip starts anywhere; its pins only open on a Pi.
        ServiceReference<?> chip = await("Pi4J context with gpio.provider=GPIOD",
                () -> reference("com.pi4j.context.Context", "(gpio.provider=GPIOD)"));
        assertEquals("Raspberry Pi 4/5 + Waveshare RPi Relay Board", chip.getProperty("board"));
        Object chipConfig = call(configAdmin(), "getConfiguration", GpioChip.PID, "?");
        Dictionary<?, ?> chipProps = (Dictionary<?, ?>) call(chipConfig, "getProperties");
        assertArrayEquals(new String[] {"CH1=26", "CH2=20", "CH3=21"}, (String[]) chipProps.get("board.pins"));

        // The laptop demo's chip file over it (same pin map, mock pins), then the board's relay files unchanged.
        Files.copy(boards.resolve("laptop-demo-mock").resolve(GpioChip.PID + ".config"),
                conf.resolve(GpioChip.PID + ".config"), StandardCopyOption.REPLACE_EXISTING);
        await("Pi4J context with gpio.provider=MOCK", () -> reference("com.pi4j.context.Context", "(gpio.provider=MOCK)"));
        copyRelayFiles(waveshare);
        Object pi4j = context.getService(reference("com.pi4j.context.Context", "(gpio.provider=MOCK)"));
        ServiceReference<?> socket1 = await("relay socket-1", () -> reference(RELAY, "(&(relay.id=socket-1)(relay.socket=1))"));
        await("relays socket-2 and socket-3", () -> count(RELAY) == 3 ? true : null);
        for (String bcm : new String[] {"bcm26", "bcm20", "bcm21"}) {
            assertEquals("HIGH", pinLevel(pi4j, bcm), bcm + ": active-low relay OFF at start");
        }

        // Right after start an ON waits for min.off: a restarting module must not chatter its contactors.
        Object relay = context.getService(socket1);
        Object deferred = call(relay, "command", on("it", Duration.ofMinutes(1)));
        assertEquals("DEFERRED", call(deferred, "outcome").toString());

        // Shorter anti-chatter times through Configuration Admin apply live (@Modified): the ON goes through.
        Object socket1Config = factoryConfiguration("socket-1");
        Dictionary<String, Object> changed = copy((Dictionary<?, ?>) call(socket1Config, "getProperties"));
        changed.put("min.off.ms", 0L);
        call(socket1Config, "update", changed);
        Object applied = await("ON applied after min.off.ms=0", () -> {
            Object r = call(relay, "command", on("it", Duration.ofMinutes(1)));
            return "APPLIED".equals(call(r, "outcome").toString()) ? r : null;
        });
        assertEquals(Boolean.TRUE, call(call(applied, "state"), "outputOn"));
        assertEquals("LOW", pinLevel(pi4j, "bcm26"));

        // Removing a relay's file removes its service and frees its pin.
        Files.delete(conf.resolve(GpioRelay.PID + "-socket3.config"));
        await("socket-3 gone", () -> count(RELAY) == 2 ? true : null);
        // the service goes first (nobody may command a relay being stopped), the pin right after
        await("BCM 21 released", () -> (Boolean) call(pi4j, "hasIO", "bcm21") ? null : true);

        // Stopping the module leaves every relay OFF.
        Object socket1Pin = call(pi4j, "io", "bcm26"); // the registry forgets it at shutdown; the pin keeps its level
        framework.stop();
        framework.waitForStop(WAIT.toMillis());
        framework = null;
        assertEquals("HIGH", call(socket1Pin, "state").toString(), "socket-1 was ON, is OFF after stop");
    }

    @Test
    void chipWithoutProviderFailsAndStartsNoRelay() throws Exception {
        Files.writeString(conf.resolve(GpioChip.PID + ".config"), "board.pins=[\"CH1=26\"]\n");
        Files.writeString(conf.resolve(GpioRelay.PID + "-a.config"), "relay.id=\"a\"\nsocket=I\"1\"\npin=\"CH1\"\n");

        String failure = await("the chip's failed activation", () -> chipFailure());

        assertTrue(failure.contains("'provider' is required"), failure);
        assertEquals(0, count("com.pi4j.context.Context"));
        assertEquals(0, count(RELAY));
    }

    /** The failure DS recorded for the chip component, or null while it has none (DS 1.4 FAILED_ACTIVATION). */
    private String chipFailure() throws Exception {
        ServiceReference<?> ref = reference("org.osgi.service.component.runtime.ServiceComponentRuntime", null);
        if (ref == null) return null;
        Object scr = context.getService(ref);
        Object description = call(scr, "getComponentDescriptionDTO", relayBundle, GpioChip.PID);
        for (Object dto : (java.util.Collection<?>) call(scr, "getComponentConfigurationDTOs", description)) {
            if (dto.getClass().getField("state").getInt(dto) == 16) return (String) dto.getClass().getField("failure").get(dto);
        }
        return null;
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static final String RELAY = "org.microsmartgrid.api.relay.Relay";

    private static String location(String path) {
        assertNotNull(path, "bundle path system property (run through Maven failsafe)");
        return "reference:" + Paths.get(path).toUri();
    }

    private void copyRelayFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir).filter(f -> f.getFileName().toString().startsWith(GpioRelay.PID))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, conf.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private ServiceReference<?> reference(String clazz, String filter) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(clazz, filter);
            return refs == null ? null : refs[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String clazz) throws Exception {
        ServiceReference<?>[] refs = context.getAllServiceReferences(clazz, null);
        return refs == null ? 0 : refs.length;
    }

    private Object configAdmin() {
        ServiceReference<?> ref = reference("org.osgi.service.cm.ConfigurationAdmin", null);
        assertNotNull(ref, "Configuration Admin is running");
        return context.getService(ref);
    }

    private Object factoryConfiguration(String relayId) throws Exception {
        Object[] configs = (Object[]) call(configAdmin(), "listConfigurations",
                "(&(service.factoryPid=" + GpioRelay.PID + ")(relay.id=" + relayId + "))");
        assertNotNull(configs, "configuration of " + relayId);
        return configs[0];
    }

    private Object on(String source, Duration lease) throws Exception {
        Class<?> command = relayBundle.loadClass("org.microsmartgrid.api.relay.RelayCommand");
        return command.getMethod("on", String.class, Duration.class).invoke(null, source, lease);
    }

    /** The physical level of a mock pin, through the published Pi4J context. */
    private static String pinLevel(Object pi4jContext, String ioId) throws Exception {
        return call(call(pi4jContext, "io", ioId), "state").toString();
    }

    private static Dictionary<String, Object> copy(Dictionary<?, ?> d) {
        Hashtable<String, Object> t = new Hashtable<>();
        for (var keys = d.keys(); keys.hasMoreElements(); ) {
            Object k = keys.nextElement();
            t.put(k.toString(), d.get(k));
        }
        return t;
    }

    /** Calls a public method by name and argument count (the classes live in the framework's class loaders). */
    private static Object call(Object target, String name, Object... args) throws Exception {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> api : Stream.concat(Stream.of(type), Arrays.stream(type.getInterfaces())).toList()) {
                for (Method m : api.getMethods()) {
                    if (m.getName().equals(name) && m.getParameterCount() == args.length && accepts(m, args)) {
                        m.setAccessible(true); // implementation classes need not be public
                        return m.invoke(target, args);
                    }
                }
            }
        }
        throw new NoSuchMethodException(target.getClass() + "." + name + Arrays.toString(args));
    }

    private static boolean accepts(Method m, Object[] args) {
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null && !types[i].isInstance(args[i])) return false;
        }
        return true;
    }

    private interface Probe<T> {
        T get() throws Exception;
    }

    private <T> T await(String what, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) return value;
            Thread.sleep(50);
        }
        StringBuilder services = new StringBuilder();
        for (ServiceReference<?> r : context.getAllServiceReferences(null, null)) {
            services.append("\n  ").append(Arrays.toString((String[]) r.getProperty(Constants.OBJECTCLASS)));
            for (String k : r.getPropertyKeys()) if (k.startsWith("gpio") || k.startsWith("relay")) services.append(' ').append(k).append('=').append(r.getProperty(k));
        }
        fail("timed out waiting for " + what + "; services:" + services);
        return null;
    }
}
