package org.microsmartgrid.console.claim;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.microsmartgrid.api.cloud.ModuleClaimCode;
import org.microsmartgrid.console.auth.CsrfGuard;
import org.microsmartgrid.console.pages.InstallerWrite;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web Console page "Claim code / Rivendicazione" (/system/console/claim): the module's own claim code, which a
 * provider enters in the city to claim the module's point (docs/people.md), and a button to make a new one (the old
 * one stops working). Reachable only through the console after the installer login; the POST needs the CSRF token and
 * redirects (303) so that a reload makes nothing. The code is the module's (the cloud link keeps it); this page
 * neither keeps nor logs it.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + ClaimPlugin.LABEL,
        "felix.webconsole.title=Claim code / Rivendicazione",
        "felix.webconsole.category=Micro Smart Grid"})
@SuppressWarnings("serial")
public final class ClaimPlugin extends HttpServlet {
    public static final String LABEL = "claim";
    private static final Logger LOG = LoggerFactory.getLogger(ClaimPlugin.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModuleClaimCode claim;

    private final transient Supplier<ModuleClaimCode> source;
    private final transient CsrfGuard csrf;
    /** What the next GET tells this installer, once. */
    private final transient Map<String, String> done = new ConcurrentHashMap<>();

    /** For DS. */
    public ClaimPlugin() {
        this.source = () -> claim;
        this.csrf = new CsrfGuard(new SecureRandom());
    }

    /** For tests. */
    ClaimPlugin(Supplier<ModuleClaimCode> claim, SecureRandom random) {
        this.source = claim;
        this.csrf = new CsrfGuard(random);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = InstallerWrite.installer(request);
        if (user == null) {
            InstallerWrite.sendText(response, 403, "Accesso negato / Not logged in");
            return;
        }
        ModuleClaimCode c = source.get();
        response.setHeader("Cache-Control", "no-store"); // the page holds a secret
        response.setContentType("text/html; charset=utf-8");
        response.getWriter().write(ClaimPage.render(c == null ? null : c.code(), InstallerWrite.pluginRoot(request),
                csrf.tokenFor(user), done.remove(user)));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> writer = InstallerWrite.allowed(request, csrf, "New claim code", LOG,
                (s, m) -> InstallerWrite.sendText(response, s, m));
        if (writer.isEmpty()) return;
        ModuleClaimCode c = source.get();
        if (c == null) {
            InstallerWrite.sendText(response, 503, "Nessun collegamento alla città / No cloud link on this module");
            return;
        }
        if (!"renew".equals(request.getParameter("action"))) {
            InstallerWrite.sendText(response, 400, "Azione sconosciuta / unknown action");
            return;
        }
        try {
            c.renew();
        } catch (java.io.UncheckedIOException e) {
            // the file could not be written (a full disk): nothing changed, the current code still works
            LOG.error("New claim code asked by installer '{}' not saved: {}", writer.get(), e.getMessage());
            InstallerWrite.sendText(response, 503, "Nuovo codice non salvato, vale ancora quello attuale / New code "
                    + "not saved, the current one still works");
            return;
        }
        LOG.info("New claim code made by installer '{}'", writer.get());
        done.put(writer.get(), "Nuovo codice generato: il precedente non vale più / New code made: the previous one "
                + "no longer works");
        response.setStatus(303);
        response.setHeader("Location", InstallerWrite.pluginRoot(request));
    }
}
