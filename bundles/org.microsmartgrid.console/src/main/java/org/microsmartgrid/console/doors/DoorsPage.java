package org.microsmartgrid.console.doors;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.microsmartgrid.api.building.DoorAccess.CodeKind;
import org.microsmartgrid.api.building.DoorAccess.IssuedCode;
import org.microsmartgrid.api.building.DoorAccess.LiveCode;
import org.microsmartgrid.api.building.DoorState;
import org.owasp.encoder.Encode;

/** The HTML of the doors page inside the Web Console's frame; everything from a configuration is escaped. */
final class DoorsPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private DoorsPage() {
    }

    /**
     * @param issued the code just issued, shown this once, or null
     * @param error  why the last request was refused, or null
     */
    static String render(List<DoorState> doors, List<LiveCode> codes, boolean running, String formAction, String token,
                         IssuedCode issued, String done, String error, ZoneId zone) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<div class=\"msg-doors\">\n");
        if (!running) {
            h.append("<p>Nessun servizio porte su questo modulo / No door service on this module "
                    + "(docs/building-access.md)</p>\n</div>\n");
            return h.toString();
        }
        if (error != null) h.append("<div class=\"ui-state-error ui-corner-all\" id=\"error\" role=\"alert\"><p>")
                .append(Encode.forHtml(error)).append("</p></div>\n");
        if (done != null) h.append("<div class=\"ui-state-highlight ui-corner-all\" id=\"done\"><p>")
                .append(Encode.forHtml(done)).append("</p></div>\n");
        if (issued != null) h.append("<div class=\"ui-state-highlight ui-corner-all\" id=\"issued\"><p>Codice per / ")
                .append("code for <strong>").append(Encode.forHtml(issued.door())).append("</strong>: <strong ")
                .append("id=\"code\" style=\"font-size:1.6em;letter-spacing:.2em\">").append(Encode.forHtml(issued.code()))
                .append("</strong> valido / valid ").append(time(issued.from(), zone)).append(" &ndash; ")
                .append(time(issued.until(), zone)).append(" (id ").append(Encode.forHtml(issued.id())).append(").")
                .append(" Mostrato solo ora: inviarlo a chi deve entrare. / Shown only now: send it to whoever must ")
                .append("come in.</p></div>\n");
        h.append("<h3>Porte / Doors</h3>\n<table class=\"nicetable\" id=\"doors\"><thead><tr><th>Porta / Door</th>")
                .append("<th>Nome / Name</th><th>Serratura / Strike</th><th>Contatto / Contact</th>")
                .append("<th>Allarme / Alarm</th><th>Senza corrente / Without power</th></tr></thead>\n<tbody>\n");
        for (DoorState d : doors) {
            h.append("<tr><td>").append(Encode.forHtml(d.id())).append("</td><td>").append(Encode.forHtml(d.name()))
                    .append("</td><td>").append(d.released() ? "Sbloccata / Released" : "Bloccata / Locked")
                    .append("</td><td>").append(Encode.forHtml(d.contact())).append("</td><td>")
                    .append(d.leftOpen() ? "<strong>Porta aperta / Left open</strong>" : "&mdash;").append("</td><td>")
                    .append(d.failMode().equals("FAIL_SAFE") ? "Si apre / Opens (fail-safe)"
                            : "Resta chiusa / Stays locked (fail-secure)").append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        codes(h, codes, formAction, token, zone);
        h.append("<h3>Nuovo codice monouso / New one-time code</h3>\n<form method=\"post\" action=\"")
                .append(Encode.forHtmlAttribute(formAction)).append("\" id=\"issue\">\n<input type=\"hidden\" ")
                .append("name=\"csrf\" value=\"").append(Encode.forHtmlAttribute(token)).append("\">\n")
                .append("<label>Porta / Door <select name=\"door\">");
        for (DoorState d : doors) h.append("<option value=\"").append(Encode.forHtmlAttribute(d.id())).append("\">")
                .append(Encode.forHtml(d.name())).append("</option>");
        h.append("</select></label>\n<label>Tipo / Kind <select name=\"kind\"><option value=\"COURIER\">Corriere / ")
                .append("Courier</option><option value=\"INTERVENTION\">Intervento per la sicurezza delle persone / ")
                .append("Personal-safety intervention</option></select></label>\n")
                .append("<label>Tra minuti / Starts in minutes <input name=\"starts_in_minutes\" type=\"number\" ")
                .append("min=\"0\" value=\"0\"></label>\n<label>Durata, minuti / Minutes <input name=\"minutes\" ")
                .append("type=\"number\" min=\"1\" value=\"120\"></label>\n<label>Motivo (obbligatorio per gli ")
                .append("interventi) / Reason (required for interventions) <input name=\"reason\" maxlength=\"200\">")
                .append("</label>\n<button type=\"submit\">Genera / Issue</button>\n</form>\n</div>\n");
        return h.toString();
    }

    /** The codes that may still open, each with a button to revoke it (never the code itself: it is not kept). */
    private static void codes(StringBuilder h, List<LiveCode> codes, String formAction, String token, ZoneId zone) {
        h.append("<h3>Codici validi / Live codes</h3>\n");
        if (codes.isEmpty()) {
            h.append("<p id=\"no-codes\">Nessun codice valido / No live codes</p>\n");
            return;
        }
        h.append("<table class=\"nicetable\" id=\"codes\"><thead><tr><th>Id</th><th>Porta / Door</th>")
                .append("<th>Tipo / Kind</th><th>Valido / Valid</th><th>Emesso da / Issued by</th><th></th>")
                .append("</tr></thead>\n<tbody>\n");
        for (LiveCode c : codes) {
            h.append("<tr><td>").append(Encode.forHtml(c.id())).append("</td><td>").append(Encode.forHtml(c.door()))
                    .append("</td><td>").append(c.kind() == CodeKind.COURIER ? "Corriere / Courier"
                            : "Intervento / Intervention").append("</td><td>").append(time(c.from(), zone))
                    .append(" &ndash; ").append(time(c.until(), zone)).append("</td><td>")
                    .append(Encode.forHtml(c.issuedBy())).append("</td><td><form method=\"post\" action=\"")
                    .append(Encode.forHtmlAttribute(formAction)).append("\"><input type=\"hidden\" name=\"csrf\" ")
                    .append("value=\"").append(Encode.forHtmlAttribute(token)).append("\"><input type=\"hidden\" ")
                    .append("name=\"action\" value=\"revoke\"><input type=\"hidden\" name=\"id\" value=\"")
                    .append(Encode.forHtmlAttribute(c.id())).append("\"><button type=\"submit\">Revoca / Revoke")
                    .append("</button></form></td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static String time(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }
}
