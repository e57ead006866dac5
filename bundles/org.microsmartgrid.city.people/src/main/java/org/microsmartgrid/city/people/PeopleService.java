package org.microsmartgrid.city.people;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;

import org.h2.jdbcx.JdbcConnectionPool;
import org.microsmartgrid.city.ingest.ClaimHashes;
import org.microsmartgrid.city.people.account.Accounts;
import org.microsmartgrid.city.people.account.PasswordHasher;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.people.mail.FolderMailer;
import org.microsmartgrid.city.people.mail.Mailer;
import org.microsmartgrid.city.people.mail.SmtpMailer;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.PeopleServlet;
import org.microsmartgrid.city.registry.Registry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;

/**
 * Starts people and power on the city runtime: opens and migrates its own H2 database, wires accounts, listings,
 * moderation and drivers' feedback to the registry, and registers the API servlet with the HTTP whiteboard under
 * paths of its own (city.api keeps /api/v1/locations and the rest). A configuration change restarts it.
 */
@Component(configurationPid = PeopleConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = PeopleConfig.class)
public final class PeopleService {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleService.class);
    static final String[] PATTERNS = {"/api/v1/account/*", "/api/v1/listings/*", "/api/v1/moderation/*",
            "/api/v1/points/*", "/api/v1/reviews/*", "/api/v1/claims/*", "/api/v1/photos/*", "/api/v1/promotions/*", "/api/v1/faults/*", "/api/v1/leaderboard", "/api/v1/statistics", "/api/v1/admin/*"};

    @Reference
    private Registry registry;

    @Reference
    private EventAdmin events;

    /** Which module publishes which claim hash (the ingest): without it only an operator's codes claim. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClaimHashes claimHashes;

    /** The modules' door codes through the embedded broker: without it the owner is told to use the console. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.microsmartgrid.city.broker.doorcodes.ModuleDoorCodes doorCodes;

    /** The doors the modules told the city (city.doors): without it an owner's list of doors is empty. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.microsmartgrid.city.broker.doorcodes.ModuleDoorList doorList;

    /** The embedded broker's start channel (city.broker): without it, starts from the map answer 504. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.microsmartgrid.city.broker.charging.ModuleStarts moduleStarts;

    private JdbcConnectionPool pool;
    private ServiceRegistration<Servlet> registration;
    private ServiceRegistration<org.microsmartgrid.city.people.auth.Callers> callers;
    private ServiceRegistration<org.microsmartgrid.city.ingest.TelemetryObserver> sessionsClosed;

    @Activate
    void activate(BundleContext context, PeopleConfig config) {
        try {
            String data = context.getProperty("msg.data") == null ? "data" : context.getProperty("msg.data");
            Path file = Path.of(config.database_path().replace("${msg.data}", data)).toAbsolutePath();
            Files.createDirectories(file.getParent());
            pool = JdbcConnectionPool.create("jdbc:h2:file:" + file, "", "");
            pool.setMaxConnections(8);
            int ran = Db.migrate(pool);
            Mailer mailer = mailer(config, data);
            People people = new People(new Db(pool), registry, mailer,
                    new PasswordHasher(config.password_iterations()), config.public_url(), config.mails_per_address_per_hour(),
                    Clock.systemUTC(), (fault, point) -> events.postEvent(FaultEvents.of(fault, point)), hash -> {
                        ClaimHashes h = claimHashes;
                        return h == null ? java.util.List.of() : h.publishing(hash);
                    }, () -> java.util.Optional.ofNullable(doorCodes), () -> java.util.Optional.ofNullable(moduleStarts),
                    () -> java.util.Optional.ofNullable(doorList));
            for (String line : config.staff()) staff(people.accounts(), line);
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, PATTERNS);
            props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "msg-city-people");
            registration = context.registerService(Servlet.class, people.servlet(), props);
            callers = context.registerService(org.microsmartgrid.city.people.auth.Callers.class,
                    new org.microsmartgrid.city.people.web.SessionCallers(people.accounts()), null);
            sessionsClosed = context.registerService(org.microsmartgrid.city.ingest.TelemetryObserver.class,
                    people.solarStarts()::observed, null);
            LOG.info("people and power at {} ({} migration(s) applied now), mail {}", file, ran,
                    config.smtp_host().isBlank() ? "to the folder" : "by SMTP");
        } catch (Exception | LinkageError e) {
            LOG.error("people and power not started: {}", e.toString(), e);
            if (pool != null) pool.dispose();
            throw new IllegalStateException(e);
        }
    }

    private static Mailer mailer(PeopleConfig c, String data) {
        if (c.smtp_host().isBlank())
            return new FolderMailer(Path.of(c.mail_folder().replace("${msg.data}", data)), c.mail_from());
        return new SmtpMailer(c.smtp_host(), c.smtp_port(), c.smtp_starttls(), c.smtp_user(), c.smtp_password(), c.mail_from());
    }

    /** One staff line, "ROLE:e-mail"; a bad line is reported (without the address) and skipped. */
    static void staff(Accounts accounts, String line) {
        int colon = line == null ? -1 : line.indexOf(':');
        try {
            if (colon < 0) throw new IllegalArgumentException("not ROLE:e-mail");
            Role role = Role.valueOf(line.substring(0, colon).strip().toUpperCase(Locale.ROOT));
            if (role == Role.CITIZEN) throw new IllegalArgumentException("CITIZEN is every account's role");
            accounts.ensureStaff(line.substring(colon + 1).strip(), role);
        } catch (RuntimeException e) {
            LOG.error("staff line skipped: {}", e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    @Deactivate
    void deactivate() {
        if (sessionsClosed != null) sessionsClosed.unregister();
        if (callers != null) callers.unregister();
        if (registration != null) registration.unregister();
        if (pool != null) pool.dispose();
    }
}
