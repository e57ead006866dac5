package org.microsmartgrid.kura.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an installer enters in Kura's console for a small site (as conf-demo/ holds for the demo, minus the
 * simulator): a Modbus TCP bus with a grid meter, a socket meter and a battery, a mock GPIO chip with one relay, the
 * balancer with a file of hourly prices, charging sessions, CoAP and Kura telemetry. No device answers on the bus: components must still be
 * satisfied (their readings are simply not GOOD).
 */
final class SiteConfiguration {

    /** A configuration target: a singleton pid, or a factory pid (one new instance). */
    record Target(String factoryPid, boolean factory) {
    }

    private SiteConfiguration() {
    }

    static Map<Target, Map<String, Object>> of(int modbusPort, int coapPort, int coapsPort) {
        Map<Target, Map<String, Object>> c = new LinkedHashMap<>();
        c.put(new Target("org.microsmartgrid.meter.modbus.ModbusBus", true), Map.of(
                "bus.id", "rs485", "transport", "TCP", "host", "127.0.0.1", "port", modbusPort));
        c.put(new Target("org.microsmartgrid.meter.modbus.ModbusMeter", true), Map.of(
                "meter.id", "grid", "bus.id", "rs485", "bus.target", "(bus.id=rs485)", "unit.id", 1,
                "profile", "SDM630", "meter.role", "GRID", "meter.socket", 0));
        c.put(new Target("org.microsmartgrid.meter.modbus.ModbusMeter", true), Map.of(
                "meter.id", "socket-1", "bus.id", "rs485", "bus.target", "(bus.id=rs485)", "unit.id", 11,
                "profile", "SDM120", "meter.role", "SOCKET", "meter.socket", 1));
        c.put(new Target("org.microsmartgrid.meter.modbus.ModbusBattery", true), Map.of(
                "battery.id", "battery", "bus.id", "rs485", "bus.target", "(bus.id=rs485)", "unit.id", 3));
        c.put(new Target("org.microsmartgrid.relay.gpio.GpioChip", false), Map.of(
                "provider", "MOCK", "board.pins", new String[] {"CH1=26"}));
        c.put(new Target("org.microsmartgrid.relay.gpio.GpioRelay", true), Map.of(
                "relay.id", "socket-1", "socket", 1, "pin", "CH1", "active.low", true));
        c.put(new Target("org.microsmartgrid.grid.balancer.Balancer", false), Map.of(
                "contract.power.w", 3000, "socket.priorities", new String[] {"1=PUBLIC"}));
        c.put(new Target("org.microsmartgrid.grid.balancer.Prices", false), Map.of("price.file", priceFile()));
        c.put(new Target("org.microsmartgrid.charging.ChargingSessionsService", false), Map.of(
                "default.mode", "NOW"));
        c.put(new Target("org.microsmartgrid.coap.CoapBuildingService", false), Map.of(
                "bind.address", "127.0.0.1", "coap.port", coapPort, "coaps.port", coapsPort,
                "psk.identities", new String[] {"bms:00112233445566778899aabbccddeeff:ro"}));
        c.put(new Target("org.microsmartgrid.cloud.kura.KuraTelemetry", false), Map.of(
                "CloudPublisher.target", "(kura.service.pid=msg-publisher)", "telemetry.interval.s", 1));
        return c;
    }

    /** A day of hourly prices from the current hour, as an installer's PUN file (docs/battery.md). */
    private static String priceFile() {
        try {
            Path file = Files.createTempFile("pun", ".csv");
            file.toFile().deleteOnExit();
            OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
            StringBuilder csv = new StringBuilder();
            for (int h = 0; h < 24; h++) csv.append(hour.plusHours(h)).append(',').append(h < 12 ? "95.00" : "182.40").append('\n');
            Files.writeString(file, csv);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> pids() {
        return of(0, 0, 0).keySet().stream().map(Target::factoryPid).distinct().toList();
    }
}
