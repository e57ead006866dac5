package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The first seconds of the console, tried as a hostile neighbour would: a script asks for a console page with Felix's
 * well-known {@code admin}/{@code admin} from the moment the process starts. Felix's web console comes up before the
 * installer accounts' configuration has arrived (FileInstall starts last) and for a moment answers with only its
 * built-in provider; that provider must refuse every login then too, and once the installer's login is in place the
 * installer gets in. (CI met that moment: a test asked the console for its page right after the module published,
 * with the right password, and got 401 in realm "OSGi Management Console".)
 */
class ConsoleStartupIT {

    private static final String USER = "installer";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String OURS = "realm=\"Micro Smart Grid\"";

    @Test
    void fromTheFirstAnswerTheDefaultLoginNeverGetsInAndTheInstallerDoesOnceTheLoginIsReady() throws Exception {
        Path conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")),
                "I\"5020\"", "I\"" + ModuleProcess.freePort() + "\"");
        ModuleProcess.addInstaller(conf, USER, PASSWORD);
        try (ModuleProcess module = ModuleProcess.start("console-startup", conf, ModuleProcess.freePort())) {
            List<String> seen = new ArrayList<>(); // each change of answer, in order: "401 realm=...", "404", ...
            Instant end = Instant.now().plusSeconds(90);
            String answer = "";
            while (!answer.contains(OURS)) {
                assertTrue(Instant.now().isBefore(end), "the installer's login never came: " + seen + "\n" + module.logTail());
                answer = answerTo(module);
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(answer)) seen.add(answer);
                assertTrue(!answer.startsWith("200"), "admin/admin got in: " + seen + "\n" + module.logTail());
                Thread.sleep(5);
            }
            // the server answered before the installer's login was ready (Jetty's 404, then Felix's own realm):
            // the tries above covered the first seconds, not only the ready console
            assertTrue(seen.subList(0, seen.size() - 1).stream().anyMatch(a -> !a.equals("no answer")), seen.toString());
            // the default is refused by the installer's provider as well, and the installer gets in at once
            assertEquals(401, module.get("/system/console/bundles", "admin", "admin").statusCode());
            HttpResponse<String> installer = module.get("/system/console/bundles", USER, PASSWORD);
            assertEquals(200, installer.statusCode(), seen + " then " + installer.body());
            System.out.println("console answers from start to the installer's login: " + seen);
        }
    }

    /** The status and realm of one try with Felix's default login, or the connection's failure. */
    private static String answerTo(ModuleProcess module) throws InterruptedException {
        try {
            HttpResponse<String> r = module.get("/system/console/bundles", "admin", "admin");
            return r.statusCode() + " " + r.headers().firstValue("WWW-Authenticate").orElse("");
        } catch (IOException notListening) {
            return "no answer";
        }
    }
}
