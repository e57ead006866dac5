package org.microsmartgrid.simulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.microsmartgrid.simulator.modbus.DeviceFault;
import org.microsmartgrid.simulator.model.PhaseConnection;
import org.microsmartgrid.simulator.model.SocketSetup;
import org.microsmartgrid.simulator.model.VehicleClass;

import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

class SettingsBuilderTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        SimulatorSettings s = SimulatorSettings.defaults();
        assertEquals("127.0.0.1", s.bindHost());
        assertEquals(5020, s.port());
        assertEquals(1.0, s.timeSpeed());
        assertEquals(3000, s.site().pvPeakW());
        assertEquals(0.3, s.site().cloudiness());
        assertEquals(400, s.site().buildingBaseW());
        assertEquals(2500, s.site().buildingPeakW());
        assertEquals(1, s.gridUnitId());
        assertEquals(2, s.pvUnitId());
        assertEquals(11, s.socketUnitId(1));
        assertNull(s.startTime(), "starts now");
        assertEquals(new SocketSetup(1, PhaseConnection.L1, VehicleClass.EBIKE, 30), s.sockets().get(0));
        assertEquals(new SocketSetup(2, PhaseConnection.L2, VehicleClass.SCOOTER, 50), s.sockets().get(1));
        assertEquals(new SocketSetup(3, PhaseConnection.L3, VehicleClass.WHEELCHAIR, 20), s.sockets().get(2));
        assertEquals(new SocketSetup(4, PhaseConnection.L1, VehicleClass.CAR, 60), s.sockets().get(3));
    }

    @Test
    void socketEntriesCanBeEmptyOrPinnedToAPhase() {
        SimulatorSettings s = SimulatorSettings.builder().sockets("3=moped:12.5@L3", "1=", "2=@L3", " ").build();
        assertEquals(3, s.sockets().size());
        assertEquals(new SocketSetup(1, PhaseConnection.L1, null, 0), s.sockets().get(0), "sorted by socket number");
        assertEquals(new SocketSetup(2, PhaseConnection.L3, null, 0), s.sockets().get(1));
        assertEquals(new SocketSetup(3, PhaseConnection.L3, VehicleClass.MOPED, 12.5), s.sockets().get(2));
    }

    @Test
    void faultsNameDevicesByRole() {
        SimulatorSettings s = SimulatorSettings.builder().faults("grid=silent", "socket.2=NAN", "pv=NONE").build();
        assertEquals(Map.of(1, DeviceFault.SILENT, 12, DeviceFault.NAN), s.faults());
    }

    @Test
    void startTimeIsAnInstantOrMilanLocalTime() {
        assertEquals(Instant.parse("2025-06-21T10:00:00Z"), SimulatorSettings.builder().startTime("2025-06-21T10:00:00Z").build().startTime());
        assertEquals(Instant.parse("2025-06-21T10:00:00Z"), SimulatorSettings.builder().startTime("2025-06-21T12:00").build().startTime(), "CEST is UTC+2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "port       | port: must be within 0..65535",
            "bind.host  | bind.host: must not be empty",
            "time.speed | time.speed: must be within",
            "refresh.ms | refresh.ms: must be within 10..10000",
            "pv.peak.w  | pv.peak.w: must be within 0..30000",
            "cloudiness | cloudiness: must be within 0..1",
            "pv.phase   | pv.phase: unknown phase 'L4'",
            "building.phase | building.phase: unknown phase",
            "building.base.w | building.base.w: must be within",
            "load.extra.w | load.extra.w: must be within",
            "start.time | start.time: 'tomorrow' is neither",
            "grid.unit.id | grid.unit.id: must be within 1..247",
            "unit.clash | pv.unit.id: unit id 1 is used by both the grid meter and the PV inverter",
            "socket.clash | socket.unit.id.base: unit id 2 is used by both the PV inverter and the socket 1 meter",
            "socket.unit.high | socket.unit.id.base: socket 40 would answer to unit id 250",
            "socket.no.eq | sockets: '1EBIKE:30' has no '='",
            "socket.number | sockets: 'x=EBIKE:30': the socket number is not a number",
            "socket.class | sockets: '1=TRAIN:30': unknown vehicle class 'TRAIN'",
            "socket.soc | sockets: '1=EBIKE:130': the state of charge must be within 0..100",
            "socket.nosoc | sockets: '1=EBIKE': give the state of charge",
            "socket.twice | sockets: socket 1 is listed twice",
            "socket.three | sockets: '1=EBIKE:30@THREE_PHASE': a socket is on one phase",
            "fault.device | faults: 'boiler=SILENT': unknown device 'boiler'",
            "fault.kind | faults: 'grid=BROKEN': unknown fault 'BROKEN'",
            "fault.socket | faults: 'socket.9=NAN': there is no socket 9",
    })
    void badSettingsAreRefusedNamingTheProperty(String which, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bad(which).apply(SimulatorSettings.builder()).build());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    private static UnaryOperator<SettingsBuilder> bad(String which) {
        return switch (which) {
            case "port" -> b -> b.port(70000);
            case "bind.host" -> b -> b.bindHost(" ");
            case "time.speed" -> b -> b.timeSpeed(0);
            case "refresh.ms" -> b -> b.refreshMs(1);
            case "pv.peak.w" -> b -> b.pvPeakW(50_000);
            case "cloudiness" -> b -> b.cloudiness(1.5);
            case "pv.phase" -> b -> b.pvPhase("L4");
            case "building.phase" -> b -> b.buildingPhase("");
            case "building.base.w" -> b -> b.buildingBaseW(-1);
            case "load.extra.w" -> b -> b.extraLoadW(Double.NaN);
            case "start.time" -> b -> b.startTime("tomorrow");
            case "grid.unit.id" -> b -> b.gridUnitId(0);
            case "unit.clash" -> b -> b.pvUnitId(1);
            case "socket.clash" -> b -> b.socketUnitBase(1);
            case "socket.unit.high" -> b -> b.socketUnitBase(210).sockets("40=");
            case "socket.no.eq" -> b -> b.sockets("1EBIKE:30");
            case "socket.number" -> b -> b.sockets("x=EBIKE:30");
            case "socket.class" -> b -> b.sockets("1=TRAIN:30");
            case "socket.soc" -> b -> b.sockets("1=EBIKE:130");
            case "socket.nosoc" -> b -> b.sockets("1=EBIKE");
            case "socket.twice" -> b -> b.sockets("1=EBIKE:30", "1=");
            case "socket.three" -> b -> b.sockets("1=EBIKE:30@THREE_PHASE");
            case "fault.device" -> b -> b.faults("boiler=SILENT");
            case "fault.kind" -> b -> b.faults("grid=BROKEN");
            case "fault.socket" -> b -> b.faults("socket.9=NAN");
            default -> throw new IllegalArgumentException(which);
        };
    }

    @Test
    void whatNeedsARestartAndWhatDoesNot() {
        SimulatorSettings base = SimulatorSettings.defaults();
        assertFalse(base.needsRestartFor(SimulatorSettings.builder().cloudiness(0.9).timeSpeed(60).sockets("1=", "2=CAR:10", "3=", "4=").build()));
        assertTrue(base.needsRestartFor(SimulatorSettings.builder().port(5021).build()));
        assertTrue(base.needsRestartFor(SimulatorSettings.builder().seed(1).build()));
        assertTrue(base.needsRestartFor(SimulatorSettings.builder().sockets("1=EBIKE:30").build()), "a socket less is a unit less");
        assertTrue(base.needsRestartFor(SimulatorSettings.builder().sockets("1=EBIKE:30@L2", "2=SCOOTER:50", "3=WHEELCHAIR:20", "4=CAR:60").build()));
    }

    @Test
    void theCommandLineUsesTheSameNames() {
        SimulatorSettings s = CommandLineSettings.parse(Map.of("port", "0", "time.speed", "60", "sockets", "1=EBIKE:30,2=", "faults", "grid=NAN"));
        assertEquals(0, s.port());
        assertEquals(60, s.timeSpeed());
        assertEquals(2, s.sockets().size());
        assertEquals(Map.of(1, DeviceFault.NAN), s.faults());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLineSettings.parse(Map.of("prot", "1"))).getMessage().startsWith("prot: unknown setting"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLineSettings.parse(Map.of("port", "x"))).getMessage().startsWith("port: 'x' is not a number"));
    }
}
