package org.microsmartgrid.status.health;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.Comparator;
import java.util.List;

/** Bundles: how many, and each one that should be ACTIVE but is not (INSTALLED usually means unresolved). */
public final class BundleHealth {
    private BundleHealth() {
    }

    public static boolean allActive(List<BundleFacts> bundles) {
        return bundles.stream().noneMatch(BundleFacts::needsAttention);
    }

    public static JsonObject toJson(List<BundleFacts> bundles) {
        JsonArray notActive = new JsonArray();
        bundles.stream().filter(BundleFacts::needsAttention).sorted(Comparator.comparingLong(BundleFacts::id))
                .forEach(b -> {
                    JsonObject json = new JsonObject();
                    json.addProperty("id", b.id());
                    json.addProperty("symbolicName", b.symbolicName());
                    json.addProperty("version", b.version());
                    json.addProperty("state", b.stateName());
                    notActive.add(json);
                });
        JsonObject json = new JsonObject();
        json.addProperty("count", bundles.size());
        json.addProperty("fragments", bundles.stream().filter(BundleFacts::fragment).count());
        json.add("notActive", notActive);
        return json;
    }
}
