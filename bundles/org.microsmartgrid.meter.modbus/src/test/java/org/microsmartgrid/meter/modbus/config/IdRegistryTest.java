package org.microsmartgrid.meter.modbus.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdRegistryTest {
    @Test
    void anIdHasOneOwnerUntilReleased() {
        IdRegistry registry = new IdRegistry("meter.id");
        Object first = new Object(), second = new Object();
        registry.claim("grid", first, "pid");
        registry.claim("grid", first, "pid");
        ConfigException e = assertThrows(ConfigException.class, () -> registry.claim("grid", second, "pid"));
        assertTrue(e.getMessage().contains("meter.id = 'grid' is already used"), e.getMessage());
        registry.release("grid", second);
        assertTrue(registry.isClaimed("grid"), "only the owner releases");
        registry.release("grid", first);
        assertFalse(registry.isClaimed("grid"));
        registry.claim("grid", second, "pid");
    }
}
