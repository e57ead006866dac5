package org.microsmartgrid.building.notify.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.microsmartgrid.api.building.AlarmEvent;

/**
 * The words of an alarm mail, Italian first and English below: the contact may be either. Times in Italian time.
 * Never a code or a person: an alarm event carries neither.
 */
public final class AlarmText {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    /** Italian and English names of each alarm type. */
    private static final Map<String, String[]> NAMES = Map.of(
            "DOOR_LEFT_OPEN", new String[] {"porta lasciata aperta", "door left open"},
            "DOOR_FORCED", new String[] {"porta forzata", "door forced"},
            "CONTACT", new String[] {"contatto aperto (impianto inserito)", "contact opened (armed)"},
            "PIR", new String[] {"movimento rilevato (impianto inserito)", "motion detected (armed)"},
            "TAMPER", new String[] {"manomissione", "tamper"},
            "SMOKE", new String[] {"fumo", "smoke"},
            "FLOOD", new String[] {"allagamento", "flood"});

    private AlarmText() {
    }

    /**
     * @param repeats raises of the same source held back by the quiet time since the previous mail (0: none)
     */
    public static Mail of(AlarmEvent e, String site, int repeats) {
        String[] name = NAMES.getOrDefault(e.type(), new String[] {e.type(), e.type()});
        String source = e.source() == null ? "?" : e.source();
        String subject = e.active()
                ? "[" + site + "] Allarme: " + name[0] + " — " + source + " / Alarm: " + name[1]
                : "[" + site + "] Fine allarme: " + name[0] + " — " + source + " / Alarm cleared: " + name[1];
        String when = WHEN.format(e.at().atZone(ROME));
        StringBuilder b = new StringBuilder();
        b.append(e.active() ? "Allarme" : "Fine allarme").append(" a ").append(site).append(".\n")
                .append("Tipo: ").append(name[0]).append('\n')
                .append("Dove: ").append(source).append('\n')
                .append("Quando: ").append(when).append(" (ora italiana)\n");
        if (e.detail() != null && !e.detail().isBlank()) b.append("Dettagli: ").append(e.detail()).append('\n');
        if (repeats > 0) b.append("Lo stesso allarme si è ripetuto altre ").append(repeats)
                .append(" volte dall'ultimo avviso.\n");
        b.append("\n").append(e.active() ? "Alarm" : "Alarm cleared").append(" at ").append(site).append(".\n")
                .append("Type: ").append(name[1]).append('\n')
                .append("Where: ").append(source).append('\n')
                .append("When: ").append(when).append(" (Italian time)\n");
        if (e.detail() != null && !e.detail().isBlank()) b.append("Details: ").append(e.detail()).append('\n');
        if (repeats > 0) b.append("The same alarm was raised ").append(repeats)
                .append(" more times since the last notice.\n");
        b.append("\n-- \nMicro Smart Grid: avviso automatico del modulo dell'edificio / the building module's automatic "
                + "notice.\n");
        return new Mail(subject, b.toString(), e.at());
    }

    /** A mail to send: what the outbox keeps. */
    public record Mail(String subject, String body, Instant at) {
    }
}
