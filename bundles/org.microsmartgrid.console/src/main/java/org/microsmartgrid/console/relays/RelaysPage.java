package org.microsmartgrid.console.relays;

import org.microsmartgrid.console.auth.CsrfGuard;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.control.SocketHold;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;
import org.owasp.encoder.Encode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTML of the relay page, the part inside the Web Console's frame. Italian first, English alongside; times in
 * the module's time zone, as an installer on site reads them. Everything that comes from a device or a
 * configuration is escaped.
 */
final class RelaysPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private RelaysPage() {
    }

    /**
     * @param formAction where the forms post (the plugin's own URL)
     * @param token      the CSRF token for this installer
     * @param resultHtml the outcome of the installer's last command, already HTML, or null
     */
    static String render(Snapshot snapshot, String formAction, String token, String resultHtml, Instant now, ZoneId zone) {
        return render(snapshot, formAction, token, resultHtml, now, zone, false);
    }

    /** @param mockGpio whether the relays are Pi4J mock pins: a permanent banner says they switch nothing */
    static String render(Snapshot snapshot, String formAction, String token, String resultHtml, Instant now, ZoneId zone,
                         boolean mockGpio) {
        return render(snapshot, HoldView.NONE, formAction, token, resultHtml, now, zone, mockGpio);
    }

    /** @param holds the balancer's holds and decisions: with the balancer running the buttons ask for a hold */
    static String render(Snapshot snapshot, HoldView holds, String formAction, String token, String resultHtml,
                         Instant now, ZoneId zone, boolean mockGpio) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<div class=\"msg-relays\">\n");
        if (mockGpio) h.append("<div class=\"ui-state-error ui-corner-all\" id=\"mock-gpio\" role=\"alert\"><p><strong>")
                .append("Relè simulati (provider MOCK, demo): nessuna presa viene comandata. / Simulated relays (MOCK ")
                .append("provider, demo): no socket is switched.</strong> Su un Raspberry Pi usare GPIOD. / On a ")
                .append("Raspberry Pi use GPIOD.</p></div>\n");
        h.append("<p class=\"statline\">Relè e contatori del modulo / Relays and meters of the module &mdash; ")
                .append("aggiornato / updated ").append(time(now, zone)).append("</p>\n");
        if (resultHtml != null) h.append(resultHtml);
        if (holds.available()) h.append("<p id=\"holds-note\">Il bilanciatore è attivo: Accendi / Spegni impostano una ")
                .append("<strong>tenuta manuale</strong> della presa per i minuti indicati, che il bilanciatore rispetta ")
                .append("e comanda a nome dell'installatore. Una tenuta ON accende solo se il limite del contatore lo ")
                .append("consente; le regole di sicurezza (contatore perso, limite superato, guasto) spengono comunque. ")
                .append("La tenuta scade da sola, non sopravvive a un riavvio e si può rilasciare. / The balancer is ")
                .append("running: Switch on / Switch off set a <strong>manual hold</strong> of the socket for the given ")
                .append("minutes, which the balancer honours and switches in the installer's name. A hold ON switches on ")
                .append("only within the grid limit; the safety rules (meter lost, limit exceeded, fault) still switch ")
                .append("off. A hold ends by itself, does not survive a restart, and can be released.</p>\n");
        relays(h, snapshot, holds, formAction, token, zone, now);
        meters(h, snapshot, zone);
        if (holds.available()) h.append("<p>Una tenuta dura i minuti indicati (max ").append(RelayAction.MAX_MINUTES)
                .append("), poi il bilanciatore decide di nuovo. / A hold lasts the given minutes (at most ")
                .append(RelayAction.MAX_MINUTES).append("), then the balancer decides again.</p>\n");
        else h.append("<p>Un'accensione dura i minuti indicati (max ").append(RelayAction.MAX_MINUTES)
                .append("), poi il relè si spegne da solo. / An ON lasts the given minutes (at most ")
                .append(RelayAction.MAX_MINUTES).append("), then the relay switches itself off.</p>\n");
        h.append("</div>\n");
        return h.toString();
    }

    private static void relays(StringBuilder h, Snapshot snapshot, HoldView holds, String formAction, String token,
                               ZoneId zone, Instant now) {
        h.append("<h3>Relè / Relays</h3>\n");
        if (snapshot.relays().isEmpty()) {
            h.append("<p>Nessun relè configurato / No relay configured</p>\n");
            return;
        }
        h.append("<table class=\"nicetable\" id=\"relays\">\n<thead><tr>")
                .append("<th>Relè / Relay</th><th>Presa / Socket</th><th>Richiesto / Wanted</th>")
                .append("<th>Uscita / Output</th><th>Ritorno / Feedback</th><th>Guasto / Fault</th>")
                .append("<th>Dal / Since</th><th>Origine / Source</th><th>Scadenza / Lease</th>")
                .append("<th>Potenza / Power</th>")
                .append(holds.available() ? "<th>Bilanciatore / Balancer</th><th>Tenuta / Hold</th>" : "")
                .append("<th>Comando / Command</th></tr></thead>\n<tbody>\n");
        for (RelayState r : snapshot.relays()) {
            h.append("<tr>");
            cell(h, Encode.forHtml(r.relayId()));
            cell(h, Integer.toString(r.socket()));
            cell(h, onOff(r.wantedOn()));
            cell(h, onOff(r.outputOn()));
            cell(h, r.feedbackOn() == null ? "non cablato / not wired"
                    : r.feedbackOn() ? "Chiuso / Closed" : "Aperto / Open");
            cell(h, r.fault() == null ? "&mdash;" : "<strong class=\"ui-state-error-text\">" + Encode.forHtml(r.fault()) + "</strong>");
            cell(h, time(r.since(), zone));
            cell(h, Encode.forHtml(String.valueOf(r.source())));
            cell(h, lease(r.leaseUntil(), now, zone));
            cell(h, power(snapshot.socketMeter(r.socket())));
            if (holds.available()) {
                SocketAllocation a = holds.decisions().get(r.socket());
                cell(h, a == null ? "&mdash;" : "<span class=\"reason\">" + Encode.forHtml(a.reason().name()) + "</span>: "
                        + Encode.forHtml(a.text()));
                SocketHold held = holds.holds().get(r.socket());
                cell(h, held == null ? "&mdash;" : hold(held, r.relayId(), formAction, token, now, zone));
            }
            h.append("<td><form method=\"post\" action=\"").append(Encode.forHtmlAttribute(formAction)).append("\">")
                    .append("<input type=\"hidden\" name=\"relay\" value=\"").append(Encode.forHtmlAttribute(r.relayId())).append("\">")
                    .append("<input type=\"hidden\" name=\"").append(CsrfGuard.TOKEN_PARAMETER).append("\" value=\"")
                    .append(Encode.forHtmlAttribute(token)).append("\">")
                    .append("<label>min <input type=\"number\" name=\"minutes\" min=\"1\" max=\"").append(RelayAction.MAX_MINUTES)
                    .append("\" value=\"").append(RelayAction.DEFAULT_MINUTES).append("\" size=\"4\"></label> ")
                    .append("<button type=\"submit\" name=\"action\" value=\"on\">Accendi / Switch on</button> ")
                    .append("<button type=\"submit\" name=\"action\" value=\"off\">Spegni / Switch off</button>")
                    .append("</form></td>");
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** A hold in force, with the button that releases it. */
    private static String hold(SocketHold held, String relayId, String formAction, String token, Instant now, ZoneId zone) {
        return "<span class=\"hold\">" + (held.on() ? "ON" : "OFF") + " &mdash; " + Encode.forHtml(held.actor())
                + ", fino a / until " + lease(held.until(), now, zone) + "</span>"
                + "<form method=\"post\" action=\"" + Encode.forHtmlAttribute(formAction) + "\">"
                + "<input type=\"hidden\" name=\"relay\" value=\"" + Encode.forHtmlAttribute(relayId) + "\">"
                + "<input type=\"hidden\" name=\"" + CsrfGuard.TOKEN_PARAMETER + "\" value=\""
                + Encode.forHtmlAttribute(token) + "\">"
                + "<button type=\"submit\" name=\"action\" value=\"release\">Rilascia / Release</button></form>";
    }

    /** The box telling the installer what the balancer made of a hold or a release. */
    static String heldResult(RelayAction action, int socket, HeldSwitch.Outcome outcome, ZoneId zone) {
        StringBuilder h = new StringBuilder();
        String what = action.release() ? "Rilascio tenuta / Hold released: presa / socket " + socket
                + (outcome.released() ? "" : " (nessuna tenuta / no hold)")
                : "Tenuta / Hold " + (action.on() ? "ON" : "OFF") + " " + action.relayId() + " (presa / socket " + socket
                + ", " + action.minutes() + " min, fino a / until " + TIME.format(outcome.hold().until().atZone(zone)) + ")";
        h.append("<div class=\"ui-widget\"><p class=\"").append(outcome.inForce() ? "ui-state-highlight" : "ui-state-error")
                .append(" ui-corner-all\" id=\"result\">").append(Encode.forHtml(what));
        if (!action.release()) {
            SocketAllocation d = outcome.decision();
            if (d == null) h.append(": <strong>in attesa del bilanciatore / waiting for the balancer</strong>");
            else {
                h.append(": <strong>").append(outcome.inForce() ? "in vigore / in force" : "non ancora / not yet")
                        .append("</strong> &mdash; ").append(Encode.forHtml(d.reason().name())).append(": ")
                        .append(Encode.forHtml(d.text()));
                if (d.relayDetail() != null) h.append(" &mdash; ").append(Encode.forHtml(d.relayDetail()));
            }
        }
        h.append("</p></div>\n");
        return h.toString();
    }

    private static void meters(StringBuilder h, Snapshot snapshot, ZoneId zone) {
        h.append("<h3>Contatori / Meters</h3>\n");
        if (snapshot.meters().isEmpty()) {
            h.append("<p>Nessun contatore configurato / No meter configured</p>\n");
            return;
        }
        h.append("<table class=\"nicetable\" id=\"meters\">\n<thead><tr>")
                .append("<th>Contatore / Meter</th><th>Ruolo / Role</th><th>Presa / Socket</th>")
                .append("<th>Qualità / Quality</th><th>Potenza / Power</th><th>Letto / Read at</th><th>Errore / Error</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (MeterReading m : snapshot.meters()) {
            Sample p = m.values().get(Channel.ACTIVE_POWER);
            h.append("<tr>");
            cell(h, Encode.forHtml(m.meterId()));
            cell(h, m.role() == null ? "" : m.role().name());
            cell(h, m.socket() == 0 ? "&mdash;" : Integer.toString(m.socket()));
            cell(h, quality(m.quality()));
            cell(h, p == null ? "&mdash;" : watts(p.value()));
            cell(h, p == null ? "&mdash;" : time(p.at(), zone));
            cell(h, m.error() == null ? "&mdash;" : Encode.forHtml(m.error()));
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** The box telling the installer what became of the command. */
    static String result(RelayAction action, RelayResult result, ZoneId zone) {
        String what = (action.on() ? "Accensione / Switch on of " : "Spegnimento / Switch off of ")
                + action.relayId() + (action.on() ? " (" + action.minutes() + " min)" : "");
        String outcome = switch (result.outcome()) {
            case APPLIED -> "eseguito / applied";
            case DEFERRED -> "rinviato / deferred";
            case REJECTED -> "rifiutato / rejected";
        };
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"ui-widget\"><p class=\"")
                .append(result.applied() ? "ui-state-highlight" : "ui-state-error").append(" ui-corner-all\" id=\"result\">")
                .append(Encode.forHtml(what)).append(": <strong>").append(outcome).append("</strong>");
        if (result.reason() != null) h.append(" &mdash; ").append(Encode.forHtml(result.reason()));
        if (result.notBefore() != null)
            h.append(" &mdash; riprova dopo / retry after ").append(time(result.notBefore(), zone));
        h.append("</p></div>\n");
        return h.toString();
    }

    private static void cell(StringBuilder h, String html) {
        h.append("<td>").append(html).append("</td>");
    }

    private static String onOff(boolean on) {
        return on ? "Accesa / On" : "Spenta / Off";
    }

    private static String quality(Quality q) {
        if (q == null) return "";
        return switch (q) {
            case GOOD -> "Buona / Good";
            case STALE -> "Vecchia / Stale";
            case FAILED -> "<strong class=\"ui-state-error-text\">Guasto / Failed</strong>";
        };
    }

    private static String power(Optional<MeterReading> meter) {
        if (meter.isEmpty()) return "&mdash;";
        MeterReading m = meter.get();
        Optional<Double> p = m.good(Channel.ACTIVE_POWER);
        return p.map(RelaysPage::watts).orElseGet(() -> "? (" + quality(m.quality()) + ")");
    }

    private static String watts(double w) {
        return String.format(Locale.ROOT, "%.0f W", w);
    }

    private static String lease(Instant until, Instant now, ZoneId zone) {
        if (until == null) return "&mdash;";
        long minutes = Math.max(0, Duration.between(now, until).plusSeconds(59).toMinutes());
        return time(until, zone) + " (" + minutes + " min)";
    }

    private static String time(Instant instant, ZoneId zone) {
        if (instant == null) return "&mdash;";
        return "<time datetime=\"" + instant + "\">" + TIME.format(instant.atZone(zone)) + "</time>";
    }
}
