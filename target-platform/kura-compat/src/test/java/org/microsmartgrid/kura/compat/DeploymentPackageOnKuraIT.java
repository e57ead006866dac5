package org.microsmartgrid.kura.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Proxy;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Issue 15: {@code msg-module.dp} on Kura 5.5.0's framework stack. An Equinox 3.16.0 framework gets the bundles
 * Kura 5.5.0 runs that our package meets (osgi.services 3.9.0, osgi.util, Equinox ConfigAdmin, Metatype and
 * EventAdmin, Felix SCR 2.1.16, Felix DeploymentAdmin 0.9.5 with its DependencyManager 3.0.0, slf4j-api 1.7.36, Gson
 * 2.9.0, H2 2.1.214) and the Kura API stand-in; the package is installed through DeploymentAdmin as Kura's web console
 * does (Packages → Install); then every bundle must be active, and every component of ours satisfied once it is
 * configured, the Kura telemetry component publishing through a CloudPublisher service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentPackageOnKuraIT {

    private static final int SATISFIED = 4; // ComponentConfigurationDTO: 1 unsatisfied configuration, 2 unsatisfied reference, 4 satisfied, 8 active, 16 failed
    private static final int ACTIVE = 8;
    private static final String PUBLISHER = "org.eclipse.kura.cloudconnection.publisher.CloudPublisher";

    private static Framework framework;
    private static BundleContext context;
    private static Bundle kuraApi;
    private static final List<Object> published = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startKuraStack() throws Exception {
        // slf4j-simple (a 1.x binding, as Kura's log4j one) reads system properties: no device answers here, so the
        // components' warnings about it would only fill the log
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        Path storage = Files.createTempDirectory("kura-equinox");
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put("msg.data", storage.resolve("msg-data").toString());
        props.put("msg.demo", "true"); // no GPIO here: the relays run on Pi4J's mock chip, which needs the demo flag
        // as Kura's config.ini: bundles start at level 4 and the framework goes up past it
        props.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "6");
        props.put("osgi.bundles.defaultStartLevel", "4");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(props);
        framework.start();
        context = framework.getBundleContext();
        assertEquals("org.eclipse.osgi", context.getBundle(0).getSymbolicName(), "Equinox is the framework");
        assertEquals("3.16.0", versionOf(context.getBundle(0)), "Kura 5.5.0's Equinox");

        List<Bundle> installed = new ArrayList<>();
        for (String jar : System.getProperty("kura.bundles").split(",")) {
            installed.add(context.installBundle(Path.of(jar).toUri().toString()));
        }
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) b.start();
            if ("org.eclipse.kura.api".equals(b.getSymbolicName())) kuraApi = b;
        }
        assertNotNull(kuraApi, "the Kura API stand-in is installed");
        // Equinox raises the start level on its own thread: wait until Kura's bundles are active (services up)
        List<Bundle> notActive = Waits.until(() -> installed.stream().filter(b ->
                b.getHeaders().get(Constants.FRAGMENT_HOST) == null && b.getState() != Bundle.ACTIVE).toList(),
                List::isEmpty);
        assertTrue(notActive.isEmpty(), "Kura's stack started: " + notActive);
    }

    @AfterAll
    static void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    @Test
    @Order(1)
    void thePackageInstallsThroughDeploymentAdminAndEveryBundleStarts() throws Exception {
        Object deploymentAdmin = Services.get(context, "org.osgi.service.deploymentadmin.DeploymentAdmin");
        try (InputStream dp = Files.newInputStream(Path.of(System.getProperty("msg.module.dp")))) {
            Object pkg = Services.call(deploymentAdmin, "installDeploymentPackage", dp);
            assertEquals("org.microsmartgrid.module", Services.call(pkg, "getName"));
        }
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) notActive.add(b.getSymbolicName() + " " + b.getVersion() + " state " + b.getState());
        }
        assertTrue(notActive.isEmpty(), "every bundle active on Kura's stack:\n" + String.join("\n", notActive));
        assertTrue(ours().size() >= 8, "the package's bundles are installed: " + ours());
    }

    @Test
    @Order(2)
    void everyComponentOfOursIsSatisfiedOnceConfigured() throws Exception {
        assertTrue(ours().size() >= 8, "the package is installed: " + ours());
        registerCloudPublisher("msg-publisher");
        Object configAdmin = Services.get(context, "org.osgi.service.cm.ConfigurationAdmin");
        for (var c : SiteConfiguration.of(freeTcpPort(), freeUdpPort(), freeUdpPort()).entrySet()) {
            String pid = c.getKey().factoryPid();
            Object configuration = c.getKey().factory()
                    ? Services.call(configAdmin, "createFactoryConfiguration", pid, "?")
                    : Services.call(configAdmin, "getConfiguration", pid, "?");
            Services.call(configuration, "update", (Dictionary<String, Object>) new Hashtable<>(c.getValue()));
        }

        Object scr = Services.get(context, "org.osgi.service.component.runtime.ServiceComponentRuntime");
        List<String> problems = Waits.until(() -> componentProblems(scr), List::isEmpty);
        assertTrue(problems.isEmpty(), "every component of ours satisfied:\n" + String.join("\n", problems));

        // the Kura telemetry bundle publishes through the CloudPublisher service: the site, with its resource and id
        List<String> resources = Waits.until(DeploymentPackageOnKuraIT::publishedResources, r -> r.contains("site"));
        assertTrue(resources.contains("site"), "telemetry reached Kura's CloudPublisher: " + resources);
        Object payload = Services.call(published.get(0), "getPayload");
        assertNotNull(Services.call(payload, "getMetric", "msg.id"), "every message carries msg.id");
    }

    @Test
    @Order(3)
    void everyConfigurableComponentHasItsMetatypeForKurasConsole() throws Exception {
        Object metatype = Services.get(context, "org.osgi.service.metatype.MetaTypeService");
        Object scr = Services.get(context, "org.osgi.service.component.runtime.ServiceComponentRuntime");
        List<String> missing = new ArrayList<>();
        int configurable = 0;
        for (Bundle b : ours()) {
            Object info = Services.call(metatype, "getMetaTypeInformation", b);
            Object descriptions = Services.call(scr, "getComponentDescriptionDTOs", (Object) new Bundle[] {b});
            for (Object d : (Iterable<?>) descriptions) {
                String name = (String) Services.field(d, "name");
                String[] services = (String[]) Services.field(d, "serviceInterfaces");
                if (!List.of(services).contains("org.eclipse.kura.configuration.ConfigurableComponent")) continue;
                configurable++;
                Object ocd = info == null ? null : Services.call(info, "getObjectClassDefinition", name, null);
                if (ocd == null) missing.add(b.getSymbolicName() + ": no OCD " + name);
            }
        }
        assertTrue(configurable >= 7, "configurable components found: " + configurable);
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static List<Bundle> ours() {
        List<Bundle> result = new ArrayList<>();
        for (Bundle b : context.getBundles()) if (b.getSymbolicName().startsWith("org.microsmartgrid.")) result.add(b);
        return result;
    }

    /** The resource property of each KuraMessage the fake publisher got (Kura fills $resource from it). */
    private static List<String> publishedResources() throws Exception {
        List<String> resources = new ArrayList<>();
        for (Object message : published) {
            Map<?, ?> properties = (Map<?, ?>) Services.call(message, "getProperties");
            resources.add(String.valueOf(properties.get("resource")));
        }
        return resources;
    }

    private static List<String> componentProblems(Object scr) {
        List<String> problems = new ArrayList<>();
        try {
            Object descriptions = Services.call(scr, "getComponentDescriptionDTOs", (Object) ours().toArray(new Bundle[0]));
            for (Object d : (Iterable<?>) descriptions) {
                String name = (String) Services.field(d, "name");
                Iterable<?> configs = (Iterable<?>) Services.call(scr, "getComponentConfigurationDTOs", d);
                int count = 0;
                for (Object c : configs) {
                    count++;
                    int state = (Integer) Services.field(c, "state");
                    if (state != SATISFIED && state != ACTIVE) {
                        Object unsatisfied = Services.field(c, "unsatisfiedReferences");
                        List<String> refs = new ArrayList<>();
                        for (int i = 0; unsatisfied != null && i < Array.getLength(unsatisfied); i++)
                            refs.add((String) Services.field(Array.get(unsatisfied, i), "name"));
                        problems.add(name + ": state " + state + " unsatisfied references " + refs
                                + " failure " + Services.field(c, "failure"));
                    }
                }
                if (count == 0) problems.add(name + ": no configuration reached it");
            }
        } catch (Exception e) {
            problems.add(e.toString());
        }
        return problems;
    }

    /** A CloudPublisher with Kura's interface (from the Kura API bundle), as Kura's publisher factory registers it. */
    private static void registerCloudPublisher(String kuraServicePid) throws Exception {
        Class<?> api = kuraApi.loadClass(PUBLISHER);
        Object publisher = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "publish":
                    published.add(args[0]);
                    return Integer.toString(published.size());
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "fake CloudPublisher " + kuraServicePid;
                default:
                    return null;
            }
        });
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("kura.service.pid", kuraServicePid);
        props.put(Constants.SERVICE_PID, kuraServicePid);
        kuraApi.getBundleContext().registerService(PUBLISHER, publisher, props);
    }

    private static String versionOf(Bundle b) {
        var v = b.getVersion();
        return v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }
}
