package org.microsmartgrid.cloud.management;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.felix.framework.Felix;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.cloud.RequestHandler;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * A real Felix framework with SCR, Configuration Admin, Metatype and FileInstall, the management bundle and the
 * simulator (a configurable component with a rich metatype). The API packages come from the test's class path
 * through the system bundle, so the test calls the request handlers directly; Configuration Admin, whose classes
 * the framework has its own copy of, is called through reflection.
 */
public final class FelixHarness implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * The API bundle's own Export-Package header (from the manifest bnd wrote next to its classes), so the system
     * bundle exports exactly the packages and versions the management bundle was built against.
     */
    private static String apiPackages() throws Exception {
        Path api = Path.of(KuraRequest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        java.util.jar.Manifest manifest;
        if (java.nio.file.Files.isDirectory(api)) {
            try (var in = java.nio.file.Files.newInputStream(api.resolve("META-INF/MANIFEST.MF"))) {
                manifest = new java.util.jar.Manifest(in);
            }
        } else {
            try (var jar = new java.util.jar.JarFile(api.toFile())) {
                manifest = jar.getManifest();
            }
        }
        return manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
    }

    private final Felix framework;
    private final BundleContext context;

    public FelixHarness(Path conf, Path storage, Path data) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        // as the module runs: a fresh framework cache at every start, the files are the configuration
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiPackages());
        props.put("felix.fileinstall.dir", conf.toString());
        props.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        props.put("felix.fileinstall.poll", "200");
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.enableConfigSave", "false");
        props.put("felix.fileinstall.configEncoding", "UTF-8"); // as the module (msg-module.bndrun)
        props.put("msg.data", data.toString());
        framework = new Felix(props);
        framework.init();
        context = framework.getBundleContext();
        context.installBundle(location(System.getProperty("it.bundle.spifly")));
        framework.start();
        for (String jar : System.getProperty("it.bundles").split(",")) context.installBundle(location(jar));
        context.installBundle(location(System.getProperty("it.bundle.management")));
        for (Bundle b : context.getBundles()) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && b.getBundleId() != 0) b.start();
        }
    }

    public BundleContext context() {
        return context;
    }

    public RequestHandler handler(String appId) throws Exception {
        try {
            return awaitHandler(appId);
        } catch (AssertionError e) {
            StringBuilder sb = new StringBuilder(e.getMessage());
            for (Bundle b : context.getBundles()) sb.append("\n  ").append(b.getSymbolicName()).append(' ').append(b.getState());
            ServiceReference<?>[] all = context.getAllServiceReferences(null, null);
            for (ServiceReference<?> r : all) sb.append("\n  service ").append(Arrays.toString((String[]) r.getProperty("objectClass")));
            throw new AssertionError(sb.toString(), e);
        }
    }

    private RequestHandler awaitHandler(String appId) throws Exception {
        return await("request handler " + appId, () -> {
            ServiceReference<?>[] refs = context.getAllServiceReferences(RequestHandler.class.getName(), null);
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                Object h = context.getService(ref);
                if (h != null && appId.equals(((RequestHandler) h).appId())) return (RequestHandler) h;
            }
            return null;
        });
    }

    public static KuraResponse call(RequestHandler h, String method, String resources, byte[] body) {
        return h.handle(new KuraRequest(h.appId(), method, Arrays.asList(resources.split("/")),
                Map.of("request.id", "r-1", "requester.client.id", "tech-01"), body, "r-1", "tech-01"));
    }

    /** The stored properties of a pid (through reflection: Configuration Admin's classes are the framework's). */
    @SuppressWarnings("unchecked")
    public Dictionary<String, Object> configuration(String pid) throws Exception {
        Object config = invoke(configAdmin(), "getConfiguration", pid, "?");
        return (Dictionary<String, Object>) invoke(config, "getProperties");
    }

    public void updateConfiguration(String pid, Map<String, Object> changes) throws Exception {
        Object config = invoke(configAdmin(), "getConfiguration", pid, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        Dictionary<String, Object> old = (Dictionary<String, Object>) invoke(config, "getProperties");
        for (var keys = old.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            props.put(k, old.get(k));
        }
        changes.forEach(props::put);
        invoke(config, "update", props);
    }

    private Object configAdmin() throws Exception {
        ServiceReference<?> ref = await("ConfigurationAdmin", () -> {
            ServiceReference<?>[] refs = context.getAllServiceReferences("org.osgi.service.cm.ConfigurationAdmin", null);
            return refs == null ? null : refs[0];
        });
        return context.getService(ref);
    }

    public static Object invoke(Object target, String name, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                try {
                    return m.invoke(target, args);
                } catch (IllegalArgumentException e) {
                    // overload with other parameter types: try the next one
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    public static <T> T await(String what, Callable<T> probe) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                T v = probe.call();
                if (v != null) return v;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what, last);
    }

    private static String location(String jar) {
        return Paths.get(jar).toUri().toString();
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(WAIT.toMillis());
    }
}
