package org.microsmartgrid.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes one module's configuration folder (FileInstall .config files): the single-module demo's files
 * (target-platform/msg-module/conf-demo) for what every module shares, and generated ones for what makes the site
 * itself — its simulated building, one meter and one relay per socket, the balancer's contract and sockets, the link
 * to the city's broker with the module's own credential, the installer's account.
 */
final class ModuleConf {
    static final String SIMULATOR = "org.microsmartgrid.simulator.SimulatedBuilding.config";

    /** GPIO lines of the mock chip, as on an 8-channel relay HAT (hardware/boards/). */
    private static final int[] PINS = {5, 6, 13, 16, 19, 20, 21, 26};

    /** Where a module listens and how it reaches the city. */
    record Ports(int http, int modbus, int coap, int coaps) {
    }

    private ModuleConf() {
    }

    static void write(Path sharedConf, Path dir, Site site, Ports ports, double speed, String startTime,
                      String brokerUrl, String brokerPassword, String installerLine, List<String> sockets)
            throws IOException {
        Files.createDirectories(dir);
        copy(sharedConf, dir, "org.microsmartgrid.charging.ChargingSessionsService.config",
                // a vehicle taken away ends its session after 10 s at rest, the least allowed (2 minutes in the shipped demo): the
                // demo's day runs fast
                "unplug.after.s=I\"120\"", "unplug.after.s=I\"10\"");
        copy(sharedConf, dir, "org.microsmartgrid.coap.CoapBuildingService.config",
                "coap.port=I\"5683\"", "coap.port=I\"" + ports.coap() + "\"",
                "coaps.port=I\"5684\"", "coaps.port=I\"" + ports.coaps() + "\"");
        copy(sharedConf, dir, "org.microsmartgrid.meter.modbus.ModbusBus-sim.config",
                "port=I\"5020\"", "port=I\"" + ports.modbus() + "\"");
        copy(sharedConf, dir, "org.microsmartgrid.meter.modbus.ModbusMeter-grid.config");
        copy(sharedConf, dir, "org.microsmartgrid.meter.modbus.ModbusMeter-pv.config");

        List<String> pins = new ArrayList<>();
        List<String> priorities = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        List<String> ratings = new ArrayList<>();
        for (int n = 1; n <= site.sockets().size(); n++) {
            Site.SocketKind k = site.sockets().get(n - 1);
            pins.add("CH" + n + "=" + PINS[n - 1]);
            priorities.add(n + "=" + k.priority);
            modes.add(n + "=" + k.mode);
            ratings.add(n + "=" + k.ratingW);
            write(dir, "org.microsmartgrid.meter.modbus.ModbusMeter-socket-" + n + ".config",
                    "# Eastron SDM120 on socket " + n + " (" + k.vehicle + ").",
                    "meter.id=\"socket-" + n + "\"", "bus.id=\"sim\"", "bus.target=\"(bus.id=sim)\"",
                    "unit.id=I\"" + (10 + n) + "\"", "profile=\"SDM120\"", "meter.role=\"SOCKET\"",
                    "meter.socket=I\"" + n + "\"", "poll.fast.ms=I\"1000\"", "stale.after.ms=I\"4000\"");
            write(dir, "org.microsmartgrid.relay.gpio.GpioRelay-socket-" + n + ".config",
                    "relay.id=\"socket-" + n + "\"", "socket=I\"" + n + "\"", "pin=\"CH" + n + "\"",
                    "active.low=B\"true\"", "min.on.ms=L\"10000\"", "min.off.ms=L\"10000\"");
        }
        write(dir, "org.microsmartgrid.relay.gpio.GpioChip.config",
                "# No GPIO on a laptop: Pi4J's mock chip, pins as on an 8-channel relay HAT (hardware/boards/).",
                "provider=\"MOCK\"", "board=\"Municipio 1 demo (Pi4J mock chip)\"", "board.pins=" + list(pins));
        write(dir, "org.microsmartgrid.grid.balancer.Balancer.config",
                "# " + site.name() + ": a " + site.contractW() / 1000 + " kW non-domestic contract.",
                "contract.power.w=I\"" + site.contractW() + "\"", "contract.nondomestic=B\"true\"",
                "margin.percent=D\"10.0\"", "reserve.w=I\"300\"", "cycle.ms=I\"500\"", "stale.grid.ms=I\"1500\"",
                "rotation.period.s=I\"900\"", "hysteresis.w=I\"100\"", "min.on.s=I\"20\"", "min.off.s=I\"20\"",
                "cheap.bands=[\"F3\"]", "socket.priorities=" + list(priorities), "socket.modes=" + list(modes),
                "socket.rating.w=" + list(ratings));
        writeSimulator(dir, site, ports.modbus(), speed, startTime, sockets);
        write(dir, "org.microsmartgrid.cloud.kapua.KapuaCloudLink.config",
                "# The link to the city's broker with this module's own credential (run-city.sh issue …, docs/city-runtime.md).",
                "broker.url=\"" + brokerUrl + "\"", "account.name=\"milano\"", "client.id=\"" + site.clientId() + "\"",
                "username=\"" + site.clientId() + "\"", "password=\"" + brokerPassword + "\"",
                "display.name=\"" + site.name() + "\"",
                "position.latitude=\"" + coordinate(site.latitude()) + "\"",
                "position.longitude=\"" + coordinate(site.longitude()) + "\"",
                "telemetry.interval.s=I\"10\"", "reconnect.min.s=I\"1\"", "reconnect.max.s=I\"5\"");
        write(dir, "org.microsmartgrid.console.InstallerAuthentication.config", "users=[\"" + installerLine + "\"]");
    }

    /**
     * The simulated building, with what is plugged into each socket now ("N=EBIKE:30" or "N="). Rewritten by the
     * day (DemoDay) whenever a vehicle comes or goes: the simulator plugs a changed entry anew, live.
     */
    static void writeSimulator(Path dir, Site site, int modbusPort, double speed, String startTime, List<String> sockets)
            throws IOException {
        write(dir, SIMULATOR,
                "# " + site.name() + ": " + site.pvPeakW() / 1000 + " kWp, " + site.sockets().size()
                        + " sockets; the day's vehicles are plugged and unplugged by the demo launcher.",
                "bind.host=\"127.0.0.1\"", "port=I\"" + modbusPort + "\"", "stop.module.on.bind.failure=B\"true\"",
                "seed=L\"" + site.seed() + "\"", "time.speed=D\"" + speed + "\"", "start.time=\"" + startTime + "\"",
                "pv.peak.w=D\"" + site.pvPeakW() + "\"", "cloudiness=D\"" + site.cloudiness() + "\"",
                "building.base.w=D\"" + site.baseW() + "\"", "building.peak.w=D\"" + site.peakW() + "\"",
                "sockets=" + list(sockets));
    }

    private static String coordinate(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String list(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) quoted.add("\"" + v + "\"");
        return "[" + String.join(",", quoted) + "]";
    }

    private static void copy(Path from, Path to, String file, String... replacements) throws IOException {
        String text = Files.readString(from.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            if (!text.contains(replacements[i]))
                throw new IOException(from.resolve(file) + " no longer has " + replacements[i] + ": update ModuleConf");
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        replace(to.resolve(file), text);
    }

    static void write(Path dir, String file, String... lines) throws IOException {
        replace(dir.resolve(file), String.join("\n", lines) + "\n");
    }

    /** In one step (temporary file, then an atomic rename), so FileInstall never reads half a file. */
    static void replace(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
