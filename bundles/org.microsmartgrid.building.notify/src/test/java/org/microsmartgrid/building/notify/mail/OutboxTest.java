package org.microsmartgrid.building.notify.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    private static final Instant T0 = Instant.parse("2026-12-07T22:00:00Z");

    @TempDir
    Path dir;

    private static AlarmText.Mail mail(String subject) {
        return new AlarmText.Mail(subject, "corpo / body", T0);
    }

    @Test
    void aMailNotSentIsStillThereAfterARestartAndIsRetriedLessAndLessOften() {
        Path file = dir.resolve("outbox.json");
        Outbox o = new Outbox(file);
        o.add(mail("Allarme: fumo — cantina"), T0);
        Outbox.Entry first = o.due(T0).orElseThrow();
        o.failed(first, T0);
        assertTrue(o.due(T0.plusSeconds(29)).isEmpty(), "first retry after 30 s");
        Outbox.Entry second = o.due(T0.plusSeconds(30)).orElseThrow();
        o.failed(second, T0.plusSeconds(30));
        assertTrue(o.due(T0.plusSeconds(89)).isEmpty(), "then after 60 s");

        Outbox reopened = new Outbox(file);
        Outbox.Entry kept = reopened.due(T0.plusSeconds(90)).orElseThrow();
        assertEquals("Allarme: fumo — cantina", kept.subject(), "Italian text survives the file");
        assertEquals(2, kept.attempts());
        reopened.sent(kept);
        assertTrue(new Outbox(file).entries().isEmpty(), "sent: gone for good");
    }

    @Test
    void retriesLevelOffAtHalfAnHour() {
        Outbox o = new Outbox(dir.resolve("outbox.json"));
        o.add(mail("x"), T0);
        Instant now = T0;
        for (int i = 0; i < 12; i++) {
            Outbox.Entry e = o.due(now).orElseThrow();
            o.failed(e, now);
            now = o.entries().get(0).due();
        }
        Outbox.Entry e = o.entries().get(0);
        Instant before = e.due();
        o.failed(e, before);
        assertEquals(Duration.ofMinutes(30), Duration.between(before, o.entries().get(0).due()));
    }

    @Test
    void aBrokenFileIsSetAsideAndTheOutboxStartsEmpty() throws Exception {
        Path file = dir.resolve("outbox.json");
        Files.writeString(file, "[{\"id\": \"1\", \"subject\": ");
        Outbox o = new Outbox(file);
        assertTrue(o.entries().isEmpty());
        assertTrue(Files.exists(dir.resolve("outbox.json.broken")), "kept for the installer to look at");
        o.add(mail("nuovo"), T0);
        assertEquals(1, new Outbox(file).entries().size());
    }

    @Test
    void mailsOlderThanTwoDaysOrBeyondTwoHundredAreDropped() {
        Outbox o = new Outbox(dir.resolve("outbox.json"));
        o.add(mail("vecchio"), T0);
        o.add(mail("recente"), T0.plus(Duration.ofHours(47)));
        assertEquals("recente", o.due(T0.plus(Duration.ofHours(49))).orElseThrow().subject());
        for (int i = 0; i < Outbox.MAX + 5; i++) o.add(mail("m" + i), T0.plus(Duration.ofHours(48)));
        assertEquals(Outbox.MAX, o.entries().size());
        assertEquals("m5", o.entries().get(0).subject(), "the oldest went first");
    }
}
