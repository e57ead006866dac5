package org.microsmartgrid.simulator.server;

import org.microsmartgrid.simulator.modbus.DeviceFault;
import org.microsmartgrid.simulator.model.VehicleClass;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;

/** The standalone simulator's typed commands: one line in, one line of answer out. */
public final class ConsoleCommands {
    public static final String HELP = String.join(System.lineSeparator(),
            "commands:",
            "  status                      what every meter shows now",
            "  close N | open N            close or open socket N's relay contact",
            "  plug N CLASS SOC            plug a vehicle (EBIKE, SCOOTER, WHEELCHAIR, MOPED, CAR) at SOC % into socket N",
            "  unplug N                    unplug socket N",
            "  load W MINUTES              add W watts of building load for MINUTES simulated minutes",
            "  fault DEVICE FAULT          DEVICE grid, pv or socket.N; FAULT SILENT, EXCEPTION, NAN, FROZEN or NONE",
            "  speed X                     simulated seconds per real second",
            "  jump TIME                   go to a simulated time (2025-06-21T12:00 Milan time, or an ISO instant)",
            "  quit");

    private final SimulatedBuildingServer server;
    private final SettableRelays relays;

    public ConsoleCommands(SimulatedBuildingServer server, SettableRelays relays) {
        this.server = server;
        this.relays = relays;
    }

    /** Runs one command; returns what to print. Bad input gets a message, never an exception. */
    public String execute(String line) {
        String[] w = line.trim().split("\\s+");
        try {
            return switch (w[0].toLowerCase(Locale.ROOT)) {
                case "", "status" -> status();
                case "help", "?" -> HELP;
                case "close" -> relay(w, true);
                case "open" -> relay(w, false);
                case "plug" -> {
                    need(w, 4);
                    server.plug(Integer.parseInt(w[1]), VehicleClass.valueOf(w[2].toUpperCase(Locale.ROOT)), Double.parseDouble(w[3]));
                    yield status();
                }
                case "unplug" -> {
                    need(w, 2);
                    server.unplug(Integer.parseInt(w[1]));
                    yield status();
                }
                case "load" -> {
                    need(w, 3);
                    server.injectLoad(Double.parseDouble(w[1]), Duration.ofSeconds(Math.round(Double.parseDouble(w[2]) * 60)));
                    yield status();
                }
                case "fault" -> {
                    need(w, 3);
                    int unit = unitOf(w[1]);
                    server.setFault(unit, DeviceFault.parse(w[2]));
                    yield "unit " + unit + " is now " + server.fault(unit);
                }
                case "speed" -> {
                    need(w, 2);
                    server.setTimeSpeed(Double.parseDouble(w[1]));
                    yield "time runs x" + w[1];
                }
                case "jump" -> {
                    need(w, 2);
                    server.jumpTo(parseTime(w[1]));
                    yield status();
                }
                default -> "unknown command '" + w[0] + "'; type help";
            };
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
    }

    private String relay(String[] w, boolean closed) {
        need(w, 2);
        int socket = Integer.parseInt(w[1]);
        if (!server.settings().sockets().stream().anyMatch(s -> s.socket() == socket)) {
            throw new IllegalArgumentException("no socket " + socket);
        }
        relays.set(socket, closed);
        server.refreshNow();
        return status();
    }

    private int unitOf(String device) {
        String d = device.toLowerCase(Locale.ROOT);
        if (d.equals("grid")) return server.gridUnitId();
        if (d.equals("pv")) return server.pvUnitId();
        if (d.startsWith("socket.")) return server.socketUnitId(Integer.parseInt(d.substring(7)));
        throw new IllegalArgumentException("unknown device '" + device + "' (grid, pv or socket.N)");
    }

    private String status() {
        return StatusLine.format(server.refreshNow(), SimulatorSettings.location().zone());
    }

    private static Instant parseTime(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return LocalDateTime.parse(text).atZone(SimulatorSettings.location().zone()).toInstant();
        }
    }

    private static void need(String[] words, int count) {
        if (words.length < count) throw new IllegalArgumentException("'" + words[0] + "' needs " + (count - 1) + " argument(s); type help");
    }
}
