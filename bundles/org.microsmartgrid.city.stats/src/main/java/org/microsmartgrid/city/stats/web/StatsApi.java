package org.microsmartgrid.city.stats.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.microsmartgrid.city.stats.cer.Community;
import org.microsmartgrid.city.stats.cer.MonthlyStatement;
import org.microsmartgrid.city.stats.cer.StatementCsv;
import org.microsmartgrid.city.stats.cer.Statements;
import org.microsmartgrid.city.stats.districts.DistrictsStatus;
import org.microsmartgrid.city.stats.sessions.Co2;
import org.microsmartgrid.city.stats.store.StatsStore;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /api/v1/stats/...} (docs/statistics.md): detail for the roles MUNICIPALITY and OPERATOR, open data for
 * everyone with small groups suppressed. Read-only; answers JSON or CSV, problems as RFC 9457 documents.
 */
public final class StatsApi extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final Set<String> DETAIL_ROLES = Set.of("MUNICIPALITY", "OPERATOR");
    static final String PROBLEM = "application/problem+json";
    static final String CSV = "text/csv; charset=utf-8; header=present";
    /** The longest period one query may span: a year and a day (leap years). */
    static final long MAX_DAYS = 367;
    /** Open data: the fewest distinct points a published group may have. */
    static final int OPEN_MIN_POINTS = 3;

    /** What the servlet needs; the component and the tests build it. */
    public interface Backend {
        StatsStore store();

        void flush();

        Optional<Set<String>> roles(String authorization, String sessionCookie);

        List<Community> communities();

        double rateEurPerMWh();

        double producerFraction();

        int openDataK();

        Co2 co2();

        /** The districts in use and the last refused districts file. */
        DistrictsStatus districts();
    }

    private final transient Supplier<Backend> backend;
    private final transient Gson gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    public StatsApi(Supplier<Backend> backend) {
        this.backend = backend;
    }

    /** A problem to answer with. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String title;

        Problem(int status, String title, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.title = title;
        }

        static Problem bad(String detail) {
            return new Problem(400, "Richiesta non valida / Bad request", detail);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-store");
        try {
            Backend b = backend.get();
            if (path.equals("/open/sessions.csv")) {
                openSessions(req, resp, b);
                return;
            }
            if (path.equals("/open/unmet-demand.csv")) {
                unmetCsv(req, resp, b, b.openDataK());
                return;
            }
            if (path.equals("/open/availability.csv")) {
                availabilityCsv(req, resp, b, b.openDataK());
                return;
            }
            requireDetailRole(req, b);
            if (path.equals("/sessions")) sessions(req, resp, b, false);
            else if (path.equals("/sessions.csv")) sessions(req, resp, b, true);
            else if (path.equals("/bad-data")) badData(req, resp, b);
            else if (path.equals("/availability")) availability(req, resp, b);
            else if (path.equals("/availability.csv")) availabilityCsv(req, resp, b, 1);
            else if (path.equals("/unmet-demand")) unmetDemand(req, resp, b);
            else if (path.equals("/unmet-demand.csv")) unmetCsv(req, resp, b, 1);
            else if (path.equals("/districts")) json(resp, districts(b.districts()));
            else if (path.equals("/communities")) communities(resp, b);
            else if (path.startsWith("/communities/")) statement(path.substring("/communities/".length()), resp, b);
            else throw new Problem(404, "Non trovato / Not found", "nessuna risorsa / no such resource");
        } catch (Problem p) {
            problem(resp, p.status, p.title, p.getMessage(), req.getRequestURI());
        } catch (RuntimeException e) {
            problem(resp, 503, "Non disponibile / Unavailable", "statistiche non disponibili / statistics unavailable",
                    req.getRequestURI());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        readOnly(req, resp);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        readOnly(req, resp);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        readOnly(req, resp);
    }

    private void readOnly(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Allow", "GET, HEAD");
        problem(resp, 405, "Metodo non ammesso / Method not allowed", "sola lettura / read-only", req.getRequestURI());
    }

    private static void requireDetailRole(HttpServletRequest req, Backend b) {
        String cookie = null;
        if (req.getCookies() != null) for (Cookie c : req.getCookies())
            if (org.microsmartgrid.city.people.auth.Callers.SESSION_COOKIE.equals(c.getName())) cookie = c.getValue();
        Optional<Set<String>> roles = b.roles(req.getHeader("Authorization"), cookie);
        if (roles.isEmpty()) throw new Problem(401, "Accesso richiesto / Authentication required",
                "accedi con un account del Comune / log in with a municipality account");
        if (roles.get().stream().noneMatch(DETAIL_ROLES::contains))
            throw new Problem(403, "Vietato / Forbidden", "ruolo richiesto / role required: MUNICIPALITY");
    }

    /** [from, to) of the query: dates YYYY-MM-DD in Italian time, {@code to} inclusive as the user reads it. */
    record Period(long from, long to, int offsetHours) {
    }

    static Period period(HttpServletRequest req) {
        LocalDate from = date(req, "from"), to = date(req, "to");
        if (to.isBefore(from)) throw Problem.bad("to è prima di from / to is before from");
        if (to.toEpochDay() - from.toEpochDay() + 1 > MAX_DAYS)
            throw Problem.bad("al massimo un anno per richiesta / at most a year per query");
        long f = from.atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
        long t = to.plusDays(1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
        int offset = Statements.ITALY.getRules().getOffset(from.atStartOfDay(Statements.ITALY).toInstant())
                .getTotalSeconds() / 3600;
        return new Period(f, t, offset);
    }

    private static LocalDate date(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null) throw Problem.bad(name + " mancante / missing (YYYY-MM-DD)");
        try {
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            throw Problem.bad(name + " non è una data YYYY-MM-DD / is not a YYYY-MM-DD date");
        }
    }

    static StatsStore.By by(HttpServletRequest req, boolean open) {
        String v = req.getParameter("by");
        if (v == null) throw Problem.bad("by mancante / missing: district, area, operator_type, vehicle_class, hour_of_day, day"
                + (open ? "" : ", location"));
        try {
            StatsStore.By by = StatsStore.By.valueOf(v.toUpperCase(Locale.ROOT));
            if (open && by == StatsStore.By.LOCATION)
                throw Problem.bad("by=location non è un dato aperto / is not open data");
            return by;
        } catch (IllegalArgumentException e) {
            throw Problem.bad("by sconosciuto / unknown: " + (v.length() > 40 ? v.substring(0, 40) : v));
        }
    }

    private void sessions(HttpServletRequest req, HttpServletResponse resp, Backend b, boolean csv) throws IOException {
        Period p = period(req);
        StatsStore.By by = by(req, false);
        b.flush();
        List<StatsStore.SessionGroup> rows = b.store().sessions(p.from(), p.to(), by, p.offsetHours());
        if (csv) {
            csv(resp, "sessions.csv", rows, b.co2(), 1);
            return;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (StatsStore.SessionGroup g : rows) out.add(row(g, b.co2()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("by", by.name().toLowerCase(Locale.ROOT));
        body.put("groups", out);
        json(resp, body);
    }

    private void openSessions(HttpServletRequest req, HttpServletResponse resp, Backend b) throws IOException {
        Period p = period(req);
        StatsStore.By by = by(req, true);
        b.flush();
        csv(resp, "sessions-open-data.csv", b.store().sessions(p.from(), p.to(), by, p.offsetHours()), b.co2(),
                b.openDataK());
    }

    private static Map<String, Object> row(StatsStore.SessionGroup g, Co2 co2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", g.key());
        m.put("sessions", g.sessions());
        m.put("points", g.points());
        m.put("energy_kwh", g.energyWh() / 1000);
        m.put("solar_share", g.energyWh() > 0 ? g.solarWh() / g.energyWh() : null);
        m.put("co2_avoided_kg", co2.avoidedKg(g.energyWh(), g.solarWh()));
        return m;
    }

    /**
     * In open data (k > 1), a group with fewer than k sessions, or fewer than {@link #OPEN_MIN_POINTS} points (one
     * private provider's charger must not be readable from its area's row), is left out; how many were left out is
     * told in {@code X-Suppressed-Groups}.
     */
    private static void csv(HttpServletResponse resp, String name, List<StatsStore.SessionGroup> rows, Co2 co2, int k)
            throws IOException {
        resp.setContentType(CSV);
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (Writer w = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("key", "sessions", "points",
                     "energy_kwh", "solar_share", "co2_avoided_kg").build())) {
            int suppressed = 0;
            for (StatsStore.SessionGroup g : rows) {
                if (k > 1 && (g.sessions() < k || g.points() < OPEN_MIN_POINTS)) {
                    suppressed++;
                    continue;
                }
                p.printRecord(g.key(), g.sessions(), g.points(), fmt(g.energyWh() / 1000, 3),
                        g.energyWh() > 0 ? fmt(g.solarWh() / g.energyWh(), 3) : "", fmt(co2.avoidedKg(g.energyWh(), g.solarWh()), 1));
            }
            if (k > 1) resp.setHeader("X-Suppressed-Groups", String.valueOf(suppressed));
        }
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private void badData(HttpServletRequest req, HttpServletResponse resp, Backend b) throws IOException {
        Period p = period(req);
        b.flush();
        List<Map<String, Object>> out = new ArrayList<>();
        for (StatsStore.BadCount c : b.store().badData(p.from(), p.to())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("module", c.module());
            m.put("rule", c.rule());
            m.put("occurrences", c.occurrences());
            out.add(m);
        }
        json(resp, Map.of("bad_data", out));
    }

    private void availability(HttpServletRequest req, HttpServletResponse resp, Backend b) throws IOException {
        Period p = period(req);
        b.flush();
        List<Map<String, Object>> points = new ArrayList<>();
        for (StatsStore.AvailabilityRow a : b.store().availability(p.from(), p.to())) {
            if (a.totalMs() <= 0) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("location_id", a.locationId());
            shares(m, a.freeMs(), a.chargingMs(), a.outOfOrderMs(), a.offlineMs());
            points.add(m);
        }
        List<Map<String, Object>> districts = new ArrayList<>();
        for (StatsStore.DistrictAvailability d : b.store().availabilityByDistrict(p.from(), p.to())) {
            if (d.totalMs() <= 0) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("district", d.district());
            m.put("points", d.points());
            shares(m, d.freeMs(), d.chargingMs(), d.outOfOrderMs(), d.offlineMs());
            districts.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("points", points);
        body.put("districts", districts);
        json(resp, body);
    }

    /** Socket-hours observed and the share of them in each state (of the time observed, never of the calendar). */
    private static void shares(Map<String, Object> m, long free, long charging, long outOfOrder, long offline) {
        double total = free + charging + outOfOrder + offline;
        m.put("socket_hours", total / 3_600_000.0);
        m.put("free_share", free / total);
        m.put("charging_share", charging / total);
        m.put("out_of_order_share", outOfOrder / total);
        m.put("offline_share", offline / total);
    }

    /**
     * Availability as CSV: per district (default) or, for the role only, per point. In open data (k > 1) a district
     * with fewer than {@link #OPEN_MIN_POINTS} points is left out: its shares would be one provider's.
     */
    private void availabilityCsv(HttpServletRequest req, HttpServletResponse resp, Backend b, int k) throws IOException {
        Period p = period(req);
        boolean byPoint = place(req, k > 1 ? List.of("district") : List.of("district", "location")).equals("location");
        b.flush();
        int suppressed = 0;
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(sb, CSVFormat.RFC4180.builder().setHeader(byPoint ? "location_id" : "district",
                "points", "socket_hours", "free_share", "charging_share", "out_of_order_share", "offline_share").build())) {
            if (byPoint) {
                for (StatsStore.AvailabilityRow a : b.store().availability(p.from(), p.to()))
                    if (a.totalMs() > 0) shareRecord(out, a.locationId(), 1, a.freeMs(), a.chargingMs(), a.outOfOrderMs(),
                            a.offlineMs());
            } else {
                for (StatsStore.DistrictAvailability d : b.store().availabilityByDistrict(p.from(), p.to())) {
                    if (d.totalMs() <= 0) continue;
                    if (k > 1 && d.points() < OPEN_MIN_POINTS) {
                        suppressed++;
                        continue;
                    }
                    shareRecord(out, d.district(), d.points(), d.freeMs(), d.chargingMs(), d.outOfOrderMs(), d.offlineMs());
                }
            }
        }
        attachment(resp, k > 1 ? "availability-open-data.csv" : "availability.csv", sb, k > 1 ? suppressed : -1);
    }

    private static void shareRecord(CSVPrinter out, String key, long points, long free, long charging, long outOfOrder,
                                    long offline) throws IOException {
        double total = free + charging + outOfOrder + offline;
        out.printRecord(key, points, fmt(total / 3_600_000.0, 3), fmt(free / total, 3), fmt(charging / total, 3),
                fmt(outOfOrder / total, 3), fmt(offline / total, 3));
    }

    private void unmetDemand(HttpServletRequest req, HttpServletResponse resp, Backend b) throws IOException {
        Period p = period(req);
        b.flush();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("areas", searchRows("area", b.store().searches(p.from(), p.to())));
        body.put("districts", searchRows("district", b.store().searchesByDistrict(p.from(), p.to())));
        json(resp, body);
    }

    private static List<Map<String, Object>> searchRows(String key, List<StatsStore.SearchCell> cells) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StatsStore.SearchCell c : cells) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(key, c.area());
            m.put("searches", c.searches());
            m.put("unmet", c.unmet());
            m.put("unmet_share", c.searches() > 0 ? (double) c.unmet() / c.searches() : null);
            out.add(m);
        }
        return out;
    }

    /**
     * Unmet demand as CSV, per grid cell (default) or per district. In open data (k > 1) a cell or district with
     * fewer than k searches is left out (few searches could be one person's).
     */
    private void unmetCsv(HttpServletRequest req, HttpServletResponse resp, Backend b, int k) throws IOException {
        Period p = period(req);
        boolean byDistrict = place(req, List.of("area", "district")).equals("district");
        b.flush();
        int suppressed = 0;
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(sb, CSVFormat.RFC4180.builder().setHeader(byDistrict ? "district" : "area",
                "searches", "unmet", "unmet_share").build())) {
            for (StatsStore.SearchCell c : byDistrict ? b.store().searchesByDistrict(p.from(), p.to())
                    : b.store().searches(p.from(), p.to())) {
                if (c.searches() < Math.max(1, k)) {
                    suppressed++;
                    continue;
                }
                out.printRecord(c.area(), c.searches(), c.unmet(), fmt((double) c.unmet() / c.searches(), 3));
            }
        }
        attachment(resp, k > 1 ? "unmet-demand-open-data.csv" : "unmet-demand.csv", sb, k > 1 ? suppressed : -1);
    }

    /** {@code by} of a CSV of places: one of {@code allowed}, the first when absent. */
    private static String place(HttpServletRequest req, List<String> allowed) {
        String v = req.getParameter("by");
        if (v == null) return allowed.get(0);
        if (!allowed.contains(v))
            throw Problem.bad("by deve essere / must be: " + String.join(", ", allowed));
        return v;
    }

    /** The CSV as a download; {@code suppressed} ≥ 0 is told in {@code X-Suppressed-Groups} (open data). */
    private static void attachment(HttpServletResponse resp, String name, StringBuilder csv, int suppressed)
            throws IOException {
        resp.setContentType(CSV);
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (suppressed >= 0) resp.setHeader("X-Suppressed-Groups", String.valueOf(suppressed));
        resp.getOutputStream().write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** What /districts answers: the districts sessions are counted in now, and why a configured file was refused. */
    private static Map<String, Object> districts(DistrictsStatus d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", d.file());
        m.put("districts", d.districts());
        m.put("other", org.microsmartgrid.city.stats.districts.Districts.OTHER);
        m.put("error", d.error());
        return m;
    }

    private void communities(HttpServletResponse resp, Backend b) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Community c : b.communities()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("substation", c.substation());
            m.put("members", c.members().size());
            out.add(m);
        }
        json(resp, Map.of("communities", out));
    }

    private void statement(String rest, HttpServletResponse resp, Backend b) throws IOException {
        String[] p = rest.split("/", -1);
        if (p.length != 3 || !p[1].equals("statements"))
            throw new Problem(404, "Non trovato / Not found", "nessuna risorsa / no such resource");
        boolean csv = p[2].endsWith(".csv");
        String monthText = csv ? p[2].substring(0, p[2].length() - 4) : p[2];
        YearMonth month;
        try {
            month = YearMonth.parse(monthText);
        } catch (DateTimeException e) {
            throw Problem.bad("il mese deve essere YYYY-MM / the month must be YYYY-MM");
        }
        Community c = b.communities().stream().filter(x -> x.id().equals(p[0])).findFirst().orElseThrow(() ->
                new Problem(404, "Non trovato / Not found", "comunità sconosciuta / unknown community"));
        b.flush();
        MonthlyStatement s = Statements.month(c, month, b.store(), b.rateEurPerMWh(), b.producerFraction());
        if (csv) {
            resp.setContentType(CSV);
            resp.setHeader("Content-Disposition", "attachment; filename=\"" + c.id() + "-" + month + ".csv\"");
            try (Writer w = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8)) {
                StatementCsv.write(s, w);
            }
            return;
        }
        json(resp, StatementJson.of(s, b.producerFraction()));
    }

    private void json(HttpServletResponse resp, Object body) throws IOException {
        resp.setStatus(200);
        resp.setContentType("application/json; charset=utf-8");
        byte[] bytes = gson.toJson(body).getBytes(StandardCharsets.UTF_8);
        resp.getOutputStream().write(bytes);
    }

    private void problem(HttpServletResponse resp, int status, String title, String detail, String instance)
            throws IOException {
        resp.setStatus(status);
        resp.setContentType(PROBLEM);
        if (status == 401) resp.setHeader("WWW-Authenticate", "Bearer realm=\"msg-city\"");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "about:blank");
        m.put("title", title);
        m.put("status", status);
        m.put("detail", detail);
        m.put("instance", instance);
        resp.getOutputStream().write(gson.toJson(m).getBytes(StandardCharsets.UTF_8));
    }
}
