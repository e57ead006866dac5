package org.microsmartgrid.meter.modbus.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ids claimed by the running components of this bundle. Configuration Admin happily holds two meters with the same
 * meter.id; the second one must refuse to start instead of publishing a second "grid" meter.
 */
public final class IdRegistry {
    /** meter.id of the active ModbusMeter components. */
    public static final IdRegistry METERS = new IdRegistry("meter.id");
    /** bus.id of the active ModbusBus components. */
    public static final IdRegistry BUSES = new IdRegistry("bus.id");

    private final String property;
    private final Map<String, Object> owners = new ConcurrentHashMap<>();

    public IdRegistry(String property) {
        this.property = property;
    }

    /** Claims the id for the owner (idempotent for the same owner); throws when another owner holds it. */
    public void claim(String id, Object owner, String ownerPid) {
        Object previous = owners.putIfAbsent(id, owner);
        if (previous != null && previous != owner)
            throw new ConfigException(List.of(property + " = '" + id
                    + "' is already used by another active component; " + ownerPid + " needs a unique " + property));
    }

    /** Releases the id if this owner holds it. */
    public void release(String id, Object owner) {
        if (id != null) owners.remove(id, owner);
    }

    public boolean isClaimed(String id) {
        return owners.containsKey(id);
    }
}
