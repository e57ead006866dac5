package org.microsmartgrid.coap.ipso;

import java.util.Map;
import java.util.Optional;

/**
 * An LwM2M/IPSO object as OMA's definition file (DDF) describes it: its number, name, URN and resources.
 *
 * @param urn e.g. {@code urn:oma:lwm2m:ext:3305:1.1}, the resource type ({@code rt=}) generic tools look for
 */
public record ObjectModel(int id, String name, String urn, Map<Integer, ResourceModel> resources) {

    public ObjectModel {
        resources = Map.copyOf(resources);
    }

    /** A resource of this object, or an error naming it: our code only uses resources the definition has. */
    public ResourceModel resource(int resourceId) {
        return Optional.ofNullable(resources.get(resourceId)).orElseThrow(() -> new IllegalArgumentException(
                "object " + id + " (" + name + ") has no resource " + resourceId));
    }

    /**
     * One resource.
     *
     * @param operations R, W, RW or E
     * @param type       String, Integer, Float, Boolean, Time, ...
     * @param units      the unit as written in the definition, empty when none
     */
    public record ResourceModel(int id, String name, String operations, String type, String units) {

        public boolean readable() {
            return operations.contains("R");
        }

        public boolean writable() {
            return operations.contains("W");
        }
    }
}
