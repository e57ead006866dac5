package org.microsmartgrid.city.people;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.h2.jdbcx.JdbcDataSource;
import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.account.PasswordHasher;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.people.mail.SmtpMailer;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.registry.store.JdbcRegistry;
import org.microsmartgrid.city.registry.store.TestDatabases;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;
import org.microsmartgrid.testing.Waits;

/**
 * People and power as it runs in the city, in one test: a real registry (H2), its own H2 database, a real SMTP
 * server in process (GreenMail) that receives the mails, and the servlet in the Jetty 11 that Felix HTTP embeds,
 * on a free loopback port.
 */
public final class TestCity implements AutoCloseable {

    private static final AtomicInteger N = new AtomicInteger();
    public final Registry registry = new JdbcRegistry(TestDatabases.fresh(), l -> { });
    public final Db db;
    public final People people;
    /** The OSGi events the runtime would post (fault reports). */
    public final List<org.osgi.service.event.Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The city's ingest on the same registry: modules' BIRTHs (and the claim hashes in them) go in here. */
    public final org.microsmartgrid.city.ingest.internal.Ingest ingest = new org.microsmartgrid.city.ingest.internal.Ingest(
            registry, 1000, 64 * 1024, 1000, Clock.systemUTC());
    /** The modules' door codes as the city's broker would answer (null: no broker, "use the console"). */
    public final java.util.concurrent.atomic.AtomicReference<org.microsmartgrid.city.broker.doorcodes.ModuleDoorCodes> doorCodes =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** The doors the modules told the city, as city.doors would list them (null: none). */
    public final java.util.concurrent.atomic.AtomicReference<org.microsmartgrid.city.broker.doorcodes.ModuleDoorList> doorList =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** The city broker's start channel as the runtime would give it (null: none, an external broker). */
    public volatile org.microsmartgrid.city.broker.charging.ModuleStarts moduleStarts;
    public final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    public TestCity() throws Exception {
        this(1000);
    }

    public TestCity(int mailsPerAddressPerHour) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:people" + N.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        Db.migrate(ds);
        db = new Db(ds);
        mail.start();
        people = new People(db, registry, new SmtpMailer("127.0.0.1", mail.getSmtp().getPort(), false, "", "",
                "Micro Smart Grid <noreply@example.org>"), new PasswordHasher(PasswordHasher.MIN_ITERATIONS),
                "https://city.example.org", mailsPerAddressPerHour, Clock.systemUTC(),
                (f, l) -> events.add(FaultEvents.of(f, l)), ingest, () -> java.util.Optional.ofNullable(doorCodes.get()),
                () -> java.util.Optional.ofNullable(moduleStarts), () -> java.util.Optional.ofNullable(doorList.get()));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(people.servlet()), "/api/v1/*");
        server.setHandler(context);
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
    }

    public Client client() {
        return new Client(this);
    }

    /** The code in the last mail to this address (the verification or reset code). */
    public String lastCode(String email) throws Exception {
        // the SMTP exchange finished before the API answered; this only guards
        MimeMessage last = Waits.present("a mail to " + email, () -> {
            MimeMessage found = null;
            for (MimeMessage m : mail.getReceivedMessages())
                if (m.getAllRecipients()[0].toString().equals(email)) found = m;
            return found;
        });
        Matcher m = Pattern.compile("(?:codice|code): ([A-Za-z0-9_-]{43})").matcher(GreenMailUtil.getBody(last));
        if (!m.find()) throw new AssertionError("no code in the mail");
        return m.group(1);
    }

    public List<MimeMessage> mailsTo(String email) throws Exception {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages())
            if (m.getAllRecipients()[0].toString().equals(email)) out.add(m);
        return out;
    }

    /** Signs up, confirms by the mailed code, grants roles (as an operator would) and logs in with a bearer token. */
    public Client person(String email, Role... roles) throws Exception {
        Client c = client();
        c.signUpAndVerify(email, "correct horse battery", "Persona " + N.incrementAndGet());
        Account a = people.accounts().byEmail(email).orElseThrow();
        for (Role r : roles) people.accounts().addRole(a.id(), r);
        c.loginBearer(email, "correct horse battery");
        c.accountId = a.id();
        return c;
    }

    @Override
    public void close() throws Exception {
        ingest.close();
        server.stop();
        mail.stop();
    }
}
