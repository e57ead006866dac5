package org.microsmartgrid.console.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.microsmartgrid.console.auth.CsrfGuard;
import org.microsmartgrid.console.InstallerAuthentication;
import org.slf4j.Logger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the console's own pages share: who the installer is, where the page is, a plain-text answer, and the gate of
 * every state-changing POST of the console's own pages (relays, commissioning, doors, reservations): an
 * installer is logged in, and the form carries that installer's CSRF token from a page of this console (same Host,
 * Origin/Referer). A refusal is answered 403 through the page's own writer (text or JSON) and logged once.
 */
public final class InstallerWrite {

    /** How a page answers a refusal: status and an Italian / English message. */
    @FunctionalInterface
    public interface Refuse {
        void send(int status, String message) throws IOException;
    }

    private InstallerWrite() {
    }

    /** The installer the login let in (set by {@link InstallerAuthentication}), or null. */
    public static String installer(HttpServletRequest request) {
        Object user = request.getAttribute(InstallerAuthentication.REMOTE_USER);
        if (user instanceof String s && !s.isBlank()) return s;
        String remote = request.getRemoteUser();
        return remote == null || remote.isBlank() ? null : remote;
    }

    /**
     * @param what what the request would do, for the log ("Relay command", "Door code", …)
     * @return the installer allowed to write, or empty once the refusal has been sent
     */
    public static Optional<String> allowed(HttpServletRequest request, CsrfGuard csrf, String what, Logger log,
                                           Refuse refuse) throws IOException {
        String user = installer(request);
        if (user == null) {
            refuse.send(403, "Accesso negato / Not logged in");
            return Optional.empty();
        }
        Optional<String> refusal = csrf.refusal(user, request.getParameter(CsrfGuard.TOKEN_PARAMETER),
                request.getHeader("Host"), request.getHeader("Origin"), request.getHeader("Referer"));
        if (refusal.isPresent()) {
            log.warn("{} by '{}' refused as a possible cross-site request: {}", what, user, refusal.get());
            refuse.send(403, refusal.get());
            return Optional.empty();
        }
        return Optional.of(user);
    }

    /** Where the page is (the Web Console tells its plugins; the request's own path otherwise). */
    public static String pluginRoot(HttpServletRequest request) {
        Object root = request.getAttribute("felix.webconsole.pluginRoot");
        return root instanceof String s && !s.isBlank() ? s : request.getRequestURI();
    }

    /** A short plain-text answer (a refusal, an error) in Italian / English. */
    public static void sendText(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.getOutputStream().write(body);
    }
}
