package org.microsmartgrid.grid.balancer.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.testing.ComponentConfigs;

import com.sun.net.httpserver.HttpServer;

/** The price source: a file or a real HTTP feed on loopback; failures keep what was loaded and say why. */
class HourlyPricesTest {

    private static final Instant HOUR = Instant.parse("2026-12-07T17:00:00Z");
    private static final String GOOD = "hour,eur_mwh\n2026-12-07T18:00+01:00,180.5\n";

    @TempDir
    Path dir;
    private HourlyPrices prices;
    private HttpServer server;

    @AfterEach
    void stop() {
        if (prices != null) prices.deactivate();
        if (server != null) server.stop(0);
    }

    @Test
    void aFileLoadsAndAMissingOrNonsenseFileChangesNothing() throws IOException {
        Path file = dir.resolve("pun.csv");
        prices = started(config("price.file", file.toString()));
        prices.load();
        assertTrue(prices.state().prices().isEmpty());
        assertTrue(prices.state().problem().contains("is missing"), prices.state().problem());

        Files.writeString(file, GOOD);
        prices.load();
        assertEquals(180.5, prices.state().prices().priceAt(HOUR).getAsDouble(), 1e-9);
        assertNull(prices.state().problem());
        assertNotNull(prices.state().loadedAt());

        Files.writeString(file, "2026-12-07T18:00+01:00,-40\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        prices.load();
        assertEquals(180.5, prices.state().prices().priceAt(HOUR).getAsDouble(), 1e-9, "the good prices stay");
        assertTrue(prices.state().problem().contains("negative price"), prices.state().problem());
    }

    @Test
    void aTooLargeFileIsRefusedUnread() throws IOException {
        Path file = dir.resolve("big.csv");
        Files.writeString(file, GOOD + "#".repeat(2048));
        prices = started(config("price.file", file.toString(), "max.kib", 1));
        prices.load();
        assertTrue(prices.state().problem().contains("more than the 1024 bytes"), prices.state().problem());
    }

    @Test
    void aFeedOverRealHttpLoadsAndAFailingFeedKeepsThePrices() throws IOException {
        AtomicReference<Integer> status = new AtomicReference<>(200);
        AtomicReference<String> body = new AtomicReference<>(GOOD);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/pun.csv", ex -> {
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status.get(), b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/pun.csv";
        prices = started(config("price.url", url));
        prices.load();
        assertEquals(180.5, prices.state().prices().priceAt(HOUR).getAsDouble(), 1e-9);

        status.set(503);
        prices.load();
        assertTrue(prices.state().problem().contains("HTTP 503"), prices.state().problem());
        assertEquals(180.5, prices.state().prices().priceAt(HOUR).getAsDouble(), 1e-9);

        status.set(200);
        body.set("<html>maintenance</html>");
        prices.load();
        assertTrue(prices.state().problem().contains("line 1"), prices.state().problem());

        body.set("2026-12-07T18:00+01:00,1" + "0".repeat(2000));
        prices = restarted(config("price.url", url, "max.kib", 1));
        prices.load();
        assertTrue(prices.state().problem().contains("more than the 1024 bytes"), prices.state().problem());
    }

    @Test
    void aBadConfigurationIsRefusedNamingTheProperty() {
        assertThrows(IllegalArgumentException.class, () -> HourlyPrices.validate(config()), "neither file nor url");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HourlyPrices.validate(config("price.url", "ftp://x/pun.csv", "poll.minutes", 0)));
        assertTrue(e.getMessage().contains("price.url") && e.getMessage().contains("poll.minutes"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> HourlyPrices.validate(config("price.file", "/a", "price.url", "http://h/p")));
    }

    @Test
    void aRefusedChangeKeepsTheSourceInUse() throws IOException {
        Path file = dir.resolve("pun.csv");
        Files.writeString(file, GOOD);
        prices = started(config("price.file", file.toString()));
        prices.modified(config("price.file", file.toString(), "timeout.s", 99));
        prices.load();
        assertEquals(180.5, prices.state().prices().priceAt(HOUR).getAsDouble(), 1e-9);
    }

    private HourlyPrices restarted(PricesConfig c) {
        prices.deactivate();
        return started(c);
    }

    private static HourlyPrices started(PricesConfig c) {
        HourlyPrices p = new HourlyPrices();
        p.activate(c);
        return p;
    }

    private static PricesConfig config(Object... properties) {
        return ComponentConfigs.of(PricesConfig.class, properties);
    }
}
