package org.microsmartgrid.city.kapua.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * A Kapua (or something in its place) that misbehaves: every case ends in a KapuaException saying what happened,
 * within the client's timeout, and never in a hang or an out-of-memory.
 */
class HostileKapuaTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private KapuaClient client(int port, int maxBytes) {
        return new KapuaClient("http://127.0.0.1:" + port + "/v1", KapuaLogin.user("city-reader", "Reader-pw-2026!"),
                Duration.ofSeconds(1), Clock.systemUTC(), maxBytes);
    }

    /** Answers every request with this status, content and body. */
    private int server(int status, String body) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        s.start();
        open.add(() -> s.stop(0));
        return s.getAddress().getPort();
    }

    @Test
    void anAnswerThatIsNotJsonIsAnError() throws Exception {
        KapuaException e = assertThrows(KapuaException.class,
                () -> client(server(200, "<html>proxy error</html>"), 1 << 20).get("_/devices", java.util.Map.of()));
        assertEquals(502, e.status());
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }

    @Test
    void anOversizedAnswerIsRefusedNotRead() throws Exception {
        KapuaException e = assertThrows(KapuaException.class,
                () -> client(server(200, "{\"x\":\"" + "a".repeat(5000) + "\"}"), 1000).get("_/devices", java.util.Map.of()));
        assertTrue(e.getMessage().contains("larger than 1000 bytes"), e.getMessage());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        open.add(s);
        List<Socket> accepted = new ArrayList<>();
        Thread t = new Thread(() -> {
            try {
                while (true) accepted.add(s.accept()); // accepted, never answered
            } catch (Exception ignored) {
                // closed at the end of the test
            }
        });
        t.setDaemon(true);
        t.start();
        KapuaException e = assertThrows(KapuaException.class, () -> client(s.getLocalPort(), 1 << 20)
                .get("_/devices", java.util.Map.of()));
        assertTrue(e.unreachable(), e.getMessage());
        for (Socket a : accepted) a.close();
    }

    @Test
    void aBodyThatNeverEndsTimesOut() throws Exception {
        ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        open.add(s);
        Thread t = new Thread(() -> {
            try (Socket a = s.accept()) {
                a.getInputStream().read(new byte[4096]);
                OutputStream o = a.getOutputStream();
                o.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"")
                        .getBytes(StandardCharsets.US_ASCII));
                o.flush();
                Thread.sleep(30_000); // headers, a byte, then nothing
            } catch (Exception ignored) {
                // the client gave up
            }
        });
        t.setDaemon(true);
        t.start();
        KapuaException e = assertThrows(KapuaException.class, () -> client(s.getLocalPort(), 1 << 20)
                .get("_/devices", java.util.Map.of()));
        assertTrue(e.getMessage().contains("did not end"), e.getMessage());
    }
}
