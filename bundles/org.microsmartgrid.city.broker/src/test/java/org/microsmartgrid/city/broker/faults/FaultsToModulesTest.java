package org.microsmartgrid.city.broker.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/** The people bundle's event as it posts it (FaultEvents): only a module's point has someone to tell. */
class FaultsToModulesTest {

    private static Map<String, Object> plainSocket() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fault.id", "f-1");
        p.put("location.id", "loc-1");
        p.put("kind", "DAMAGED");
        p.put("timestamp", 1_796_000_000_000L);
        p.put("monitored", false);
        return p;
    }

    @Test
    void aFaultOnAModulesPointBecomesARequestForThatModule() {
        Map<String, Object> p = plainSocket();
        p.put("monitored", true);
        p.put("module.account", "milano");
        p.put("module.client.id", "AA:BB:CC:00:00:01");
        Optional<FaultRequests.Fault> f = FaultsToModules.fault(new Event(FaultsToModules.TOPIC, p));
        assertEquals(Optional.of(new FaultRequests.Fault("f-1", "milano", "AA:BB:CC:00:00:01", "DAMAGED",
                1_796_000_000_000L)), f);
    }

    @Test
    void aPlainSocketHasNoModuleToTell() {
        assertTrue(FaultsToModules.fault(new Event(FaultsToModules.TOPIC, plainSocket())).isEmpty());
    }
}
