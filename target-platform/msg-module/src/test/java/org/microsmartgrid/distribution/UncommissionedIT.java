package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * A module started from an empty configuration directory, as an electrician meets it: it must not look healthy, it
 * must say what is missing in the documented order, and its log must say where the console is and why it is closed.
 */
class UncommissionedIT {

    @Test
    void anEmptyModuleSaysWhatIsMissingAndIsNotOk() throws Exception {
        Path conf = Files.createTempDirectory("msg-conf-empty");
        try (ModuleProcess module = ModuleProcess.start("uncommissioned", conf, ModuleProcess.freePort())) {
            JsonObject status = module.awaitStatus("the status page", Duration.ofSeconds(60), s -> s.has("commissioning"));
            JsonObject commissioning = status.getAsJsonObject("commissioning");
            assertFalse(commissioning.get("complete").getAsBoolean(), commissioning.toString());
            assertEquals("installer-account", commissioning.getAsJsonArray("missing").get(0).getAsJsonObject()
                    .get("step").getAsString(), "the first step of docs/configuration.md comes first");
            assertEquals(6, commissioning.getAsJsonArray("missing").size(), commissioning.toString());
            assertFalse(status.getAsJsonObject("health").get("ok").getAsBoolean(), "not commissioned is not ok");
            assertFalse(status.getAsJsonObject("health").get("commissioned").getAsBoolean());

            Instant end = Instant.now().plusSeconds(60);
            while (!module.logText().contains("NOT commissioned") && Instant.now().isBefore(end)) Thread.sleep(500);
            String log = module.logText();
            assertTrue(log.contains("NOT commissioned"), "the log says it:\n" + module.logTail());
            assertTrue(log.contains("http://localhost:" + module.httpPort + "/system/console")
                    || log.contains("127.0.0.1:" + module.httpPort + "/system/console"),
                    "and where the console is:\n" + module.logTail());
            assertTrue(log.contains("installer account"), "and that it needs an installer account");
        }
    }
}
