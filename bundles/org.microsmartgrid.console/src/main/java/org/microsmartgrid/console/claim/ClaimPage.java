package org.microsmartgrid.console.claim;

import org.owasp.encoder.Encode;

/** The HTML of the claim-code page inside the Web Console's frame, Italian first. */
final class ClaimPage {

    private ClaimPage() {
    }

    /**
     * @param code the module's claim code, or null without a cloud link
     * @param done what the last action did, or null
     */
    static String render(String code, String formAction, String token, String done) {
        StringBuilder h = new StringBuilder(2048);
        h.append("<div class=\"msg-claim\">\n");
        if (code == null) {
            h.append("<p id=\"no-link\">Nessun collegamento alla città configurato su questo modulo: non c'è niente da ")
                    .append("rivendicare / No cloud link configured on this module: nothing to claim ")
                    .append("(docs/cloud-management.md)</p>\n</div>\n");
            return h.toString();
        }
        if (done != null) h.append("<div class=\"ui-state-highlight ui-corner-all\" id=\"done\"><p>")
                .append(Encode.forHtml(done)).append("</p></div>\n");
        h.append("<h3>Codice di rivendicazione / Claim code</h3>\n<p>Chi offre la presa inserisce questo codice sulla ")
                .append("mappa della città, in \"Rivendica un modulo\": il punto del modulo diventa suo. Il codice vale ")
                .append("una volta sola; darlo solo a chi deve gestire il punto.<br>\nWhoever offers the socket enters ")
                .append("this code on the city's map, under \"Claim a module\": the module's point becomes theirs. The ")
                .append("code works once; give it only to whoever will manage the point.</p>\n")
                .append("<p><strong id=\"claim-code\" style=\"font-size:1.6em;letter-spacing:.15em\">")
                .append(Encode.forHtml(code)).append("</strong></p>\n")
                .append("<h3>Nuovo codice / New code</h3>\n<p>Il codice attuale smette di funzionare. Un punto già ")
                .append("rivendicato resta a chi lo ha, finché qualcuno non lo rivendica con il nuovo codice.<br>\n")
                .append("The current code stops working. A point already claimed stays with its owner until someone ")
                .append("claims it with the new code.</p>\n<form method=\"post\" action=\"")
                .append(Encode.forHtmlAttribute(formAction)).append("\" id=\"renew\">\n<input type=\"hidden\" ")
                .append("name=\"csrf\" value=\"").append(Encode.forHtmlAttribute(token)).append("\">\n")
                .append("<input type=\"hidden\" name=\"action\" value=\"renew\">\n")
                .append("<button type=\"submit\">Genera un nuovo codice / Make a new code</button>\n</form>\n</div>\n");
        return h.toString();
    }
}
