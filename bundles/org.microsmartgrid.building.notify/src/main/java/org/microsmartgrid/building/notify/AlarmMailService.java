package org.microsmartgrid.building.notify;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.building.AlarmEvent;
import org.microsmartgrid.api.building.BuildingEventListener;
import org.microsmartgrid.building.notify.mail.AlarmText;
import org.microsmartgrid.building.notify.mail.Coalescer;
import org.microsmartgrid.building.notify.mail.MailSettings;
import org.microsmartgrid.building.notify.mail.Outbox;
import org.microsmartgrid.building.notify.mail.Sender;
import org.microsmartgrid.building.notify.mail.SmtpSender;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails every alarm to the building's contacts. The security thread only queues ({@link #alarm} returns at once); one
 * mail thread coalesces, writes the outbox and sends, retrying while the mail server is down. Without this
 * configuration nothing is mailed; a configuration with a mistake is refused whole (the previous one stays).
 */
@Component(name = AlarmMailService.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {BuildingEventListener.class, ConfigurableComponent.class})
@Designate(ocd = AlarmMailConfig.class)
public class AlarmMailService implements BuildingEventListener, ConfigurableComponent {
    public static final String PID = "org.microsmartgrid.building.notify.AlarmMail";
    static final String OUTBOX = "alarm-mail-outbox.json";
    private static final Logger log = LoggerFactory.getLogger(AlarmMailService.class);

    private final Clock clock;
    private final Sender sender;
    private volatile MailSettings settings;
    private volatile Coalescer coalescer;
    private String site;
    private Outbox outbox;
    private ScheduledExecutorService thread;

    public AlarmMailService() {
        this(Clock.systemUTC(), new SmtpSender());
    }

    AlarmMailService(Clock clock, Sender sender) {
        this.clock = clock;
        this.sender = sender;
    }

    @Activate
    public void activate(BundleContext context, AlarmMailConfig config) {
        String data = context == null || context.getProperty("msg.data") == null ? "data" : context.getProperty("msg.data");
        activate(Path.of(data, OUTBOX), config);
    }

    void activate(Path outboxFile, AlarmMailConfig config) {
        apply(config, "alarm e-mails not started");
        outbox = new Outbox(outboxFile);
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alarm-mail");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::work, 0, 5, TimeUnit.SECONDS);
        log.info("alarm e-mails to {} contact(s) through {}:{}; {} waiting in the outbox", settings.to().size(),
                settings.host(), settings.port(), outbox.entries().size());
    }

    @Modified
    public void modified(AlarmMailConfig config) {
        apply(config, "new alarm-mail configuration refused, the previous one stays");
    }

    @Deactivate
    public void deactivate() {
        if (thread != null) thread.shutdownNow();
    }

    private void apply(AlarmMailConfig c, String consequence) {
        try {
            MailSettings s = MailSettings.parse(c.smtp_host(), c.smtp_port(), c.smtp_starttls(), c.smtp_user(),
                    c.smtp_password(), c.from(), c.to(), c.site_name(), c.types(), c.notify_cleared(),
                    c.quiet_minutes());
            String name = s.siteName().isEmpty() ? hostName() : s.siteName();
            Coalescer next = settings != null && settings.quiet().equals(s.quiet()) ? coalescer : new Coalescer(s.quiet());
            synchronized (this) {
                settings = s;
                site = name;
                coalescer = next;
            }
        } catch (RuntimeException e) {
            log.error("{}: configuration {}: {}", consequence, PID, e.getMessage());
            throw e;
        }
    }

    /** Called on the building bundle's thread: hands the event to the mail thread and returns. */
    @Override
    public void alarm(AlarmEvent event) {
        ScheduledExecutorService t = thread;
        if (event == null || t == null || t.isShutdown()) return;
        try {
            t.execute(() -> take(event));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the component is stopping: the event was already sent to the cloud and CoAP by their own listeners
        }
    }

    private void take(AlarmEvent e) {
        MailSettings s = settings;
        if (!s.wants(e.type()) || (!e.active() && !s.notifyCleared())) return;
        Instant now = clock.instant();
        Current cur = current();
        for (Coalescer.Told told : cur.coalescer().offer(e, now))
            outbox.add(AlarmText.of(told.event(), cur.site(), told.repeats()), now);
        work();
    }

    /** The site name and the coalescer of the configuration in force, read together. */
    private record Current(String site, Coalescer coalescer) {
    }

    private synchronized Current current() {
        return new Current(site, coalescer);
    }

    /** Flushes what the quiet time held back and sends what is due, oldest first, until one fails. */
    private void work() {
        try {
            Instant now = clock.instant();
            Current cur = current();
            for (Coalescer.Told told : cur.coalescer().flush(now))
                outbox.add(AlarmText.of(told.event(), cur.site(), told.repeats()), now);
            Optional<Outbox.Entry> next;
            while ((next = outbox.due(clock.instant())).isPresent()) {
                Outbox.Entry e = next.get();
                try {
                    sender.send(settings, e.subject(), e.body());
                    outbox.sent(e);
                    log.info("alarm e-mail sent: {}", e.subject());
                } catch (Exception failed) {
                    outbox.failed(e, clock.instant());
                    // the exception's text may name an address: only its kind is logged
                    log.warn("alarm e-mail not sent (attempt {}), kept in the outbox: {} {}", e.attempts() + 1,
                            failed.getClass().getSimpleName(), rootKind(failed));
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.error("alarm e-mails: {}", e.toString());
        }
    }

    Outbox outbox() {
        return outbox;
    }

    private static String rootKind(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        return r == t ? "" : "(" + r.getClass().getSimpleName() + ")";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "Micro Smart Grid";
        }
    }
}
