package org.microsmartgrid.status.health;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.microsmartgrid.api.health.HealthProblems;

import java.util.List;

/**
 * The "health" section. {@code ok} is true when every bundle that should be ACTIVE is, and no component failed to
 * activate or waits for a service; components waiting for a configuration do not count against it, because
 * factory components (one per meter, one per relay) legitimately have none until an installer creates one. The
 * parts of the module add what the runtime cannot know ({@code problems}: a refused configuration change, a dead
 * thread); any of them makes {@code ok} false — the signal a watchdog or a monitoring system should follow.
 */
public final class HealthSection {
    private HealthSection() {
    }

    public static JsonObject toJson(List<BundleFacts> bundles, List<ComponentHealth.Component> components) {
        return toJson(bundles, components, List.of());
    }

    /**
     * @param problems what the module's parts report beyond the OSGi runtime (a refused configuration change, a
     *                 thread that died): each one makes {@code ok} false
     */
    public static JsonObject toJson(List<BundleFacts> bundles, List<ComponentHealth.Component> components,
                                    List<HealthProblems.Problem> problems) {
        JsonObject componentsJson = ComponentHealth.toJson(components);
        boolean componentsOk = ComponentHealth.notActive(components).stream()
                .noneMatch(o -> ComponentHealth.isProblem(o.get("state").getAsString()));
        JsonObject json = new JsonObject();
        json.addProperty("ok", BundleHealth.allActive(bundles) && componentsOk && problems.isEmpty());
        json.add("bundles", BundleHealth.toJson(bundles));
        json.add("components", componentsJson);
        JsonArray list = new JsonArray();
        for (HealthProblems.Problem p : problems) {
            JsonObject o = new JsonObject();
            o.addProperty("subject", p.subject());
            o.addProperty("message", p.message());
            list.add(o);
        }
        json.add("problems", list);
        return json;
    }
}
