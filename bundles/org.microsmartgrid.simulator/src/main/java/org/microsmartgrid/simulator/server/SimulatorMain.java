package org.microsmartgrid.simulator.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the simulated building without OSGi, for a laptop demo or to point a module at:
 *
 * <pre>
 * java … SimulatorMain port=5020 time.speed=60 start.time=2025-06-21T08:00 sockets=1=EBIKE:30,2=CAR:60 relays.closed=1,2
 * </pre>
 *
 * Arguments are the configuration properties ({@code key=value}; lists comma-separated), plus {@code relays.closed}
 * (sockets whose contact starts closed: a list, {@code all} (default) or {@code none}) and {@code status.seconds}
 * (how often a status line is printed, 0 = never). Reads commands from standard input (type {@code help}).
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) fail("arguments are key=value, got '" + arg + "'");
            options.put(arg.substring(0, eq).replaceFirst("^--", ""), arg.substring(eq + 1));
        }
        String closed = options.getOrDefault("relays.closed", "all");
        long statusSeconds = Long.parseLong(options.getOrDefault("status.seconds", "5"));
        options.remove("relays.closed");
        options.remove("status.seconds");
        SimulatorSettings settings;
        try {
            settings = CommandLineSettings.parse(options);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        SettableRelays relays = new SettableRelays();
        for (var s : settings.sockets()) {
            if (closed.equals("all") || Arrays.asList(closed.split(",")).contains(Integer.toString(s.socket()))) relays.close(s.socket());
        }
        SimulatedBuildingServer server = SimulatedBuildingServer.start(settings, relays);
        CountDownLatch quit = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "msg-simulator-shutdown"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msg-simulator-status");
            t.setDaemon(true);
            return t;
        });
        ConsoleCommands commands = new ConsoleCommands(server, relays);
        if (statusSeconds > 0) ticker.scheduleAtFixedRate(() -> System.out.println(commands.execute("status")), 0, statusSeconds, TimeUnit.SECONDS);
        System.out.println("Modbus TCP on " + server.host() + ":" + server.port() + "; type help for commands");
        Thread console = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.trim().equalsIgnoreCase("quit")) {
                        quit.countDown();
                        return;
                    }
                    System.out.println(commands.execute(line));
                }
            } catch (java.io.IOException e) {
                // no console: run until killed
            }
        }, "msg-simulator-console");
        console.setDaemon(true);
        console.start();
        quit.await();
        ticker.shutdownNow();
        System.exit(0); // the shutdown hook closes the server
    }

    private static void fail(String message) {
        System.err.println("simulator: " + message);
        System.exit(2);
    }
}
