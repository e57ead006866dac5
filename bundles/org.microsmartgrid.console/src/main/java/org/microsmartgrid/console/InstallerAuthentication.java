package org.microsmartgrid.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.console.auth.AuthSettings;
import org.microsmartgrid.console.auth.Authenticator;
import org.microsmartgrid.console.auth.Authenticator.Decision;
import org.microsmartgrid.console.auth.DeviceCookies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The Web Console's only way in. The runtime sets {@code felix.webconsole.security.providers=msg-installer}, so the
 * console refuses service until this provider is registered, and its built-in admin/admin login is off.
 *
 * <p>No {@code @Modified}, on purpose: a changed account list is applied by deactivating and activating again, so a
 * broken change closes the console (and shows as FAILED_ACTIVATION on /status) instead of leaving the previous
 * accounts, perhaps one that was just being removed, able to log in.
 */
@Component(name = InstallerAuthentication.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {SecurityProvider.class, ConfigurableComponent.class},
        property = SecurityProvider.PROPERTY_ID + "=" + InstallerAuthentication.PROVIDER_ID)
@Designate(ocd = InstallerAuthenticationConfig.class)
public final class InstallerAuthentication implements SecurityProvider, ConfigurableComponent {
    public static final String PID = "org.microsmartgrid.console.InstallerAuthentication";
    /** The id the runtime's felix.webconsole.security.providers waits for. */
    public static final String PROVIDER_ID = "msg-installer";
    public static final String REALM = "Micro Smart Grid";
    /** ServletContextHelper.REMOTE_USER: Felix HTTP answers getRemoteUser() with it. */
    public static final String REMOTE_USER = "org.osgi.service.http.authentication.remote.user";
    static final String AUTHENTICATION_TYPE = "org.osgi.service.http.authentication.type";

    private static final Logger LOG = LoggerFactory.getLogger(InstallerAuthentication.class);

    /** The user object the Web Console keeps for the request. */
    public record Installer(String name) {
    }

    private volatile Authenticator authenticator;

    @Activate
    void activate(InstallerAuthenticationConfig config) {
        AuthSettings settings;
        try {
            settings = AuthSettings.validate(config.users(), config.failuresBeforeLockout(), config.lockoutSeconds(),
                    config.lockoutMaxSeconds(), config.verifiedCacheSeconds());
        } catch (IllegalArgumentException e) {
            LOG.error("Configuration {} refused, the web console stays closed: {}", PID, e.getMessage());
            // no cause: its message is this one, and /status shows the failure text of DS as it is
            throw new IllegalArgumentException("pid " + PID + ": " + e.getMessage());
        }
        authenticator = new Authenticator(settings, Clock.systemUTC(), new SecureRandom());
        LOG.info("Installer login ready for {} installer(s): {}", settings.accounts().size(),
                String.join(", ", settings.accounts().all().keySet()));
    }

    @Deactivate
    void deactivate() {
        authenticator = null;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        Authenticator auth = authenticator;
        if (auth == null) return null;
        String device = deviceCookie(request);
        Decision decision = auth.authenticate(request.getRemoteAddr(), request.getHeader("Authorization"), device);
        try {
            if (decision instanceof Decision.Granted granted) {
                auth.deviceCookieFor(granted.user(), device).ifPresent(token -> response.addHeader("Set-Cookie",
                        DeviceCookies.NAME + "=" + token + "; Path=/; Max-Age=" + DeviceCookies.VALIDITY.toSeconds()
                                + "; HttpOnly; SameSite=Strict"));
                request.setAttribute(REMOTE_USER, granted.user());
                request.setAttribute(AUTHENTICATION_TYPE, "BASIC");
                return new Installer(granted.user());
            }
            if (decision instanceof Decision.LockedOut locked) {
                long seconds = locked.retryAfter().toSeconds();
                response.setHeader("Retry-After", Long.toString(seconds));
                plain(response, 429, "Troppi tentativi errati per questo account da questo indirizzo: riprova tra "
                        + seconds + " s / Too many failed logins for this account from this address: try again in "
                        + seconds + " s\n");
                return null;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            plain(response, 401, "Accesso riservato agli installatori / Installer login required\n");
            return null;
        } catch (IOException e) {
            LOG.debug("Could not answer an unauthenticated request", e); // the client went away
            return null;
        }
    }

    /** Every installer may do everything the console offers: there is one role. */
    @Override
    public boolean authorize(Object user, String role) {
        return user instanceof Installer;
    }

    /** Basic authentication keeps no server state; the Web Console then asks the browser to forget the login. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
    }

    private static String deviceCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) if (DeviceCookies.NAME.equals(c.getName())) return c.getValue();
        return null;
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
