package org.microsmartgrid.status.commissioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.microsmartgrid.status.health.ComponentHealth;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/**
 * Whether a module is commissioned, step by step in the order of docs/configuration.md: a pure function of what the
 * framework shows. A module that is not commissioned is not healthy: it charges nobody, or (without a balancer) obeys
 * only manual commands, and an installer must see what is missing rather than a green "ok".
 */
public final class Commissioning {
    static final String INSTALLER = "org.microsmartgrid.console.InstallerAuthentication";
    static final String CHIP = "org.microsmartgrid.relay.gpio.GpioChip";
    static final String BUS = "org.microsmartgrid.meter.modbus.ModbusBus";

    private Commissioning() {}

    /** One step that is not done yet. */
    public record Missing(String step, String what, String doc) {}

    /**
     * @param activeComponents names of the DS components with at least one SATISFIED or ACTIVE configuration
     * @param relays           how many Relay services there are
     * @param gridMeters       how many Meter services have role GRID
     * @param loopRunning      whether the balancing loop is registered
     */
    public static List<Missing> missing(Set<String> activeComponents, int relays, int gridMeters, boolean loopRunning) {
        List<Missing> missing = new ArrayList<>();
        if (!activeComponents.contains(INSTALLER)) missing.add(new Missing("installer-account",
                "no installer account: the web console stays closed (create one with HashPassword, docs/console.md) / "
                        + "nessun account installatore", "console.md"));
        if (!activeComponents.contains(CHIP)) missing.add(new Missing("gpio-chip",
                "no GPIO chip: pick the board file from hardware/boards / nessun chip GPIO", "relays.md"));
        if (relays == 0) missing.add(new Missing("relays",
                "no socket relay configured / nessun relè configurato", "relays.md"));
        if (!activeComponents.contains(BUS)) missing.add(new Missing("modbus-bus",
                "no Modbus bus / nessun bus Modbus", "meters.md"));
        if (gridMeters == 0) missing.add(new Missing("grid-meter",
                "no meter with role GRID: the contract power cannot be protected / nessun contatore di scambio",
                "meters.md"));
        if (!loopRunning) missing.add(new Missing("balancer",
                "no balancer configuration: the module only measures and obeys manual commands / "
                        + "bilanciatore non configurato", "balancing.md"));
        return missing;
    }

    /** How many meters say they measure the grid connection. */
    public static int gridMeters(List<org.microsmartgrid.api.meter.Meter> meters) {
        int n = 0;
        for (org.microsmartgrid.api.meter.Meter m : meters) {
            try {
                if (m.role() == org.microsmartgrid.api.meter.MeterRole.GRID) n++;
            } catch (RuntimeException gone) {
                // a meter whose service went away while we read it
            }
        }
        return n;
    }

    /** Names of the components with at least one configuration SATISFIED or ACTIVE. */
    public static Set<String> active(List<ComponentHealth.Component> components) {
        Set<String> names = new java.util.HashSet<>();
        for (ComponentHealth.Component c : components) {
            for (ComponentConfigurationDTO conf : c.configurations()) {
                if (conf.state == ComponentConfigurationDTO.SATISFIED || conf.state == ComponentConfigurationDTO.ACTIVE)
                    names.add(c.description().name);
            }
        }
        return names;
    }

    public static JsonObject toJson(List<Missing> missing) {
        JsonObject json = new JsonObject();
        json.addProperty("complete", missing.isEmpty());
        JsonArray list = new JsonArray();
        for (Missing m : missing) {
            JsonObject o = new JsonObject();
            o.addProperty("step", m.step());
            o.addProperty("what", m.what());
            o.addProperty("doc", "docs/" + m.doc());
            list.add(o);
        }
        json.add("missing", list);
        return json;
    }
}
