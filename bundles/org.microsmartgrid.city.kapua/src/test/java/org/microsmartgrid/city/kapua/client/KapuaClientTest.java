package org.microsmartgrid.city.kapua.client;

import org.microsmartgrid.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.kapua.standin.KapuaStandIn;

/** The Kapua client against the stand-in, every request and answer checked against Kapua's OpenAPI documents. */
class KapuaClientTest {

    private static final String SCOPE = "AQ";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T08:00:00Z"));
    private KapuaStandIn kapua;

    @BeforeEach
    void start() throws Exception {
        kapua = new KapuaStandIn(clock);
        kapua.addUser("city-reader", "Reader-pw-2026!", SCOPE);
    }

    @AfterEach
    void stop() throws Exception {
        if (kapua == null) return; // skipped: Kapua's OpenAPI documents are not there
        kapua.close();
        assertEquals(List.of(), kapua.violations(), "requests or answers outside Kapua's OpenAPI documents");
    }

    private KapuaClient client(KapuaLogin login) {
        return new KapuaClient(kapua.apiUrl(), login, Duration.ofSeconds(5), clock);
    }

    @Test
    void readsEveryDeviceOverSeveralPages() throws Exception {
        for (int i = 1; i <= 7; i++)
            kapua.addDevice(SCOPE, "AA:BB:CC:00:00:0" + i, "Punto " + i, "CONNECTED", clock.instant());

        List<KapuaDevice> devices = KapuaDevice.list(client(KapuaLogin.user("city-reader", "Reader-pw-2026!")), "_", 3);

        assertEquals(7, devices.size());
        assertEquals(3, kapua.deviceListPages.get(), "pages of 3, 3 and 1");
        assertEquals("Punto 7", devices.get(6).displayName());
        assertEquals(KapuaDevice.Connection.CONNECTED, devices.get(0).connection());
        assertEquals(1, kapua.logins.get(), "one login for all pages");
    }

    @Test
    void refreshesTheTokenBeforeItExpires() throws Exception {
        kapua.addDevice(SCOPE, "AA:BB:CC:00:00:01", "Punto 1", "CONNECTED", clock.instant());
        KapuaClient c = client(KapuaLogin.user("city-reader", "Reader-pw-2026!"));
        KapuaDevice.list(c, "_", 50);

        clock.advance(Duration.ofMinutes(29).plusSeconds(30)); // 30 s before the 30-minute token expires
        assertEquals(1, KapuaDevice.list(c, "_", 50).size());

        assertEquals(1, kapua.logins.get());
        assertEquals(1, kapua.refreshes.get());
        assertEquals(0, kapua.unauthorized.get(), "no request left with a dying token");
    }

    @Test
    void anExpiredTokenAndRefreshTokenMeanANewLogin() throws Exception {
        kapua.addDevice(SCOPE, "AA:BB:CC:00:00:01", "Punto 1", "CONNECTED", clock.instant());
        KapuaClient c = client(KapuaLogin.user("city-reader", "Reader-pw-2026!"));
        KapuaDevice.list(c, "_", 50);

        clock.advance(Duration.ofHours(6)); // the refresh token (5 h) is gone too
        assertEquals(1, KapuaDevice.list(c, "_", 50).size());
        assertEquals(2, kapua.logins.get());
    }

    @Test
    void a401OnAValidLookingTokenLogsInAgainAndRetriesOnce() throws Exception {
        kapua.addDevice(SCOPE, "AA:BB:CC:00:00:01", "Punto 1", "CONNECTED", clock.instant());
        KapuaClient c = client(KapuaLogin.user("city-reader", "Reader-pw-2026!"));
        KapuaDevice.list(c, "_", 50);

        kapua.invalidateSessions(); // Kapua restarted: the token and its refresh token mean nothing now
        assertEquals(1, KapuaDevice.list(c, "_", 50).size());

        assertEquals(1, kapua.unauthorized.get());
        assertEquals(2, kapua.logins.get());
    }

    @Test
    void aWrongPasswordIsA401ThatNamesNoSecret() {
        KapuaException e = assertThrows(KapuaException.class,
                () -> KapuaDevice.list(client(KapuaLogin.user("city-reader", "Wrong-pw-2026!")), "_", 50));
        assertEquals(401, e.status());
        assertFalse(e.getMessage().contains("Wrong-pw-2026!"), e.getMessage());
    }

    @Test
    void logsInWithAnApiKey() throws Exception {
        kapua.addApiKey("MTIzNDU2NzhrYXB1YS1hcGkta2V5", "city-reader", SCOPE);
        kapua.addDevice(SCOPE, "AA:BB:CC:00:00:01", "Punto 1", "DISCONNECTED", clock.instant());
        List<KapuaDevice> d = KapuaDevice.list(client(KapuaLogin.apiKey("MTIzNDU2NzhrYXB1YS1hcGkta2V5")), "_", 50);
        assertEquals(KapuaDevice.Connection.DISCONNECTED, d.get(0).connection());
    }

    @Test
    void kapuaUnreachableIsAnExceptionSayingSo() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        KapuaClient c = new KapuaClient("http://127.0.0.1:" + closed + "/v1",
                KapuaLogin.user("city-reader", "Reader-pw-2026!"), Duration.ofSeconds(2), clock);
        KapuaException e = assertThrows(KapuaException.class, () -> KapuaDevice.list(c, "_", 50));
        assertTrue(e.unreachable(), e.getMessage());
        assertFalse(e.getMessage().contains("Reader-pw"), e.getMessage());
    }
}
