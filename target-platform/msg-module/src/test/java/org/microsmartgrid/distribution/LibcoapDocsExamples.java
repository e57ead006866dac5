package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/coap.md's libcoap examples, run as the docs write them with Debian 12's libcoap ({@code apt-get install
 * libcoap3-bin}; .ci/run installs it) against the exported module configured with the docs' example keys. Only the
 * documented address 192.168.1.20 becomes the test's loopback address and ports. What an integrator would check by
 * eye is asserted: discovery, values, the cap with units applied and removed, the pause seen by the observer, and
 * never libcoap's "cannot send" (4.3.1 exits 0 even when the DTLS handshake fails).
 */
final class LibcoapDocsExamples {

    private static final Path DOC = Path.of(System.getProperty("user.dir"), "..", "..", "docs", "coap.md");
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- coap-examples: begin -->\\s*```sh\\n(.*?)```\\s*<!-- coap-examples: end -->", Pattern.DOTALL);
    private static final Pattern KEYS = Pattern.compile("(?m)^psk\\.identities=\\[.*]$");

    private LibcoapDocsExamples() {
    }

    /** The psk.identities line of the docs' configuration example. */
    static String configuredKeys() throws IOException {
        Matcher m = KEYS.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        if (!m.find()) throw new AssertionError("no psk.identities example in " + DOC);
        return m.group();
    }

    static void run(int coapPort, int coapsPort, ModuleProcess module) throws Exception {
        for (String client : new String[]{"coap-client-notls", "coap-client-openssl"})
            if (new ProcessBuilder("sh", "-c", "command -v " + client).start().waitFor() != 0)
                throw new AssertionError(client + " is missing: apt-get install libcoap3-bin (see .ci/run)");
        Matcher m = BLOCK.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        assertTrue(m.find(), "the examples block in " + DOC);
        String script = m.group(1)
                .replace("coap://192.168.1.20/", "coap://127.0.0.1:" + coapPort + "/")
                .replace("coaps://192.168.1.20/", "coaps://127.0.0.1:" + coapsPort + "/");
        assertFalse(script.contains("192.168.1.20"), "every address in the examples is one the test can reach");
        Path dir = Files.createTempDirectory("coap-docs");
        Process p = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the examples did not finish");
        String context = "\n--- output of docs/coap.md's examples ---\n" + out + "\n--- module log ---\n" + module.logTail();
        assertEquals(0, p.exitValue(), context);
        assertFalse(out.contains("cannot send"), "libcoap could not talk to the module" + context);
        assertTrue(out.contains("</site>;"), "discovery lists /site" + context);
        assertTrue(out.contains("\"n\":\"grid\",\"u\":\"W\""), "the site in SenML JSON" + context);
        byte[] cbor = Files.readAllBytes(dir.resolve("socket3.cbor"));
        assertEquals(0x80, cbor[0] & 0xe0, "socket 3 in SenML CBOR: a definite-length array" + context);
        assertTrue(out.contains("\"n\":\"limit\",\"u\":\"W\",\"v\":3000.0"), "3 kW read back as 3000 W" + context);
        assertTrue(out.contains("\"vs\":\"DISABLED\""), "the observer saw socket 3 paused" + context);
        String log = module.logText();
        assertTrue(log.contains("grid import capped at 3000 W") && log.contains("by coap:bms-1"), "the cap applied" + context);
        assertTrue(log.contains("power cap removed by coap:bms-1"), "the cap removed" + context);
        assertTrue(log.contains("socket 3 disabled by coap:bms-1"), "the pause applied" + context);
        // libcoap ends no output with a newline: the number may follow the observer's last pack on its line
        assertTrue(Pattern.compile("(?m)(^|])-?\\d+(\\.\\d+)?($|\\[)").matcher(out).find(),
                "the grid's power as IPSO 3305/0/5800, plain text" + context);
        assertTrue(out.contains("\"bn\":\"/3305/13/\"") && out.contains("\"n\":\"5750\",\"vs\":\"socket 3\""),
                "socket 3's meter as IPSO 3305/13 in SenML" + context);
        assertTrue(log.contains("CoAP (IPSO 3306/3/5850): coap:bms-1 disabled socket 3")
                && log.contains("CoAP (IPSO 3306/3/5850): coap:bms-1 enabled socket 3"), "paused and resumed through IPSO" + context);
    }
}
