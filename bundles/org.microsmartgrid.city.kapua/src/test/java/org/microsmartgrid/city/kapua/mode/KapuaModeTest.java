package org.microsmartgrid.city.kapua.mode;

import org.microsmartgrid.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.kapua.client.KapuaException;
import org.microsmartgrid.city.kapua.standin.KapuaStandIn;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.registry.store.JdbcRegistry;
import org.microsmartgrid.city.registry.store.TestDatabases;
import org.microsmartgrid.testing.ComponentConfigs;

/** Kapua mode: the registry shows what Kapua knows, and keeps it while Kapua is down. */
class KapuaModeTest {

    private static final String MILANO = "Ag"; // milano's compact id in the stand-in
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final Registry registry = new JdbcRegistry(TestDatabases.fresh(), l -> { });
    private KapuaStandIn kapua;
    private KapuaMode mode;

    @BeforeEach
    void start() throws Exception {
        kapua = new KapuaStandIn(clock);
        kapua.addUser("city-reader", "Reader-pw-2026!", MILANO);
        mode = new KapuaMode(registry, clock);
        mode.activate(ComponentConfigs.of(KapuaModeConfig.class, Map.of("api.url", kapua.apiUrl(), "account", "milano",
                "username", "city-reader", "password", "Reader-pw-2026!", "poll.interval.s", 3600, "page.size", 2)));
    }

    @AfterEach
    void stop() throws Exception {
        if (kapua == null) return; // skipped: Kapua's OpenAPI documents are not there
        mode.deactivate();
        kapua.close();
        assertEquals(List.of(), kapua.violations());
    }

    private Location module(String clientId) {
        return registry.locationOfModule("milano", clientId).orElseThrow(() -> new AssertionError(clientId + " unknown"));
    }

    @Test
    void modulesKapuaHasConnectedAreOnlineAndTheOthersOffline() throws Exception {
        Instant t0 = clock.instant().minusSeconds(600);
        kapua.addDevice(MILANO, "AA:BB:CC:00:00:01", "Scuola Pascoli", "CONNECTED", t0);
        kapua.addDevice(MILANO, "AA:BB:CC:00:00:02", "Condominio Viale Monza", "CONNECTED", t0);
        kapua.addDevice(MILANO, "AA:BB:CC:00:00:03", "Mai connesso", null, t0);

        DeviceSync.Result r = mode.syncOnce();
        assertEquals(2, r.born());
        assertTrue(module("AA:BB:CC:00:00:01").module().online());
        assertEquals("Scuola Pascoli", module("AA:BB:CC:00:00:01").name());
        assertTrue(registry.locationOfModule("milano", "AA:BB:CC:00:00:03").isEmpty(), "never connected: not shown");

        clock.advance(Duration.ofMinutes(1));
        kapua.setConnection(MILANO, "AA:BB:CC:00:00:02", "MISSING", clock.instant());
        r = mode.syncOnce();
        assertEquals(1, r.wentOffline());
        assertFalse(module("AA:BB:CC:00:00:02").module().online());
        assertTrue(module("AA:BB:CC:00:00:01").module().online());

        assertEquals(0, mode.syncOnce().born() + mode.syncOnce().wentOffline(), "the same list changes nothing");

        clock.advance(Duration.ofMinutes(1));
        kapua.setConnection(MILANO, "AA:BB:CC:00:00:02", "CONNECTED", clock.instant());
        mode.syncOnce();
        assertTrue(module("AA:BB:CC:00:00:02").module().online(), "back online when Kapua says so");
    }

    @Test
    void kapuaDownKeepsTheLastKnownListWithItsAge() throws Exception {
        kapua.addDevice(MILANO, "AA:BB:CC:00:00:01", "Scuola Pascoli", "CONNECTED", clock.instant());
        mode.syncOnce();
        Instant read = clock.instant();

        kapua.close();
        clock.advance(Duration.ofMinutes(5));
        KapuaException e = assertThrows(KapuaException.class, mode::syncOnce);
        assertTrue(e.unreachable(), e.getMessage());

        LastKnownDevices last = mode.lastKnown();
        assertEquals(1, last.devices().size());
        assertEquals(read, last.fetchedAt());
        assertEquals(Duration.ofMinutes(5), last.age(clock.instant()));
        assertNotNull(last.lastError());
        assertTrue(module("AA:BB:CC:00:00:01").module().online(), "the registry keeps what it had");
    }

    @Test
    void aBadConfigurationIsRefusedWithAClearMessage() {
        KapuaMode m = new KapuaMode(registry, clock);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.activate(ComponentConfigs.of(
                KapuaModeConfig.class, Map.of("api.url", kapua.apiUrl(), "account", "milano"))));
        assertTrue(e.getMessage().contains("API key"), e.getMessage());
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class, () -> m.activate(ComponentConfigs.of(
                KapuaModeConfig.class, Map.of("api.url", "kapua.example.org:8081", "account", "milano", "api.key",
                        "MTIzNDU2Nzg="))));
        assertTrue(url.getMessage().contains("http(s)://host:port/v1"), url.getMessage());
    }
}
