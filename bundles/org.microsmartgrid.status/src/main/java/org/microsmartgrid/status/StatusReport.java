package org.microsmartgrid.status;

import org.microsmartgrid.api.site.SiteReader;
import org.microsmartgrid.api.site.SiteView;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.health.HealthProblems;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.status.commissioning.Commissioning;
import org.microsmartgrid.status.health.BundleFacts;
import org.microsmartgrid.status.health.ComponentHealth;
import org.microsmartgrid.status.health.HealthSection;

import java.time.Instant;
import java.util.List;

/** The whole status document, from plain inputs: the servlet collects them, this puts them together. */
public final class StatusReport {
    /** Bumped when a field changes meaning or disappears; new fields do not bump it. */
    public static final int SCHEMA = 1;

    private StatusReport() {
    }

    /** @param loop the control loop's status service, or null when none is registered */
    public static JsonObject build(Instant now, ModuleSection module, List<Meter> meters, List<Relay> relays,
                                   ControlLoopStatus loop, List<BundleFacts> bundles,
                                   List<ComponentHealth.Component> components) {
        return build(now, module, meters, relays, loop, null, bundles, components);
    }

    /** @param sessions the charging sessions service, or null when none is registered */
    public static JsonObject build(Instant now, ModuleSection module, List<Meter> meters, List<Relay> relays,
                                   ControlLoopStatus loop, ChargingSessions sessions, List<BundleFacts> bundles,
                                   List<ComponentHealth.Component> components) {
        return build(now, module, meters, relays, loop, sessions, bundles, components, List.of());
    }

    /** @param problems what the module's parts report (configuration refusals, dead threads) */
    public static JsonObject build(Instant now, ModuleSection module, List<Meter> meters, List<Relay> relays,
                                   ControlLoopStatus loop, ChargingSessions sessions, List<BundleFacts> bundles,
                                   List<ComponentHealth.Component> components, List<HealthProblems.Problem> problems) {
        return build(now, module, SiteReader.read(now, meters, relays, loop, sessions, null), sessions, bundles,
                components, problems);
    }

    /**
     * @param site     the site as every reader shows it (the loop's view of its last cycle, see {@link SiteReader})
     * @param sessions the charging sessions service (its trips; null: no sessions service, "sessions" is null)
     */
    public static JsonObject build(Instant now, ModuleSection module, SiteView site, ChargingSessions sessions,
                                   List<BundleFacts> bundles, List<ComponentHealth.Component> components,
                                   List<HealthProblems.Problem> problems) {
        JsonObject json = new JsonObject();
        json.addProperty("schema", SCHEMA);
        json.add("generatedAt", Json.time(now));
        json.add("module", module.toJson(now));
        json.add("meters", MeterSection.fromReadings(site.meters()));
        json.add("relays", RelaySection.fromStates(site.relays()));
        json.add("loop", site.decision().<JsonElement>map(LoopSection::toJson).orElse(JsonNull.INSTANCE));
        json.add("sessions", sessions == null ? JsonNull.INSTANCE : SessionSection.fromOpen(site.sessions().values()));
        json.add("trips", TripSection.toJson(sessions));
        json.add("health", HealthSection.toJson(bundles, components, problems));
        return json;
    }

    /**
     * Adds the "commissioning" section and makes {@code health.ok} false until the module is commissioned: a module
     * that charges nobody, or obeys only manual commands, is not a healthy one.
     */
    public static void addCommissioning(JsonObject report, List<Commissioning.Missing> missing) {
        report.add("commissioning", Commissioning.toJson(missing));
        JsonObject health = report.getAsJsonObject("health");
        health.addProperty("commissioned", missing.isEmpty());
        health.addProperty("ok", health.get("ok").getAsBoolean() && missing.isEmpty());
    }
}
