package org.microsmartgrid.status.health;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleHealthTest {

    @Test
    void bundlesThatShouldRunButDoNotAreListedWithTheirStateAndFragmentsAreNot() {
        List<BundleFacts> bundles = List.of(
                new BundleFacts(0, "org.apache.felix.framework", "7.0.5", Bundle.ACTIVE, false),
                new BundleFacts(7, "org.microsmartgrid.relay.gpio", "0.1.0", Bundle.INSTALLED, false),
                new BundleFacts(3, "org.apache.aries.spifly.dynamic.framework.extension", "1.3.7", Bundle.RESOLVED, true),
                new BundleFacts(5, "org.microsmartgrid.status", "0.1.0", Bundle.RESOLVED, false));

        JsonObject json = BundleHealth.toJson(bundles);

        assertEquals(4, json.get("count").getAsInt());
        assertEquals(1, json.get("fragments").getAsInt());
        JsonArray notActive = json.getAsJsonArray("notActive");
        assertEquals(2, notActive.size());
        JsonObject first = notActive.get(0).getAsJsonObject();
        assertEquals(5, first.get("id").getAsLong());
        assertEquals("org.microsmartgrid.status", first.get("symbolicName").getAsString());
        assertEquals("RESOLVED", first.get("state").getAsString());
        assertEquals("INSTALLED", notActive.get(1).getAsJsonObject().get("state").getAsString());
        assertFalse(BundleHealth.allActive(bundles));
    }

    @Test
    void allActiveWhenOnlyFragmentsAreNot() {
        assertTrue(BundleHealth.allActive(List.of(
                new BundleFacts(0, "fw", "1", Bundle.ACTIVE, false),
                new BundleFacts(1, "frag", "1", Bundle.RESOLVED, true))));
    }

    @Test
    void aLazyBundleWaitingForItsFirstUseIsFineButNotALazyOneThatFailedToStart() {
        assertTrue(BundleHealth.allActive(List.of(
                new BundleFacts(0, "fw", "1", Bundle.ACTIVE, false),
                new BundleFacts(9, "org.eclipse.paho.client.mqttv3", "1.2.5", Bundle.STARTING, false, true))));
        assertFalse(BundleHealth.allActive(List.of(
                new BundleFacts(9, "org.eclipse.paho.client.mqttv3", "1.2.5", Bundle.RESOLVED, false, true))));
        assertFalse(BundleHealth.allActive(List.of(
                new BundleFacts(9, "eager", "1", Bundle.STARTING, false, false))), "an eager bundle stuck starting");
    }
}
