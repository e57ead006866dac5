package org.microsmartgrid.city.ocpi;

import org.microsmartgrid.testing.JettyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.ocpi.auth.PartnerToken;
import org.microsmartgrid.city.ocpi.mapping.OcpiTime;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.ModuleBirth;
import org.microsmartgrid.city.registry.SocketUpdate;
import org.microsmartgrid.city.registry.store.JdbcRegistry;
import org.microsmartgrid.city.registry.store.TestDatabases;

/**
 * Not a test (not run by CI: the name does not end in Test): how long a partner waits for a page of Locations when
 * the registry holds N points (docs/ocpi.md, "Known limit"). Run with
 * {@code mvn -B -ntp -o verify -pl bundles/org.microsmartgrid.city.ocpi -am -Dtest=OcpiListBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Docpi.bench.points=10000}.
 */
class OcpiListBench {

    @Test
    void pageTimes() throws Exception {
        int n = Integer.getInteger("ocpi.bench.points", 10_000);
        JdbcRegistry registry = new JdbcRegistry(TestDatabases.fresh(), null);
        long t0 = 1_760_000_000_000L;
        for (int i = 0; i < n; i++) {
            registry.moduleBirth(new ModuleBirth("milano", "m" + i, "Punto " + i, "SN", "0.1", 45.4 + i * 1e-6,
                    9.1 + i * 1e-6, 2, t0 + i));
            registry.socketStatus(new SocketUpdate("milano", "m" + i, 1, EvseStatus.AVAILABLE, 0.0, t0 + i + 1));
        }
        PartnerToken.Issued p = PartnerToken.issue("bench", new SecureRandom());
        Settings s = Settings.of("MSG", "Milano", "", new String[] {p.partnerToken().format()}, "", 100, new ArrayList<>());
        HttpClient http = HttpClient.newHttpClient();
        try (JettyServer server = new JettyServer(new OcpiServlet(registry, s, Clock.systemUTC()), "/ocpi/*")) {
            String recent = OcpiTime.format(t0 + n - 50);
            for (String q : List.of("?limit=100", "?offset=" + (n / 2) + "&limit=100", "?date_from=" + recent)) {
                long[] ms = new long[15];
                for (int r = 0; r < ms.length; r++) {
                    long start = System.nanoTime();
                    HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(server.base()
                            + "/ocpi/2.2.1/locations" + q)).header("Authorization", p.authorizationHeader()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    ms[r] = (System.nanoTime() - start) / 1_000_000;
                    if (resp.statusCode() != 200) throw new AssertionError(resp.body());
                }
                Arrays.sort(ms);
                System.out.printf("OCPI bench: %d points, GET locations%s: p50 %d ms, max %d ms%n", n, q,
                        ms[ms.length / 2], ms[ms.length - 1]);
            }
        }
    }
}
