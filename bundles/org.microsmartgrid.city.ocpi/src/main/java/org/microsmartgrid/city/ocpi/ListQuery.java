package org.microsmartgrid.city.ocpi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.microsmartgrid.city.ocpi.mapping.OcpiTime;

/**
 * The paging parameters of a GET List (transport_and_format, "Paginated Request"): {@code offset} (default 0),
 * {@code limit} (default and most: the configured largest page, X-Limit; more is lowered, as OCPI says),
 * {@code date_from} (inclusive) and {@code date_to} (exclusive) on last_updated. Unknown, repeated or malformed
 * parameters are refused (2001).
 *
 * @param dateFrom epoch ms or null
 * @param dateTo   epoch ms or null
 * @param rawFrom  as the client wrote it (repeated in the next page's link)
 * @param rawTo    as the client wrote it
 */
record ListQuery(int offset, int limit, Long dateFrom, Long dateTo, String rawFrom, String rawTo) {

    static final Set<String> NAMES = Set.of("offset", "limit", "date_from", "date_to");

    static ListQuery parse(Map<String, String[]> params, int maxLimit) {
        for (var e : params.entrySet()) {
            if (!NAMES.contains(e.getKey()))
                throw OcpiError.badParameter("parametro sconosciuto / unknown parameter: " + clip(e.getKey())
                        + " (ammessi / allowed: date_from, date_to, offset, limit)");
            if (e.getValue().length != 1)
                throw OcpiError.badParameter("parametro ripetuto / repeated parameter: " + clip(e.getKey()));
        }
        int offset = integer(params, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = Math.min(maxLimit, integer(params, "limit", 1, Integer.MAX_VALUE, maxLimit));
        String rawFrom = one(params, "date_from");
        String rawTo = one(params, "date_to");
        Long from = rawFrom == null ? null : time("date_from", rawFrom);
        Long to = rawTo == null ? null : time("date_to", rawTo);
        if (from != null && to != null && from > to)
            throw OcpiError.badParameter("date_from dopo date_to / date_from is after date_to");
        return new ListQuery(offset, limit, from, to, rawFrom, rawTo);
    }

    /** The query string of the page after this one (same filters, OCPI: "should also contain any filters"). */
    String next() {
        StringBuilder q = new StringBuilder("offset=").append((long) offset + limit).append("&limit=").append(limit);
        if (rawFrom != null) q.append("&date_from=").append(URLEncoder.encode(rawFrom, StandardCharsets.UTF_8));
        if (rawTo != null) q.append("&date_to=").append(URLEncoder.encode(rawTo, StandardCharsets.UTF_8));
        return q.toString();
    }

    private static String one(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null ? null : v[0];
    }

    private static int integer(Map<String, String[]> params, String name, int min, int max, int dflt) {
        String v = one(params, name);
        if (v == null) return dflt;
        try {
            if (!v.matches("[0-9]{1,10}")) throw new NumberFormatException();
            long n = Long.parseLong(v);
            if (n < min || n > max) throw new NumberFormatException();
            return (int) n;
        } catch (NumberFormatException e) {
            throw OcpiError.badParameter(name + " deve essere un intero da / must be an integer from " + min + ": "
                    + clip(v));
        }
    }

    private static long time(String name, String v) {
        try {
            return OcpiTime.parse(v);
        } catch (IllegalArgumentException e) {
            throw OcpiError.badParameter(name + ": data e ora OCPI non valida / invalid OCPI DateTime "
                    + "(es. / e.g. 2019-01-28T12:00:00Z): " + clip(v));
        }
    }

    static String clip(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
