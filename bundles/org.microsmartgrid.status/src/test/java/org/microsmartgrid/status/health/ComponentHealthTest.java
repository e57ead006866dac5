package org.microsmartgrid.status.health;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentHealthTest {

    static ComponentDescriptionDTO description(String name, String... references) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = name;
        d.bundle = new BundleDTO();
        d.bundle.symbolicName = "org.microsmartgrid.meter.modbus";
        d.configurationPid = new String[] {name};
        d.configurationPolicy = "require";
        d.references = new ReferenceDTO[references.length / 2];
        for (int i = 0; i < references.length; i += 2) {
            ReferenceDTO r = new ReferenceDTO();
            r.name = references[i];
            r.interfaceName = references[i + 1];
            d.references[i / 2] = r;
        }
        return d;
    }

    static ComponentConfigurationDTO configuration(ComponentDescriptionDTO d, int state) {
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.description = d;
        c.state = state;
        c.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return c;
    }

    static final String STACK = """
            java.lang.IllegalArgumentException: pid org.microsmartgrid.meter.modbus.ModbusMeter: property 'unitId' is 300, must be 1..247
            \tat org.microsmartgrid.meter.modbus.ConfigCheck.validate(ConfigCheck.java:42)
            \tat org.microsmartgrid.meter.modbus.ModbusMeter.activate(ModbusMeter.java:77)
            Caused by: java.lang.NumberFormatException: bad
            \tat java.base/java.lang.Integer.parseInt(Integer.java:652)
            \t... 12 more
            """;

    @Test
    void aRefusedConfigurationShowsItsMessageWithoutTheStackFrames() {
        ComponentDescriptionDTO d = description("org.microsmartgrid.meter.modbus.ModbusMeter");
        ComponentConfigurationDTO failed = configuration(d, ComponentConfigurationDTO.FAILED_ACTIVATION);
        failed.failure = STACK;

        List<JsonObject> json = ComponentHealth.notActive(List.of(new ComponentHealth.Component(d, true, List.of(failed))));

        assertEquals(1, json.size());
        JsonObject entry = json.get(0);
        assertEquals("FAILED_ACTIVATION", entry.get("state").getAsString());
        assertEquals("org.microsmartgrid.meter.modbus", entry.get("bundle").getAsString());
        assertEquals("""
                java.lang.IllegalArgumentException: pid org.microsmartgrid.meter.modbus.ModbusMeter: property 'unitId' is 300, must be 1..247
                Caused by: java.lang.NumberFormatException: bad""", entry.get("failure").getAsString());
        assertEquals("org.microsmartgrid.meter.modbus.ModbusMeter", entry.getAsJsonArray("configurationPid").get(0).getAsString());
    }

    @Test
    void aMissingServiceNamesTheReferenceAndItsInterface() {
        ComponentDescriptionDTO d = description("org.microsmartgrid.grid.balancer.Balancer",
                "grid", "org.microsmartgrid.api.meter.Meter", "relays", "org.microsmartgrid.api.relay.Relay");
        ComponentConfigurationDTO waiting = configuration(d, ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO u = new UnsatisfiedReferenceDTO();
        u.name = "grid";
        u.target = "(role=GRID)";
        waiting.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {u};

        JsonObject entry = ComponentHealth.notActive(List.of(new ComponentHealth.Component(d, true, List.of(waiting)))).get(0);

        assertEquals("UNSATISFIED_REFERENCE", entry.get("state").getAsString());
        assertTrue(entry.get("failure").isJsonNull());
        JsonObject ref = entry.getAsJsonArray("unsatisfiedReferences").get(0).getAsJsonObject();
        assertEquals("grid", ref.get("name").getAsString());
        assertEquals("org.microsmartgrid.api.meter.Meter", ref.get("interface").getAsString());
        assertEquals("(role=GRID)", ref.get("target").getAsString());
    }

    @Test
    void satisfiedAndActiveComponentsAreNotListedAndComponentFactoriesAreSkipped() {
        ComponentDescriptionDTO a = description("b.Active");
        ComponentDescriptionDTO s = description("a.Satisfied");
        ComponentDescriptionDTO f = description("c.Factory");
        f.factory = "some.factory";

        List<JsonObject> json = ComponentHealth.notActive(List.of(
                new ComponentHealth.Component(a, true, List.of(configuration(a, ComponentConfigurationDTO.ACTIVE))),
                new ComponentHealth.Component(s, true, List.of(configuration(s, ComponentConfigurationDTO.SATISFIED))),
                new ComponentHealth.Component(f, true, List.of())));

        assertTrue(json.isEmpty(), json.toString());
    }

    @Test
    void aComponentWithoutConfigurationAndADisabledOneAreListedByName() {
        ComponentDescriptionDTO waiting = description("z.NeedsConfig");
        ComponentDescriptionDTO disabled = description("a.Disabled");

        List<JsonObject> json = ComponentHealth.notActive(List.of(
                new ComponentHealth.Component(waiting, true, List.of()),
                new ComponentHealth.Component(disabled, false, List.of())));

        assertEquals(2, json.size());
        assertEquals("a.Disabled", json.get(0).get("name").getAsString());
        assertEquals("DISABLED", json.get(0).get("state").getAsString());
        assertEquals("UNSATISFIED_CONFIGURATION", json.get(1).get("state").getAsString());
    }

    @Test
    void healthIsOkWhileComponentsOnlyWaitForConfigurationButNotWhenOneFailed() {
        ComponentDescriptionDTO waiting = description("x.NeedsConfig");
        ComponentDescriptionDTO broken = description("y.Broken");
        ComponentConfigurationDTO failed = configuration(broken, ComponentConfigurationDTO.FAILED_ACTIVATION);
        List<BundleFacts> bundles = List.of(new BundleFacts(0, "org.apache.felix.framework", "7.0.5", 32, false));

        JsonObject ok = HealthSection.toJson(bundles, List.of(new ComponentHealth.Component(waiting, true, List.of())));
        JsonObject bad = HealthSection.toJson(bundles, List.of(new ComponentHealth.Component(broken, true, List.of(failed))));

        assertTrue(ok.get("ok").getAsBoolean());
        assertEquals(1, ok.getAsJsonObject("components").getAsJsonArray("notActive").size());
        assertFalse(bad.get("ok").getAsBoolean());
        assertEquals(1, bad.getAsJsonObject("components").get("count").getAsInt());
    }

    @Test
    void failureSummaryKeepsMessagesAndCutsVeryLongTexts() {
        assertNull(ComponentHealth.failureSummary(null));
        assertNull(ComponentHealth.failureSummary("  "));
        String longText = "x".repeat(5000);
        String summary = ComponentHealth.failureSummary(longText);
        assertEquals(ComponentHealth.MAX_FAILURE_CHARS + 1, summary.length());
        assertTrue(summary.endsWith("…"));
    }
}
