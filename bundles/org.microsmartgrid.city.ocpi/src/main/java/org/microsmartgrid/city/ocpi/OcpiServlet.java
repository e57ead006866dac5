package org.microsmartgrid.city.ocpi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.microsmartgrid.city.ocpi.auth.PartnerTokens;
import org.microsmartgrid.city.ocpi.mapping.LocationMapper;
import org.microsmartgrid.city.ocpi.mapping.OcpiTime;
import org.microsmartgrid.city.ocpi.model.Envelope;
import org.microsmartgrid.city.ocpi.model.OcpiConnector;
import org.microsmartgrid.city.ocpi.model.OcpiEvse;
import org.microsmartgrid.city.ocpi.model.OcpiJson;
import org.microsmartgrid.city.ocpi.model.OcpiLocation;
import org.microsmartgrid.city.ocpi.model.Version;
import org.microsmartgrid.city.ocpi.model.VersionDetails;
import org.microsmartgrid.city.registry.Counted;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.Registry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * OCPI 2.2.1, the city as a CPO, Sender interface of the Locations module (docs/ocpi.md):
 * {@code GET /ocpi/versions}, {@code /ocpi/2.2.1}, {@code /ocpi/2.2.1/locations} (paged) and
 * {@code /ocpi/2.2.1/locations/{location_id}[/{evse_uid}[/{connector_id}]]}. Every request needs a partner's
 * {@code Authorization: Token ...}; every answer is an OCPI envelope. Read-only: the Receiver interface is not offered.
 */
@Component(service = Servlet.class, configurationPid = OcpiConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OcpiConfig.class)
@HttpWhiteboardServletPattern("/ocpi/*")
@HttpWhiteboardServletName("msg-city-ocpi")
public final class OcpiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final Logger LOG = LoggerFactory.getLogger(OcpiServlet.class);
    static final String VERSION = "2.2.1";
    private static final String LOCATIONS = "/" + VERSION + "/locations";

    @Reference
    private transient Registry registry;
    private transient volatile Settings settings;
    private final transient Clock clock;

    public OcpiServlet() {
        this.clock = Clock.systemUTC();
    }

    OcpiServlet(Registry registry, Settings settings, Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
    }

    @Activate
    @Modified
    void configure(OcpiConfig config) {
        settings = Settings.of(config); // tokens change live: revoking a partner is deleting its line
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Settings s = settings;
        try {
            resp.setHeader("Cache-Control", "no-store");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            echo(req, resp, "X-Request-ID", "X-Request-ID");
            echo(req, resp, "X-Correlation-ID", "X-Correlation-ID");
            PartnerTokens.Result who = s.tokens().authenticate(req.getHeader("Authorization"));
            if (!who.ok()) {
                LOG.info("OCPI {} {} refused: {} token", req.getMethod(), ListQuery.clip(req.getRequestURI()),
                        who.refusal().name().toLowerCase());
                resp.setHeader("WWW-Authenticate", "Token");
                envelope(resp, 401, null, OcpiError.INVALID_PARAMETERS, refusal(who.refusal()));
                return;
            }
            if (s.party() == null) {
                envelope(resp, 503, null, 3000, "OCPI non configurato / OCPI not configured: " + s.problem());
                return;
            }
            if (!req.getMethod().equals("GET") && !req.getMethod().equals("HEAD")) {
                resp.setHeader("Allow", "GET, HEAD");
                envelope(resp, 405, null, OcpiError.GENERIC_CLIENT_ERROR, "solo l'interfaccia Sender (GET) / only "
                        + "the Sender interface (GET) is offered");
                return;
            }
            LOG.debug("OCPI {} {} by {}", req.getMethod(), req.getRequestURI(), who.partner());
            req.setAttribute(Settings.class.getName(), s); // one configuration for the whole request
            super.service(req, resp); // GET, or HEAD (GET without the body)
        } catch (OcpiError e) {
            envelope(resp, e.httpStatus, null, e.ocpiStatus, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("OCPI {} failed", req.getRequestURI(), e);
            envelope(resp, 500, null, 3000, "errore interno, riprovare / internal error, try again");
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Settings s = (Settings) req.getAttribute(Settings.class.getName());
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String base = base(req, s);
        if (path.equals("/versions")) {
            noParameters(req);
            ok(resp, List.of(new Version(VERSION, base + "/ocpi/" + VERSION)));
        } else if (path.equals("/" + VERSION) || path.equals("/" + VERSION + "/")) {
            noParameters(req);
            ok(resp, new VersionDetails(VERSION, List.of(
                    new VersionDetails.Endpoint("locations", "SENDER", base + "/ocpi" + LOCATIONS))));
        } else if (path.equals(LOCATIONS) || path.equals(LOCATIONS + "/")) {
            routing(req, resp, s);
            list(req, resp, s, base);
        } else if (path.startsWith(LOCATIONS + "/")) {
            routing(req, resp, s);
            noParameters(req);
            object(resp, s, path.substring(LOCATIONS.length() + 1).split("/", -1));
        } else {
            throw new OcpiError(404, OcpiError.GENERIC_CLIENT_ERROR, "nessun endpoint / no such endpoint "
                    + "(versioni / versions: /ocpi/versions)");
        }
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, Settings s, String base) throws IOException {
        ListQuery q = ListQuery.parse(req.getParameterMap(), s.maxLimit());
        long from = q.dateFrom() == null ? Long.MIN_VALUE : q.dateFrom();
        long to = q.dateTo() == null ? Long.MAX_VALUE : q.dateTo();
        // ordered by id: pages stay put while a partner crawls them. A point whose stored data OCPI cannot carry
        // (a connector standard not in OCPI's list) is counted but left out, so a page may hold fewer than limit.
        // the page and X-Total-Count from one snapshot: a partner never pages by a total the page does not match
        Counted<Location> read = registry.pageChangedCounted(from, to, q.offset(), q.limit());
        int total = read.total();
        List<OcpiLocation> page = new ArrayList<>();
        LocationMapper mapper = new LocationMapper(s.party());
        for (Location l : read.items()) mapper.map(l).ifPresent(page::add);
        resp.setHeader("X-Total-Count", Integer.toString(total));
        resp.setHeader("X-Limit", Integer.toString(q.limit()));
        if ((long) q.offset() + q.limit() < total)
            resp.setHeader("Link", "<" + base + "/ocpi" + LOCATIONS + "?" + q.next() + ">; rel=\"next\"");
        ok(resp, page);
    }

    private void object(HttpServletResponse resp, Settings s, String[] ids) throws IOException {
        if (ids.length > 3) throw new OcpiError(404, OcpiError.GENERIC_CLIENT_ERROR, "nessun endpoint / no such endpoint");
        for (String id : ids)
            if (id.isEmpty() || id.length() > 36 || !id.chars().allMatch(c -> c >= 0x21 && c <= 0x7e))
                throw OcpiError.badParameter("id non valido (CiString(36)) / invalid id (CiString(36)): " + ListQuery.clip(id));
        // CiString: ids compare case-insensitively; ours are lower-case UUIDs or the providers' ids as stored
        OcpiLocation location = registry.location(ids[0]).or(() -> registry.location(ids[0].toLowerCase()))
                .flatMap(new LocationMapper(s.party())::map)
                .orElseThrow(() -> OcpiError.notFound("location sconosciuta / unknown location: " + ids[0]));
        if (ids.length == 1) {
            ok(resp, location);
            return;
        }
        OcpiEvse evse = location.evses().stream().filter(e -> e.uid().equalsIgnoreCase(ids[1])).findFirst()
                .orElseThrow(() -> OcpiError.notFound("EVSE sconosciuto / unknown EVSE: " + ids[1]));
        if (ids.length == 2) {
            ok(resp, evse);
            return;
        }
        Optional<OcpiConnector> connector = evse.connectors().stream().filter(c -> c.id().equalsIgnoreCase(ids[2]))
                .findFirst();
        ok(resp, connector.orElseThrow(() -> OcpiError.notFound("connettore sconosciuto / unknown connector: " + ids[2])));
    }

    /** GET Object and the version endpoints take no query parameters: anything given is a mistake worth saying. */
    private static void noParameters(HttpServletRequest req) {
        if (!req.getParameterMap().isEmpty())
            throw OcpiError.badParameter("parametri non ammessi qui / no parameters allowed here: "
                    + ListQuery.clip(String.join(", ", req.getParameterMap().keySet())));
    }

    private static String base(HttpServletRequest req, Settings s) {
        if (!s.publicUrl().isEmpty()) return s.publicUrl();
        int port = req.getServerPort();
        boolean dflt = (req.getScheme().equals("http") && port == 80) || (req.getScheme().equals("https") && port == 443);
        return req.getScheme() + "://" + req.getServerName() + (dflt ? "" : ":" + port) + req.getContextPath();
    }

    /**
     * Message routing headers (transport_and_format, "Message Routing Headers") for a functional module: we answer
     * from our party to whoever the request says it is from.
     */
    private static void routing(HttpServletRequest req, HttpServletResponse resp, Settings s) {
        echo(req, resp, "OCPI-from-country-code", "OCPI-to-country-code");
        echo(req, resp, "OCPI-from-party-id", "OCPI-to-party-id");
        resp.setHeader("OCPI-from-country-code", "IT");
        resp.setHeader("OCPI-from-party-id", s.party().partyId());
    }

    private static void echo(HttpServletRequest req, HttpServletResponse resp, String from, String to) {
        String v = req.getHeader(from);
        if (v != null && v.length() <= 100 && v.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) resp.setHeader(to, v);
    }

    private static String refusal(PartnerTokens.Refusal r) {
        return switch (r) {
            case MISSING -> "manca l'intestazione Authorization / missing Authorization header";
            case MALFORMED -> "Authorization deve essere / must be \"Token {token in Base64}\"";
            case UNKNOWN -> "token sconosciuto o revocato / unknown or revoked token";
        };
    }

    private void ok(HttpServletResponse resp, Object data) throws IOException {
        envelope(resp, 200, data, 1000, "Successo / Success");
    }

    private void envelope(HttpServletResponse resp, int http, Object data, int ocpi, String message) throws IOException {
        if (resp.isCommitted()) return;
        resp.setStatus(http);
        resp.setContentType("application/json; charset=utf-8");
        String body = OcpiJson.GSON.toJson(new Envelope(data, ocpi, message, OcpiTime.format(clock.millis())));
        resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
