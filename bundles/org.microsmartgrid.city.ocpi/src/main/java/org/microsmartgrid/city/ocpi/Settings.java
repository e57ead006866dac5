package org.microsmartgrid.city.ocpi;

import java.util.ArrayList;
import java.util.List;

import org.microsmartgrid.city.ocpi.auth.PartnerTokens;
import org.microsmartgrid.city.ocpi.mapping.Party;

/**
 * The OCPI configuration in force, checked. When the party is misconfigured, {@code party} is null and every request
 * is answered 503 with why (fail closed: no Location goes out under a wrong party id).
 *
 * @param party     who publishes, or null when the configuration is unusable
 * @param problem   why it is unusable, or null
 * @param tokens    the partners who may read
 * @param publicUrl base of the links we hand out (no trailing slash), or "" to take it from each request
 * @param maxLimit  the largest page (X-Limit)
 */
record Settings(Party party, String problem, PartnerTokens tokens, String publicUrl, int maxLimit) {

    static Settings of(String partyId, String defaultCity, String operatorName, String[] partners, String publicUrl,
                       int maxLimit, List<String> errors) {
        PartnerTokens tokens = PartnerTokens.parse(partners, errors);
        String url = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        if (!url.isEmpty() && !url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            errors.add("public.url must be http(s)://host[:port][/path]: " + url);
            return new Settings(null, "public.url", tokens, "", 1);
        }
        int limit = Math.max(1, Math.min(1000, maxLimit));
        try {
            return new Settings(new Party(partyId, defaultCity, operatorName), null, tokens, url, limit);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return new Settings(null, "party.id", tokens, url, limit);
        }
    }

    static Settings of(OcpiConfig c) {
        List<String> errors = new ArrayList<>();
        return of(c.party_id(), c.default_city(), c.operator_name(), c.partners(), c.public_url(), c.max_limit(), errors)
                .logged(errors);
    }

    private Settings logged(List<String> errors) {
        errors.forEach(e -> OcpiServlet.LOG.error("OCPI configuration: {}", e));
        if (party != null)
            OcpiServlet.LOG.info("OCPI 2.2.1 as IT*{}: {} partner token(s) in force", party.partyId(), tokens.size());
        return this;
    }
}
