package org.microsmartgrid.building.access;

import org.eclipse.kura.configuration.ConfigurableComponent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microsmartgrid.api.building.AccessEvent;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorState;
import org.microsmartgrid.building.access.decision.AccessDecision;
import org.microsmartgrid.building.access.decision.CodeFormat;
import org.microsmartgrid.building.access.decision.CodeRecord;
import org.microsmartgrid.building.access.decision.IssueRules;
import org.microsmartgrid.building.access.decision.Outcome;
import org.microsmartgrid.building.access.decision.Throttle;
import org.microsmartgrid.building.access.door.DoorDevice;
import org.microsmartgrid.building.access.store.AccessJournal;
import org.microsmartgrid.building.access.store.CodeBook;
import org.microsmartgrid.building.access.store.CodeHasher;
import org.microsmartgrid.building.access.store.JournalEntry;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and redeems one-time codes. Every decision is local (the journal is on the module's disk, the doors on its
 * pins): a lost cloud link neither opens nor blocks a door. One lock around a redeem: the throttles and "used" must
 * be decided one attempt at a time, and a grant is on disk before the strike moves.
 */
@Component(name = AccessService.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {DoorAccess.class, ConfigurableComponent.class})
@Designate(ocd = AccessConfig.class)
public class AccessService implements DoorAccess, ConfigurableComponent {
    public static final String PID = "org.microsmartgrid.building.access.DoorAccess";
    private static final Logger log = LoggerFactory.getLogger(AccessService.class);

    @Reference
    private BuildingHub hub;

    private final Clock clock;
    private final CodeHasher hasher;
    private volatile Limits limits;
    private AccessJournal journal;
    private CodeBook book;
    /**
     * Throttles per channel scope ({@link #scope}), then per door: wrong codes typed on the city's public page ("I am
     * at the door", anyone on the Internet) pause only that channel, never the building's own keypad or its systems.
     */
    private final Map<String, Map<String, Throttle.State>> doorThrottles = new HashMap<>();
    private final Map<String, Throttle.State> globalThrottles = new HashMap<>();

    /** The channel a guesser would use: {@code city} (the public page through the city), else {@code local}. */
    static String scope(String via) {
        return "city".equals(via) ? "city" : "local";
    }

    record Limits(Duration courierMax, Duration interventionMax, Throttle.Rules door, Throttle.Rules global) {
        static Limits of(AccessConfig c) {
            Duration backoff = Duration.ofSeconds(c.backoff_seconds());
            Duration max = Duration.ofSeconds(Math.max(c.max_backoff_seconds(), c.backoff_seconds()));
            Duration forget = Duration.ofHours(1);
            return new Limits(Duration.ofHours(c.courier_max_hours()), Duration.ofHours(c.intervention_max_hours()),
                    new Throttle.Rules(c.door_max_failures(), backoff, max, forget),
                    new Throttle.Rules(c.global_max_failures(), backoff, max, forget));
        }
    }

    public AccessService() {
        this(Clock.systemUTC(), new CodeHasher());
    }

    AccessService(Clock clock, CodeHasher hasher) {
        this.clock = clock;
        this.hasher = hasher;
    }

    /** For driving the component without a framework. */
    AccessService(BuildingHub hub, Clock clock, CodeHasher hasher) {
        this(clock, hasher);
        this.hub = hub;
    }

    @Activate
    public void activate(BundleContext context, AccessConfig config) {
        String data = context == null || context.getProperty("msg.data") == null ? "data"
                : context.getProperty("msg.data");
        Path file = Path.of(config.journal_path().replace("${msg.data}", data)).toAbsolutePath();
        limits = Limits.of(config);
        journal = new AccessJournal(file);
        book = CodeBook.replay(journal.read());
        log.info("door access: journal {}, {} live codes", file, book.live(clock.instant()));
    }

    /** Windows and back-off change live; the journal's path only with a restart of the component. */
    @Modified
    public void modified(AccessConfig config) {
        limits = Limits.of(config);
    }

    @Deactivate
    public void deactivate() {
        if (journal != null) journal.close();
    }

    @Override
    public List<DoorState> doors() {
        return hub.doors().values().stream().map(DoorDevice::state)
                .sorted(java.util.Comparator.comparing(DoorState::id)).toList();
    }

    @Override
    public synchronized IssuedCode issue(String door, CodeKind kind, Instant from, Instant until, String reason,
                                         String issuedBy) {
        Instant now = clock.instant();
        Limits l = limits;
        String r = IssueRules.check(hub.doors().keySet(), door, kind, from, until, reason, l.courierMax(),
                l.interventionMax(), now);
        String by = issuedBy == null || issuedBy.isBlank() ? "unknown" : issuedBy.strip();
        String code;
        do {
            code = CodeHasher.newCode(); // never two live codes alike on one door: a code names one window
        } while (book.match(door, code, now).isPresent());
        String id = CodeHasher.newId();
        String salt = CodeHasher.newSalt();
        JournalEntry e = new JournalEntry(JournalEntry.ISSUED, now.toString(), door, "ISSUED", kind.name(), id, null,
                r, from.toString(), until.toString(), salt, hasher.hash(code, salt), by);
        journal.append(e);
        book.apply(e);
        log.info("door {}: {} code {} issued by {} for {} .. {}", door, kind, id, by, from, until);
        hub.publish(new AccessEvent(now, door, "ISSUED", kind.name(), id, by, null));
        return new IssuedCode(id, door, kind, from, until, code);
    }

    @Override
    public List<LiveCode> liveCodes() {
        return book.liveCodes(clock.instant()).stream()
                .map(c -> new LiveCode(c.id(), c.door(), c.kind(), c.from(), c.until(), c.issuedBy())).toList();
    }

    /** On disk before the call returns (a crash cannot revive it), then sent to the listeners as REVOKED. */
    @Override
    public synchronized boolean revoke(String codeId, String revokedBy) {
        Instant now = clock.instant();
        String id = codeId == null ? "" : codeId.strip();
        Optional<CodeRecord> live = book.liveCodes(now).stream().filter(c -> c.id().equals(id)).findFirst();
        if (live.isEmpty()) return false;
        CodeRecord c = live.get();
        String by = revokedBy == null || revokedBy.isBlank() ? "unknown" : revokedBy.strip();
        JournalEntry e = new JournalEntry(JournalEntry.REVOKED, now.toString(), c.door(), "REVOKED", c.kind().name(),
                c.id(), by, null, null, null, null, null, null);
        journal.append(e);
        book.apply(e);
        log.info("door {}: {} code {} revoked by {}", c.door(), c.kind(), c.id(), by);
        hub.publish(new AccessEvent(now, c.door(), "REVOKED", c.kind().name(), c.id(), by, null));
        return true;
    }

    @Override
    public synchronized AccessResult redeem(String door, String entered, String via) {
        Instant now = clock.instant();
        DoorDevice device = hub.door(door).orElseThrow(() -> new IllegalArgumentException(
                "Porta sconosciuta / unknown door '" + door + "'"));
        String source = via == null || via.isBlank() ? "unknown" : via.strip();
        Optional<String> code = CodeFormat.normalise(entered);
        String scope = scope(source);
        Map<String, Throttle.State> throttles = doorThrottles.computeIfAbsent(scope, k -> new HashMap<>());
        Throttle.State doorState = throttles.getOrDefault(door, Throttle.State.CLEAR);
        Throttle.State globalThrottle = globalThrottles.getOrDefault(scope, Throttle.State.CLEAR);
        AccessDecision d = AccessDecision.precheck(code.isPresent(), doorState, globalThrottle, now)
                .orElseGet(() -> {
                    Optional<CodeRecord> match = book.match(door, code.get(), now);
                    return AccessDecision.decide(match, match.map(c -> book.used(c.id())).orElse(false),
                            match.map(c -> book.revoked(c.id())).orElse(false), now);
                });
        Limits l = limits;
        if (d.granted()) {
            throttles.remove(door);
        } else if (d.outcome().countsAsFailure()) {
            throttles.put(door, Throttle.failure(doorState, l.door(), now));
            globalThrottles.put(scope, Throttle.failure(globalThrottle, l.global(), now));
        }
        CodeRecord c = d.code();
        JournalEntry e = new JournalEntry(JournalEntry.ATTEMPT, now.toString(), door, d.outcome().name(),
                c == null ? null : c.kind().name(), c == null ? null : c.id(), source, null, null, null, null, null,
                null);
        journal.append(e); // on disk before the strike moves; a failed write throws and nothing opens
        book.apply(e);
        if (d.granted()) device.release();
        if (d.granted() || d.outcome() == Outcome.THROTTLED)
            log.info("door {}: {} via {}{}", door, d.outcome(), source, c == null ? "" : " (code " + c.id() + ")");
        else log.warn("door {}: {} via {}{}", door, d.outcome(), source, c == null ? "" : " (code " + c.id() + ")");
        hub.publish(new AccessEvent(now, door, d.outcome().name(), e.kind(), e.codeId(), source, null));
        return new AccessResult(d.outcome().name(), d.granted(), d.outcome().message());
    }
}
