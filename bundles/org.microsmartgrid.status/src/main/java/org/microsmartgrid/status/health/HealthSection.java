package org.microsmartgrid.status.health;

import com.google.gson.JsonObject;

import java.util.List;

/**
 * The "health" section. {@code ok} is true when every bundle that should be ACTIVE is, and no component failed to
 * activate or waits for a service; components waiting for a configuration do not count against it, because
 * factory components (one per meter, one per relay) legitimately have none until an installer creates one.
 */
public final class HealthSection {
    private HealthSection() {
    }

    public static JsonObject toJson(List<BundleFacts> bundles, List<ComponentHealth.Component> components) {
        JsonObject componentsJson = ComponentHealth.toJson(components);
        boolean componentsOk = ComponentHealth.notActive(components).stream()
                .noneMatch(o -> ComponentHealth.isProblem(o.get("state").getAsString()));
        JsonObject json = new JsonObject();
        json.addProperty("ok", BundleHealth.allActive(bundles) && componentsOk);
        json.add("bundles", BundleHealth.toJson(bundles));
        json.add("components", componentsJson);
        return json;
    }
}
