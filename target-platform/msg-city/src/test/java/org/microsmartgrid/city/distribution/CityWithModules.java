package org.microsmartgrid.city.distribution;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.microsmartgrid.city.broker.ModuleCredential;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The exported city runtime with exported demo modules (each a module on its simulated building) connected to its
 * broker with their own credentials, as an operator runs them: the world the map page's browser tests look at.
 */
final class CityWithModules implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(120);
    /** The password of the installer account "operator" on every module's console (and the city's). */
    static final String INSTALLER_PASSWORD = "not used here";

    /** A module to start: its client id, display name, position and what the simulator plugs into socket 1. */
    record Site(String clientId, String name, String lat, String lon, String socket1) {
    }

    final JarProcess city;
    private final int mqtt;
    private final Map<String, ModuleCredential.Issued> credentials = new LinkedHashMap<>();
    private final Map<String, JarProcess> modules = new LinkedHashMap<>();
    /** Changes a module's configuration directory before it starts (e.g. a CoAP key); none by default. */
    private java.util.function.Consumer<Path> moduleConf = c -> { };

    private CityWithModules(JarProcess city, int mqtt) {
        this.city = city;
        this.mqtt = mqtt;
    }

    /** Boots the city (configuration from conf-demo plus extra .config files) with a credential for each site. */
    static CityWithModules start(List<Site> sites, Map<String, String> extraConfig) throws Exception {
        return start(sites, extraConfig, c -> { });
    }

    /** As above; {@code moduleConf} changes each module's configuration directory before it starts. */
    static CityWithModules start(List<Site> sites, Map<String, String> extraConfig,
                                 java.util.function.Consumer<Path> moduleConf) throws Exception {
        SecureRandom random = new SecureRandom();
        int mqtt = JarProcess.freePort();
        Path conf = JarProcess.copyConf(Path.of(System.getProperty("msg.city.conf")),
                "port=I\"1883\"", "port=I\"" + mqtt + "\"");
        List<String> lines = new ArrayList<>();
        Map<String, ModuleCredential.Issued> issued = new LinkedHashMap<>();
        for (Site s : sites) {
            ModuleCredential.Issued c = ModuleCredential.issue("milano", s.clientId(), random);
            issued.put(s.clientId(), c);
            lines.add("\"" + c.credential().format() + "\"");
        }
        Files.writeString(conf.resolve("org.microsmartgrid.city.broker.CityBroker.config"),
                "modules=[" + String.join(",", lines) + "]\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        addOperator(conf);
        for (Map.Entry<String, String> e : extraConfig.entrySet())
            Files.writeString(conf.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        JarProcess city = JarProcess.start("city-map", Path.of(System.getProperty("msg.city.jar")), List.of("-Xmx256m"),
                conf, JarProcess.freePort());
        CityWithModules world = new CityWithModules(city, mqtt);
        world.credentials.putAll(issued);
        world.moduleConf = moduleConf;
        try {
            city.await("the city's status page", "/city/status", WAIT, r -> r.statusCode() == 200);
            for (Site s : sites) world.modules.put(s.clientId(), world.startModule(s));
            // all four sockets told, and socket 1 as the simulator has it (a plugged e-bike charges once the loop says so)
            for (Site s : sites) world.awaitPoint(s.name(), p -> p.getAsJsonArray("evses").size() == 4
                    && socketStatus(p, 2).equals("AVAILABLE")
                    && socketStatus(p, 1).equals(s.socket1().equals("1=") ? "AVAILABLE" : "CHARGING"));
            for (JarProcess m : world.modules.values()) awaitInstallerLogin(m);
        } catch (Exception | Error e) {
            world.close();
            throw e;
        }
        return world;
    }

    JarProcess module(String clientId) {
        return modules.get(clientId);
    }

    private JarProcess startModule(Site s) throws Exception {
        Path conf = JarProcess.copyConf(Path.of(System.getProperty("msg.module.conf")),
                "I\"5020\"", "I\"" + JarProcess.freePort() + "\"",
                "coap.port=I\"5683\"", "coap.port=I\"" + JarProcess.freeUdpPort() + "\"",
                "coaps.port=I\"5684\"", "coaps.port=I\"" + JarProcess.freeUdpPort() + "\"",
                // sockets 2–4 stay empty (the demo plugs vehicles there too, and the loop's choices would vary their
                // status): the page's tests change socket 1 only
                "\"1=EBIKE:30\",\"2=SCOOTER:50\",\"3=WHEELCHAIR:20\",\"4=CAR:60\"",
                "\"" + s.socket1() + "\",\"2=\",\"3=\",\"4=\"");
        addOperator(conf); // the module refuses its console without an installer account (claim-code page: MapPageIT)
        JarProcess.quietHour(conf);
        ModuleCredential.Issued cred = credentials.get(s.clientId());
        Files.writeString(conf.resolve("org.microsmartgrid.cloud.kapua.KapuaCloudLink.config"), String.join("\n",
                "broker.url=\"tcp://127.0.0.1:" + mqtt + "\"",
                "account.name=\"milano\"",
                "client.id=\"" + s.clientId() + "\"",
                "username=\"" + s.clientId() + "\"",
                "password=\"" + cred.password() + "\"",
                "display.name=\"" + s.name() + "\"",
                "position.latitude=\"" + s.lat() + "\"",
                "position.longitude=\"" + s.lon() + "\"",
                "telemetry.interval.s=I\"2\"",
                "reconnect.max.s=I\"2\"", ""), StandardCharsets.UTF_8);
        moduleConf.accept(conf);
        return JarProcess.start(s.clientId(), Path.of(System.getProperty("msg.module.jar")), JarProcess.moduleJvmFlags(),
                conf, JarProcess.freePort());
    }

    /** The simulator plugs a vehicle into socket 1 (or unplugs it): "1=EBIKE:30" or "1=". */
    void plugSocket1(String clientId, String from, String to) throws Exception {
        JarProcess m = modules.get(clientId);
        String file = "org.microsmartgrid.simulator.SimulatedBuilding.config";
        m.replaceConfig(file, Files.readString(m.conf.resolve(file)).replace("\"" + from + "\"", "\"" + to + "\""));
    }

    /**
     * Waits until the module's web console asks for the installer's login in its own realm. A module publishes before
     * its console is ready: the account's configuration arrives through FileInstall, and for a second or two (longer
     * on a loaded machine) Felix's web console is up with only its built-in provider, which answers 401 in realm "OSGi
     * Management Console" to every login, the right one too (docs/console.md). Asked without credentials, so the wait
     * counts no failed login.
     */
    private static void awaitInstallerLogin(JarProcess module) throws Exception {
        module.await("the installer's login on the console", "/system/console/claim", WAIT, r -> r.statusCode() == 401
                && r.headers().firstValue("WWW-Authenticate").orElse("").contains("realm=\"Micro Smart Grid\""));
    }

    private static void addOperator(Path conf) throws Exception {
        String hash = org.microsmartgrid.console.auth.PasswordHash.create(INSTALLER_PASSWORD.toCharArray(),
                org.microsmartgrid.console.auth.PasswordHash.MIN_ITERATIONS, new SecureRandom()).format();
        Files.writeString(conf.resolve("org.microsmartgrid.console.InstallerAuthentication.config"),
                "users=[\"operator:" + hash + "\"]\n", StandardCharsets.UTF_8);
    }

    static String socketStatus(JsonObject point, int socket) {
        for (JsonElement e : point.getAsJsonArray("evses"))
            if (e.getAsJsonObject().get("socket").getAsInt() == socket) return e.getAsJsonObject().get("status").getAsString();
        return "(none)";
    }

    /** Waits until the API shows the named point in a state the condition accepts. */
    JsonObject awaitPoint(String name, Predicate<JsonObject> cond) throws Exception {
        HttpResponse<String> r = city.await(name, "/api/v1/locations?limit=500", WAIT,
                resp -> resp.statusCode() == 200 && find(resp.body(), name) != null && cond.test(find(resp.body(), name)));
        return find(r.body(), name);
    }

    private static JsonObject find(String body, String name) {
        for (JsonElement e : JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("items"))
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) return e.getAsJsonObject();
        return null;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (JarProcess m : modules.values()) {
            try { m.close(); } catch (Exception e) { if (first == null) first = e; }
        }
        try { city.close(); } catch (Exception e) { if (first == null) first = e; }
        if (first != null) throw first;
    }
}
