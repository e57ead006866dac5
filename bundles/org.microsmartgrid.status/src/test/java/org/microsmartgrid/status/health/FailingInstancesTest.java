package org.microsmartgrid.status.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.health.HealthProblems;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Issue 21 items 3–5: failing factory instances are told apart; problems the runtime cannot see make ok false. */
class FailingInstancesTest {
    static final String FACTORY = "org.microsmartgrid.meter.modbus.ModbusMeter";

    @Test
    void twoFailingInstancesOfOneFactoryAreNamedByTheirOwnPidAndFile() {
        ComponentDescriptionDTO d = ComponentHealthTest.description(FACTORY);
        ComponentConfigurationDTO a = failed(d, FACTORY + "~socket-8", "socket-8");
        ComponentConfigurationDTO b = failed(d, FACTORY + "~socket-9", "socket-9");

        List<JsonObject> json = ComponentHealth.notActive(List.of(new ComponentHealth.Component(d, true, List.of(a, b))));

        assertEquals(List.of(FACTORY + "~socket-8", FACTORY + "~socket-9"),
                json.stream().map(o -> o.get("pid").getAsString()).sorted().toList());
        assertEquals(List.of(FACTORY + "-socket-8.config", FACTORY + "-socket-9.config"),
                json.stream().map(o -> o.get("file").getAsString()).sorted().toList());
    }

    @Test
    void aReportedProblemMakesHealthNotOk() {
        JsonObject ok = HealthSection.toJson(List.of(), List.of(), List.of());
        JsonObject bad = HealthSection.toJson(List.of(), List.of(), List.of(new HealthProblems.Problem(
                "org.microsmartgrid.grid.balancer.Balancer", "change refused: contract.power.w = 123")));

        assertTrue(ok.get("ok").getAsBoolean());
        assertFalse(bad.get("ok").getAsBoolean());
        assertTrue(bad.getAsJsonArray("problems").toString().contains("contract.power.w"), bad.toString());
    }

    @Test
    void aThreadThatDiesIsAProblemUntilRestart() throws Exception {
        DeadThreads watcher = new DeadThreads();
        watcher.activate();
        try {
            Thread bus = new Thread(() -> {
                throw new OutOfMemoryError("Java heap space (simulated)");
            }, "modbus-bus-sim");
            bus.start();
            bus.join();
        } finally {
            watcher.deactivate();
        }
        List<HealthProblems.Problem> problems = watcher.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("thread modbus-bus-sim", problems.get(0).subject());
        assertTrue(problems.get(0).message().contains("OutOfMemoryError"), problems.get(0).message());
    }

    private static ComponentConfigurationDTO failed(ComponentDescriptionDTO d, String pid, String name) {
        ComponentConfigurationDTO c = ComponentHealthTest.configuration(d, ComponentConfigurationDTO.FAILED_ACTIVATION);
        c.failure = "org.microsmartgrid.meter.modbus.config.ConfigException: unit.id = 300 is out of range";
        c.properties = Map.of("service.pid", pid, "felix.fileinstall.filename",
                "file:/etc/msg/" + FACTORY + "-" + name + ".config");
        return c;
    }
}
