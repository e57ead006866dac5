package org.microsmartgrid.console.reservations;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.microsmartgrid.api.control.Reservation;
import org.owasp.encoder.Encode;

/** The HTML of the reservations page inside the Web Console's frame; everything a person typed is escaped. */
final class ReservationsPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ReservationsPage() {
    }

    /**
     * @param done  what the last request did, or null
     * @param error why the last request was refused, or null
     */
    static String render(List<Reservation> reservations, boolean running, String formAction, String token,
                         String done, String error, ZoneId zone) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<div class=\"msg-reservations\">\n");
        if (!running) {
            h.append("<p>Il ciclo di controllo non è attivo: niente prenotazioni / The control loop is not running: "
                    + "no reservations (docs/reservations.md)</p>\n</div>\n");
            return h.toString();
        }
        if (error != null) h.append("<div class=\"ui-state-error ui-corner-all\" id=\"error\" role=\"alert\"><p>")
                .append(Encode.forHtml(error)).append("</p></div>\n");
        if (done != null) h.append("<div class=\"ui-state-highlight ui-corner-all\" id=\"done\"><p>")
                .append(Encode.forHtml(done)).append("</p></div>\n");
        h.append("<h3>Prenotazioni / Reservations</h3>\n");
        if (reservations.isEmpty()) h.append("<p id=\"none\">Nessuna prenotazione / No reservations</p>\n");
        else {
            h.append("<table class=\"nicetable\" id=\"reservations\"><thead><tr><th>Presa / Socket</th>")
                    .append("<th>Dalle / From</th><th>Alle / Until</th><th>Titolare / Holder</th>")
                    .append("<th>Fatta da / By</th><th>Usata / Used</th><th></th></tr></thead>\n<tbody>\n");
            for (Reservation r : reservations) {
                h.append("<tr><td>").append(r.socket()).append("</td><td>").append(time(r.from(), zone))
                        .append("</td><td>").append(time(r.until(), zone)).append("</td><td>")
                        .append(Encode.forHtml(r.holder())).append("</td><td>").append(Encode.forHtml(r.actor()))
                        .append("</td><td>").append(r.used() ? "Sì / Yes" : "No").append("</td><td>")
                        .append("<form method=\"post\" action=\"").append(Encode.forHtmlAttribute(formAction))
                        .append("\">").append(hidden("csrf", token)).append(hidden("action", "cancel"))
                        .append(hidden("id", r.id())).append("<button type=\"submit\">Annulla / Cancel</button>")
                        .append("</form></td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h3>Nuova prenotazione / New reservation</h3>\n<p>Ora locale / local time (")
                .append(Encode.forHtml(zone.getId())).append("). Il titolare avvia la sessione con la sua tessera ")
                .append("(<code>token:</code> + 8 cifre) o da remoto (<code>remote:</code>…) / The holder starts ")
                .append("the session with their token or remotely.</p>\n<form method=\"post\" action=\"")
                .append(Encode.forHtmlAttribute(formAction)).append("\" id=\"reserve\">\n")
                .append(hidden("csrf", token)).append(hidden("action", "reserve"))
                .append("\n<label>Presa / Socket <input name=\"socket\" type=\"number\" min=\"1\" max=\"64\" ")
                .append("required></label>\n<label>Dalle / From <input name=\"from\" type=\"datetime-local\" ")
                .append("required></label>\n<label>Alle / Until <input name=\"until\" type=\"datetime-local\" ")
                .append("required></label>\n<label>Titolare / Holder <input name=\"holder\" maxlength=\"")
                .append(ReservationForm.MAX_HOLDER).append("\" placeholder=\"token:1a2b3c4d\" required></label>\n")
                .append("<button type=\"submit\">Prenota / Reserve</button>\n</form>\n</div>\n");
        return h.toString();
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Encode.forHtmlAttribute(value) + "\">";
    }

    static String time(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }
}
