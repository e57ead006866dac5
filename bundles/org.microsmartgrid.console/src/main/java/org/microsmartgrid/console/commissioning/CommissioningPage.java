package org.microsmartgrid.console.commissioning;

import java.util.Locale;

import org.microsmartgrid.api.control.LoopSelfTest;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.console.auth.CsrfGuard;
import org.owasp.encoder.Encode;

/**
 * The HTML of the guided commissioning page, inside the Web Console's frame: the five steps in the documented
 * order, each with its forms. Italian first, English alongside; times in Italian local time with a countdown that a
 * small script keeps ticking. Everything from a device or a configuration is escaped.
 */
final class CommissioningPage {

    private CommissioningPage() {
    }

    static String render(View v) {
        StringBuilder h = new StringBuilder(16384);
        h.append("<div class=\"msg-commissioning\">\n");
        if (v.mockGpio()) h.append("<div class=\"ui-state-error ui-corner-all\" id=\"mock-gpio\" role=\"alert\"><p><strong>")
                .append("Relè simulati (provider MOCK, demo): nessuna presa viene comandata. / Simulated relays (MOCK ")
                .append("provider, demo): no socket is switched.</strong></p></div>\n");
        if (v.message() != null) h.append(v.message());
        steps(h, v);
        board(h, v);
        relays(h, v);
        meters(h, v);
        contract(h, v);
        selfTest(h, v);
        h.append("<p><a id=\"snapshot\" href=\"").append(Encode.forHtmlAttribute(v.formAction()))
                .append(".zip\">Scarica la configurazione / Download the configuration snapshot</a> (i file <code>.config</code> ")
                .append("del modulo, password, chiavi e hash esclusi / the module's <code>.config</code> files, passwords, keys and hashes left out)</p>\n");
        script(h, v);
        h.append("</div>\n");
        return h.toString();
    }

    private static void steps(StringBuilder h, View v) {
        h.append("<h3>Messa in servizio / Commissioning</h3>\n<ol id=\"steps\">\n");
        for (Steps.Step s : v.steps())
            h.append("<li id=\"step-").append(s.id().name().toLowerCase(Locale.ROOT)).append("\" class=\"")
                    .append(s.done() ? "done" : "todo").append("\">").append(s.done() ? "&#10004; " : "&#9675; ")
                    .append(Encode.forHtml(s.title())).append(s.done() ? "" : " &mdash; " + Encode.forHtml(s.todo()))
                    .append("</li>\n");
        h.append("</ol>\n");
        if (Steps.next(v.steps()) == null)
            h.append("<p id=\"complete\" class=\"ui-state-highlight\"><strong>Messa in servizio completata. / ")
                    .append("Commissioning complete.</strong> Scaricare la configurazione qui sotto e conservarla. / ")
                    .append("Download the configuration below and keep it.</p>\n");
    }

    private static void board(StringBuilder h, View v) {
        h.append("<h3>1. Scheda relè / Relay board</h3>\n");
        h.append("<p id=\"board\">").append(v.board() == null ? "Nessuna scheda configurata / No board configured"
                : "Scheda / Board: <strong>" + Encode.forHtml(v.board()) + "</strong>").append("</p>\n");
        form(h, v, "board");
        h.append("<select name=\"board\" id=\"board-select\">");
        for (Board b : v.boards())
            h.append("<option value=\"").append(Encode.forHtmlAttribute(b.folder())).append("\">")
                    .append(Encode.forHtml(b.description())).append(" (").append(b.relays().size()).append(" relè / relays)</option>");
        h.append("</select> <button type=\"submit\" id=\"board-apply\">Usa questa scheda / Use this board</button></form>\n")
                .append("<p>Crea la configurazione del chip GPIO e i relè mancanti dai file di <code>hardware/boards</code>. / ")
                .append("Creates the GPIO chip configuration and the missing relays from the files of <code>hardware/boards</code>.</p>\n");
    }

    private static void relays(StringBuilder h, View v) {
        h.append("<h3>2. Prova dei relè / Relay check</h3>\n");
        if (!v.pauseAvailable()) h.append("<p>Bilanciatore non attivo: i relè obbediscono solo ai comandi a mano. / The ")
                .append("balancer is not running: relays obey manual commands only.</p>\n");
        else if (v.pause().isPresent()) {
            h.append("<p id=\"pause\" class=\"ui-state-highlight\">Bilanciamento in pausa (le regole di sicurezza restano: ")
                    .append("limite del contratto, contatori persi) fino / Balancing paused (safety rules still apply: ")
                    .append("contract limit, lost meters) until ").append(countdown(v, v.pause().get().until())).append(" ");
            form(h, v, "resume");
            h.append("<button type=\"submit\" id=\"resume\">Riprendi ora / Resume now</button></form></p>\n");
        } else h.append("<p id=\"pause\">Il bilanciatore lavora; una prova lo mette in pausa per 10 minuti (le regole di ")
                .append("sicurezza restano). / The balancer runs; a check pauses it for 10 minutes (safety rules stay).</p>\n");
        if (v.relays().isEmpty()) {
            h.append("<p>Nessun relè / No relay</p>\n");
            return;
        }
        h.append("<table class=\"nicetable\" id=\"relay-checks\"><thead><tr><th>Relè / Relay</th><th>Presa / Socket</th>")
                .append("<th>Canale / Channel</th><th>Uscita / Output</th><th>Prova / Check</th></tr></thead><tbody>\n");
        for (RelayState r : v.relays()) {
            String id = r.relayId();
            String channel = v.relayPins().getOrDefault(id, "?");
            Progress.RelayTest t = v.relayTests().get(id);
            h.append("<tr id=\"relay-").append(Encode.forHtmlAttribute(id)).append("\"><td>").append(Encode.forHtml(id))
                    .append("</td><td>").append(r.socket()).append("</td><td>").append(Encode.forHtml(channel))
                    .append("</td><td>").append(r.outputOn() ? "Accesa / On" : "Spenta / Off");
            if (r.leaseUntil() != null) h.append(", spegnimento / off ").append(countdown(v, r.leaseUntil()));
            h.append("</td><td>");
            if (t != null && t.verdict() != null) {
                h.append("<span class=\"verdict ").append(t.verdict().ok() ? "ok" : "bad").append("\">")
                        .append(Encode.forHtml(t.verdict().text())).append("</span> ");
                if (t.verdict().fix() != null) {
                    form(h, v, "relay-fix");
                    hidden(h, "relay", id);
                    h.append("<button type=\"submit\" id=\"fix-").append(Encode.forHtmlAttribute(id)).append("\">")
                            .append(t.verdict().fix().equals("active.low") ? "Inverti active.low / Flip active.low"
                                    : "Usa il pin " + Encode.forHtml(t.other()) + " / Use pin " + Encode.forHtml(t.other()))
                            .append("</button></form> ");
                }
                relayButton(h, v, id, "Ripeti / Again");
            } else if (t != null && t.on() != null) {
                h.append("Ora il relè è spento: il LED di ").append(Encode.forHtml(channel)).append(" è spento? / The relay ")
                        .append("is off now: is ").append(Encode.forHtml(channel)).append("'s LED dark? ");
                answers(h, v, id, "relay-seen-off", new String[][] {{"DARK", "Sì, spento / Yes, dark"},
                        {"LIT", "No, ancora acceso / No, still lit"}});
            } else if (t != null) {
                h.append("<strong>Il LED di ").append(Encode.forHtml(channel)).append(" è acceso? / Is ")
                        .append(Encode.forHtml(channel)).append("'s LED lit?</strong> ");
                answers(h, v, id, "relay-seen-on", new String[][] {{"ONLY_THIS", "Sì, solo " + channel + " / Yes, only " + channel},
                        {"NONE", "No, nessuno / No, none"}});
                form(h, v, "relay-seen-on");
                hidden(h, "relay", id);
                hidden(h, "answer", "OTHER");
                h.append("<label>Acceso un altro / Another lit <input name=\"other\" size=\"4\" placeholder=\"CH2\"></label> ")
                        .append("<button type=\"submit\" id=\"seen-on-OTHER-").append(Encode.forHtmlAttribute(id))
                        .append("\">Invia / Send</button></form>");
            } else relayButton(h, v, id, "Prova / Check");
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void relayButton(StringBuilder h, View v, String id, String label) {
        form(h, v, "relay-on");
        hidden(h, "relay", id);
        h.append("<button type=\"submit\" id=\"check-").append(Encode.forHtmlAttribute(id)).append("\">")
                .append(Encode.forHtml(label)).append("</button></form>");
    }

    private static void answers(StringBuilder h, View v, String relay, String action, String[][] answers) {
        for (String[] a : answers) {
            form(h, v, action);
            hidden(h, "relay", relay);
            h.append("<button type=\"submit\" name=\"answer\" value=\"").append(a[0]).append("\" id=\"")
                    .append(action.equals("relay-seen-on") ? "seen-on-" : "seen-off-").append(a[0]).append('-')
                    .append(Encode.forHtmlAttribute(relay)).append("\">").append(Encode.forHtml(a[1])).append("</button></form> ");
        }
    }

    private static void meters(StringBuilder h, View v) {
        h.append("<h3>3. Contatori / Meters</h3>\n");
        h.append("<table class=\"nicetable\" id=\"meter-checks\"><thead><tr><th>Contatore / Meter</th><th>Ruolo / Role</th>")
                .append("<th>Qualità / Quality</th><th>Potenza / Power</th><th>Tensione / Voltage</th><th>Segno / Sign</th>")
                .append("</tr></thead><tbody>\n");
        for (MeterReading m : v.meters()) {
            String id = m.meterId();
            h.append("<tr id=\"meter-").append(Encode.forHtmlAttribute(id)).append("\"><td>").append(Encode.forHtml(id))
                    .append(m.socket() > 0 ? " (presa / socket " + m.socket() + ")" : "").append("</td><td>");
            if (v.invertible().containsKey(id)) {
                form(h, v, "role");
                hidden(h, "meter", id);
                h.append("<select name=\"role\">");
                for (MeterRole r : MeterRole.values())
                    h.append("<option").append(r == m.role() ? " selected" : "").append(">").append(r.name()).append("</option>");
                h.append("</select> <button type=\"submit\" id=\"role-").append(Encode.forHtmlAttribute(id))
                        .append("\">Salva / Save</button></form>");
            } else h.append(m.role() == null ? "" : m.role().name());
            h.append("</td><td>").append(m.quality()).append(m.error() == null ? "" : ": " + Encode.forHtml(m.error()))
                    .append("</td><td class=\"power\">").append(value(m, Channel.ACTIVE_POWER, "W")).append("</td><td>")
                    .append(value(m, Channel.VOLTAGE_L1, "V")).append("</td><td>");
            sign(h, v, m);
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (v.meters().isEmpty()) h.append("<p>Nessun contatore / No meter</p>\n");
        h.append("<p>Prova del segno: avviarla, poi accendere un carico noto (un bollitore, circa 2000 W, o una presa ")
                .append("con un veicolo collegato): la potenza importata deve salire. / Sign test: start it, then switch on a ")
                .append("known load (a kettle, about 2000 W, or a socket with a vehicle plugged in): the import must rise.</p>\n");
        if (!v.buses().isEmpty()) {
            h.append("<h4>Aggiungere un contatore / Add a meter</h4>\n");
            form(h, v, "meter-add");
            h.append("<label>Id <input name=\"meter.id\" size=\"10\" required></label> <label>Bus <select name=\"bus.id\">");
            for (String b : v.buses()) h.append("<option>").append(Encode.forHtml(b)).append("</option>");
            h.append("</select></label> <label>Unit id <input name=\"unit.id\" type=\"number\" min=\"1\" max=\"247\" value=\"1\" size=\"4\"></label> ")
                    .append("<label>Tipo / Type <select name=\"profile\"><option>SDM630</option><option>SDM72D</option>")
                    .append("<option>SDM120</option><option>SUNSPEC</option></select></label> <label>Ruolo / Role <select name=\"meter.role\">");
            for (MeterRole r : MeterRole.values()) h.append("<option>").append(r.name()).append("</option>");
            h.append("</select></label> <label>Presa / Socket <input name=\"meter.socket\" type=\"number\" min=\"0\" value=\"0\" size=\"3\"></label> ")
                    .append("<button type=\"submit\" id=\"meter-add\">Prova e aggiungi / Probe and add</button></form>\n")
                    .append("<p>Il contatore compare sopra con le sue letture o con l'errore (unità, registro). / The meter ")
                    .append("shows above with its readings or its error (unit, register).</p>\n");
        }
    }

    private static void sign(StringBuilder h, View v, MeterReading m) {
        String id = m.meterId();
        Progress.SignRun run = v.signs().get(id);
        boolean watching = run != null && !run.confirmed() && run.verdict() != null
                && run.verdict().outcome() == SignTest.Outcome.NO_CHANGE;
        if (watching) {
            h.append("<span class=\"sign WATCHING\" id=\"sign-").append(Encode.forHtmlAttribute(id))
                    .append("\">Accendere il carico (").append(Math.round(run.loadW()))
                    .append(" W): la pagina osserva la potenza. / Switch the load on: the page watches the power. ")
                    .append(Encode.forHtml(run.verdict().text())).append("</span>");
            return;
        }
        if (run != null && run.verdict() != null) {
            h.append("<span class=\"sign ").append(run.verdict().outcome().name()).append("\" id=\"sign-")
                    .append(Encode.forHtmlAttribute(id)).append("\">").append(Encode.forHtml(run.verdict().text()))
                    .append("</span> ");
            if (run.verdict().outcome() == SignTest.Outcome.INVERTED) {
                if (v.invertible().containsKey(id)) {
                    form(h, v, "sign-invert");
                    hidden(h, "meter", id);
                    h.append("<button type=\"submit\" id=\"invert-").append(Encode.forHtmlAttribute(id))
                            .append("\">Inverti il segno (invert.power) / Invert the sign</button></form> ");
                } else h.append("Questo contatore non si configura qui: invertire i collegamenti. / This meter is not ")
                        .append("configured here: swap its wiring. ");
            }
        }
        form(h, v, "sign-start");
        hidden(h, "meter", id);
        h.append("<label>carico / load <input name=\"load\" id=\"load-").append(Encode.forHtmlAttribute(id))
                .append("\" type=\"number\" min=\"20\" max=\"30000\" value=\"")
                .append(run == null ? 2000 : Math.round(run.loadW())).append("\" size=\"5\"> W</label> ")
                .append("<button type=\"submit\" id=\"sign-start-").append(Encode.forHtmlAttribute(id)).append("\">")
                .append(run == null ? "Avvia la prova / Start the test" : "Ripeti / Again").append("</button></form>");
    }

    private static void contract(StringBuilder h, View v) {
        h.append("<h3>4. Potenza impegnata / Contract power</h3>\n");
        h.append("<p id=\"contract\">").append(v.contractW() == null ? "Bilanciatore non configurato / Balancer not configured"
                : "Attuale / Current: <strong>" + Encode.forHtml(ContractPowers.label(v.contractW())) + "</strong>").append("</p>\n");
        form(h, v, "contract");
        h.append("<select name=\"contract.power.w\" id=\"contract-select\">");
        int selected = v.contractW() == null ? ContractPowers.COMMON_W : v.contractW();
        for (int w : ContractPowers.DOMESTIC_W)
            h.append("<option value=\"").append(w).append("\"").append(w == selected ? " selected" : "").append(">")
                    .append(Encode.forHtml(ContractPowers.label(w))).append("</option>");
        h.append("</select> <button type=\"submit\" id=\"contract-apply\">Salva / Save</button></form>\n")
                .append("<p>Dalla bolletta: la potenza impegnata, non quella disponibile (+10 %). / From the bill: the ")
                .append("contract power, not the available power (+10 %).</p>\n");
    }

    private static void selfTest(StringBuilder h, View v) {
        h.append("<h3>5. Autotest / Self-test</h3>\n<p>Prova a secco: le regole del bilanciatore (sovraccarico, contatore ")
                .append("di scambio perso, contatore di presa perso) applicate alle letture attuali con ogni presa supposta in ")
                .append("carica; nessun relè viene comandato. / Dry run: the balancer's rules (overload, lost grid meter, lost ")
                .append("socket meter) applied to the live readings with every socket assumed charging; no relay is switched.</p>\n");
        if (!v.selfTestAvailable()) {
            h.append("<p>Prima la potenza impegnata: il bilanciatore deve essere attivo. / Set the contract power first: the ")
                    .append("balancer must be running.</p>\n");
        } else {
            form(h, v, "self-test");
            h.append("<button type=\"submit\" id=\"self-test\">Esegui l'autotest / Run the self-test</button></form>\n");
        }
        Progress.SelfTestRun run = v.selfTest();
        if (run == null) return;
        h.append("<table class=\"nicetable\" id=\"self-test-results\"><tbody>\n");
        for (LoopSelfTest.Check c : run.checks())
            h.append("<tr class=\"").append(c.passed() ? "passed" : "failed").append("\"><td>")
                    .append(c.passed() ? "&#10004; superato / passed" : "&#10008; fallito / failed").append("</td><td>")
                    .append(Encode.forHtml(c.name())).append("</td><td>").append(Encode.forHtml(c.detail())).append("</td></tr>\n");
        h.append("</tbody></table>\n");
    }

    private static void script(StringBuilder h, View v) {
        boolean watching = v.signs().values().stream().anyMatch(s -> !s.confirmed() && s.verdict() != null
                && s.verdict().outcome() == SignTest.Outcome.NO_CHANGE)
                || v.relayTests().values().stream().anyMatch(t -> t.verdict() == null);
        // countdowns tick in the browser; while a sign test watches the power, the page reloads to show it
        h.append("<script>(function(){function tick(){var now=Date.now();document.querySelectorAll('[data-until]')")
                .append(".forEach(function(e){var s=Math.ceil((+e.getAttribute('data-until')-now)/1000);e.textContent=s<=0?")
                .append("'ora / now':s<60?'tra '+s+' s':'tra '+Math.floor(s/60)+' min '+('0'+s%60).slice(-2)+' s';});}")
                .append("setInterval(tick,1000);");
        if (watching && v.signs().values().stream().anyMatch(s -> !s.confirmed() && s.verdict() != null
                && s.verdict().outcome() == SignTest.Outcome.NO_CHANGE)) h.append("setTimeout(function(){location.reload();},2000);");
        h.append("})();</script>\n");
    }

    private static String countdown(View v, java.time.Instant until) {
        String at = Countdown.at(v.now(), until, v.zone());
        int open = at.indexOf('(');
        return Encode.forHtml(at.substring(0, open)) + "(<span data-until=\"" + until.toEpochMilli() + "\">"
                + Encode.forHtml(Countdown.in(v.now(), until)) + "</span>)";
    }

    private static String value(MeterReading m, Channel c, String unit) {
        Sample s = m.values().get(c);
        return s == null ? "&mdash;" : String.format(Locale.ROOT, "%.0f %s", s.value(), unit);
    }

    private static void form(StringBuilder h, View v, String action) {
        h.append("<form method=\"post\" style=\"display:inline\" action=\"").append(Encode.forHtmlAttribute(v.formAction()))
                .append("\"><input type=\"hidden\" name=\"").append(CsrfGuard.TOKEN_PARAMETER).append("\" value=\"")
                .append(Encode.forHtmlAttribute(v.token())).append("\"><input type=\"hidden\" name=\"action\" value=\"")
                .append(action).append("\">");
    }

    private static void hidden(StringBuilder h, String name, String value) {
        h.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(Encode.forHtmlAttribute(value)).append("\">");
    }

    static String message(boolean ok, String text) {
        return "<div class=\"ui-widget\"><p id=\"result\" class=\"" + (ok ? "ui-state-highlight" : "ui-state-error")
                + " ui-corner-all\">" + Encode.forHtml(text) + "</p></div>\n";
    }

}
