package org.microsmartgrid.building.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.building.AlarmEvent;
import org.microsmartgrid.building.notify.mail.SmtpSender;
import org.microsmartgrid.testing.ComponentConfigs;
import org.microsmartgrid.testing.Waits;

/** The component against a real SMTP server (GreenMail on loopback), as the module sends on a building's network. */
class AlarmMailServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private GreenMail smtp;
    private AlarmMailService service;

    @AfterEach
    void stop() {
        if (service != null) service.deactivate();
        if (smtp != null) smtp.stop();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private GreenMail startSmtp(int port) {
        GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        g.start();
        return g;
    }

    private AlarmMailService start(int port, Map<String, Object> more) {
        Map<String, Object> c = new HashMap<>(Map.of("smtp.host", "127.0.0.1", "smtp.port", port,
                "smtp.starttls", false, "from", "modulo@example.org",
                "to", "amministratore@example.org, portineria@example.org", "site.name", "Condominio via Larga 12"));
        c.putAll(more);
        AlarmMailService s = new AlarmMailService(java.time.Clock.systemUTC(), new SmtpSender());
        s.activate(dir.resolve("alarm-mail-outbox.json"), ComponentConfigs.of(AlarmMailConfig.class, c));
        return s;
    }

    private static void await(String what, BooleanSupplier condition) {
        Waits.until(what, WAIT, condition::getAsBoolean);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAlarmReachesEveryContactInItalianAndEnglish() throws Exception {
        int port = freePort();
        smtp = startSmtp(port);
        service = start(port, Map.of());
        service.alarm(new AlarmEvent(Instant.parse("2026-12-07T21:15:00Z"), "portone", "DOOR_LEFT_OPEN", true,
                "aperta da 120 s"));

        await("the mail to both contacts", () -> smtp.getReceivedMessages().length == 2);
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("[Condominio via Larga 12] Allarme: porta lasciata aperta — portone / Alarm: door left open",
                m.getSubject());
        assertEquals(List.of("amministratore@example.org", "portineria@example.org"),
                Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList());
        String body = GreenMailUtil.getBody(m);
        assertTrue(body.contains("Quando: 07/12/2026 22:15:00 (ora italiana)"), body);
        assertTrue(body.contains("When: 07/12/2026 22:15:00 (Italian time)"), body);
        await("an empty outbox", () -> service.outbox().entries().isEmpty());
    }

    @Test
    void whileTheMailServerIsDownTheAlarmWaitsAndSurvivesARestart() throws Exception {
        int port = freePort();
        service = start(port, Map.of());
        service.alarm(new AlarmEvent(Instant.now(), "cantina", "FLOOD", true, null));
        await("a failed attempt", () -> !service.outbox().entries().isEmpty()
                && service.outbox().entries().get(0).attempts() >= 1);
        service.deactivate();

        smtp = startSmtp(port);
        service = start(port, Map.of());
        await("the kept mail", () -> smtp.getReceivedMessages().length == 2);
        assertTrue(smtp.getReceivedMessages()[0].getSubject().contains("Allarme: allagamento — cantina"));
        await("an empty outbox", () -> service.outbox().entries().isEmpty());
        // a later alarm goes through the same mail thread, which sends whatever is due, oldest first: once its mail
        // is in, a second copy of the kept one would be in too
        service.alarm(new AlarmEvent(Instant.now(), "scale", "SMOKE", true, null));
        await("the later alarm's mail", () -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).contains("fumo")).count() == 2);
        assertEquals(2, Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains("allagamento")).count(),
                "sent once to each contact, not again");
    }

    @Test
    void onlyTheChosenTypesAndNoClearsWhenNotWanted() throws Exception {
        int port = freePort();
        smtp = startSmtp(port);
        service = start(port, Map.of("types", "SMOKE", "notify.cleared", false, "to", "a@example.org"));
        service.alarm(new AlarmEvent(Instant.now(), "corridoio", "PIR", true, null));
        service.alarm(new AlarmEvent(Instant.now(), "scale", "SMOKE", false, null));
        service.alarm(new AlarmEvent(Instant.now(), "scale", "SMOKE", true, null));
        await("the smoke alarm", () -> smtp.getReceivedMessages().length >= 1);
        await("an empty outbox", () -> service.outbox().entries().isEmpty());
        assertEquals(1, smtp.getReceivedMessages().length, "neither the PIR nor the clear");
        assertTrue(smtp.getReceivedMessages()[0].getSubject().contains("Allarme: fumo — scale"));
    }

    @Test
    void aBadConfigurationIsRefusedWholeAndTheRunningOneStays() throws Exception {
        int port = freePort();
        smtp = startSmtp(port);
        service = start(port, Map.of("to", "a@example.org"));
        Map<String, Object> bad = new HashMap<>(Map.of("smtp.host", "127.0.0.1", "smtp.port", port,
                "smtp.starttls", false, "from", "modulo@example.org", "to", "not-an-address"));
        assertThrows(IllegalArgumentException.class, () -> service.modified(ComponentConfigs.of(AlarmMailConfig.class, bad)));
        service.alarm(new AlarmEvent(Instant.now(), "quadro", "TAMPER", true, null));
        await("the mail to the contact of the running configuration", () -> smtp.getReceivedMessages().length == 1);
        assertEquals("a@example.org", smtp.getReceivedMessages()[0].getRecipients(Message.RecipientType.TO)[0].toString());
    }
}
