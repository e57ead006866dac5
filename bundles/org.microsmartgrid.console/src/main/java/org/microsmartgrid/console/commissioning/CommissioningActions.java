package org.microsmartgrid.console.commissioning;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.microsmartgrid.api.control.LoopPause;
import org.microsmartgrid.api.control.LoopSelfTest;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's forms: each POST {@code action} validated, then carried out through the services and ConfigurationAdmin.
 * A refused request changes nothing and says why.
 */
final class CommissioningActions {

    /** @param status 303 (done, back to the page), 400 (bad request or refused by the component), 409 (not now) */
    record Outcome(int status, boolean ok, String message) {
        static Outcome done(String message) {
            return new Outcome(303, true, message);
        }

        static Outcome shown(boolean ok, String message) {
            return new Outcome(303, ok, message);
        }

        static Outcome bad(String message) {
            return new Outcome(400, false, message);
        }
    }

    /** How long a relay stays ON for the installer's look. */
    static final Duration CHECK_LEASE = Duration.ofMinutes(2);
    /** How long a check pauses the balancer (renewed by every check; it ends by itself). */
    static final Duration PAUSE = Duration.ofMinutes(10);
    private static final Pattern METER_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_]{1,16}");
    private static final Logger LOG = LoggerFactory.getLogger(CommissioningActions.class);

    private final ModuleFacts facts;
    private final Progress progress;
    private final Supplier<List<Relay>> relays;
    private final Supplier<List<Meter>> meters;
    private final Supplier<Optional<LoopPause>> pause;
    private final Supplier<Optional<LoopSelfTest>> selfTest;
    private final Clock clock;

    CommissioningActions(ModuleFacts facts, Progress progress, Supplier<List<Relay>> relays, Supplier<List<Meter>> meters,
                         Supplier<Optional<LoopPause>> pause, Supplier<Optional<LoopSelfTest>> selfTest, Clock clock) {
        this.facts = facts;
        this.progress = progress;
        this.relays = relays;
        this.meters = meters;
        this.pause = pause;
        this.selfTest = selfTest;
        this.clock = clock;
    }

    Outcome handle(String user, Map<String, String[]> parameters) {
        Map<String, String> p = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            if (e.getValue().length != 1) return Outcome.bad("parametro ripetuto / repeated parameter: " + e.getKey());
            p.put(e.getKey(), e.getValue()[0]);
        }
        String actor = "installer:" + user;
        String action = p.getOrDefault("action", "");
        try {
            Outcome o = switch (action) {
                case "board" -> board(p);
                case "relay-on" -> relayOn(p, actor);
                case "relay-seen-on" -> seenOn(p, actor);
                case "relay-seen-off" -> seenOff(p);
                case "relay-fix" -> relayFix(p);
                case "resume" -> resume(actor);
                case "meter-add" -> meterAdd(p);
                case "role" -> role(p);
                case "sign-start" -> signStart(p);
                case "sign-invert" -> signInvert(p);
                case "contract" -> contract(p);
                case "self-test" -> selfTest();
                default -> Outcome.bad("azione sconosciuta / unknown action: '" + action + "'");
            };
            if (o.status() == 303) LOG.info("Commissioning by '{}': {}: {}", user, action, o.message());
            return o;
        } catch (ConfigWriter.Refused e) {
            return Outcome.bad("Valore rifiutato / value refused: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return Outcome.bad(e.getMessage());
        } catch (IOException e) {
            LOG.error("Commissioning by '{}': {} failed: {}", user, action, e.toString());
            return new Outcome(500, false, "Configurazione non salvata / configuration not stored: " + e.getMessage());
        }
    }

    // --- 1. board ---------------------------------------------------------------------------------------------

    private Outcome board(Map<String, String> p) throws IOException, ConfigWriter.Refused {
        String folder = required(p, "board");
        Board board = BoardCatalog.find(facts.boards(), folder).orElseThrow(() -> new IllegalArgumentException(
                "scheda sconosciuta / unknown board: " + folder));
        facts.writer.updateSingleton(ModuleFacts.CHIP, board.chip());
        List<String> existing = facts.writer.factory(ModuleFacts.RELAY).stream()
                .map(r -> String.valueOf(r.get("relay.id"))).toList();
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> r : board.relays().entrySet()) {
            String id = String.valueOf(r.getValue().get("relay.id"));
            if (existing.contains(id)) continue;
            String name = r.getKey().substring(BoardCatalog.RELAY_PREFIX.length(), r.getKey().length() - ".config".length());
            if (facts.writer.createFactory(ModuleFacts.RELAY, name, r.getValue())) created.add(id);
        }
        progress.relays.clear();
        return Outcome.done("Scheda / Board: " + board.description() + "; relè creati / relays created: "
                + (created.isEmpty() ? "nessuno / none" : String.join(", ", created)));
    }

    // --- 2. relays --------------------------------------------------------------------------------------------

    private Outcome relayOn(Map<String, String> p, String actor) {
        Relay relay = relay(required(p, "relay"));
        Optional<LoopPause.Paused> paused = pause.get().map(lp -> lp.pause(PAUSE, actor));
        RelayResult r = relay.command(RelayCommand.on(actor, CHECK_LEASE));
        Instant now = clock.instant();
        if (!r.applied()) {
            String when = r.notBefore() == null ? "" : "; riprovare / try again " + Countdown.at(now, r.notBefore(), Countdown.ITALY);
            return Outcome.shown(false, relay.id() + ": " + (r.outcome() == RelayResult.Outcome.DEFERRED
                    ? "rinviato / deferred" : "rifiutato / refused") + (r.reason() == null ? "" : " (" + r.reason() + ")") + when);
        }
        progress.relays.put(relay.id(), new Progress.RelayTest(null, null, null));
        return Outcome.done(relay.id() + " acceso / on" + paused.map(x -> "; bilanciatore in pausa / balancer paused "
                + Countdown.at(now, x.until(), Countdown.ITALY)).orElse(""));
    }

    private Outcome seenOn(Map<String, String> p, String actor) {
        Relay relay = relay(required(p, "relay"));
        RelayCheck.WhenOn on = parse(RelayCheck.WhenOn.class, required(p, "answer"));
        String other = p.get("other");
        if (on == RelayCheck.WhenOn.OTHER && other != null && !other.isBlank() && !CHANNEL.matcher(other.strip()).matches())
            throw new IllegalArgumentException("canale non valido / invalid channel: " + other);
        if (progress.relays.get(relay.id()) == null)
            return new Outcome(409, false, relay.id() + ": avviare prima la prova / start the check first");
        // OFF at once (the safe direction, even inside the minimum on-time): the next question is about the OFF
        relay.command(RelayCommand.safetyOff(actor));
        progress.relays.put(relay.id(), new Progress.RelayTest(on, other == null || other.isBlank() ? null
                : other.strip().toUpperCase(java.util.Locale.ROOT), null));
        return Outcome.done(relay.id() + " spento / off");
    }

    private Outcome seenOff(Map<String, String> p) throws IOException {
        Relay relay = relay(required(p, "relay"));
        RelayCheck.WhenOff off = parse(RelayCheck.WhenOff.class, required(p, "answer"));
        Progress.RelayTest t = progress.relays.get(relay.id());
        if (t == null || t.on() == null)
            return new Outcome(409, false, relay.id() + ": rispondere prima con il relè acceso / answer with the relay on first");
        Object pin = facts.relayProperty(relay.id(), "pin");
        RelayCheck.Verdict v = RelayCheck.judge(pin == null ? relay.id() : pin.toString(), t.on(), off, t.other());
        progress.relays.put(relay.id(), new Progress.RelayTest(t.on(), t.other(), v));
        return Outcome.shown(v.ok(), relay.id() + ": " + v.text());
    }

    private Outcome relayFix(Map<String, String> p) throws IOException, ConfigWriter.Refused {
        Relay relay = relay(required(p, "relay"));
        Progress.RelayTest t = progress.relays.get(relay.id());
        if (t == null || t.verdict() == null || t.verdict().fix() == null)
            return new Outcome(409, false, relay.id() + ": nessuna correzione proposta / no fix proposed");
        Map<String, Object> change = t.verdict().fix().equals("active.low")
                ? Map.of("active.low", !Boolean.parseBoolean(String.valueOf(facts.relayProperty(relay.id(), "active.low"))))
                : Map.of("pin", t.other());
        if (!facts.writer.updateFactory(ModuleFacts.RELAY, "relay.id", relay.id(), change))
            return Outcome.bad(relay.id() + ": la sua configurazione non è un relè GPIO / its configuration is not a GPIO relay");
        progress.relays.remove(relay.id());
        return Outcome.done(relay.id() + ": " + change + " salvato, ripetere la prova / saved, check it again");
    }

    private Outcome resume(String actor) {
        pause.get().ifPresent(lp -> lp.resume(actor));
        return Outcome.done("Bilanciamento ripreso / Balancing resumed");
    }

    // --- 3. meters --------------------------------------------------------------------------------------------

    private Outcome meterAdd(Map<String, String> p) throws IOException, ConfigWriter.Refused {
        String id = required(p, "meter.id").strip();
        if (!METER_ID.matcher(id).matches())
            throw new IllegalArgumentException("meter.id: lettere, cifre, '_', '-', '.' / letters, digits, '_', '-', '.': " + id);
        MeterRole role = parse(MeterRole.class, required(p, "meter.role"));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("meter.id", id);
        props.put("bus.id", required(p, "bus.id"));
        props.put("bus.target", "(bus.id=" + ConfigWriter.escape(required(p, "bus.id")) + ")");
        props.put("unit.id", integer(p, "unit.id", 1, 247));
        props.put("profile", required(p, "profile"));
        props.put("meter.role", role.name());
        props.put("meter.socket", integer(p, "meter.socket", 0, 999));
        if (!facts.writer.createFactory(ModuleFacts.METER, id, props))
            return new Outcome(409, false, "il contatore esiste già / the meter exists already: " + id);
        return Outcome.done("Contatore / meter " + id + " aggiunto: le letture compaiono entro pochi secondi / added: "
                + "its readings show within seconds");
    }

    private Outcome role(Map<String, String> p) throws IOException, ConfigWriter.Refused {
        String id = required(p, "meter");
        MeterRole role = parse(MeterRole.class, required(p, "role"));
        if (!facts.writer.updateFactory(ModuleFacts.METER, "meter.id", id, Map.of("meter.role", role.name())))
            return Outcome.bad("il contatore " + id + " non si configura qui / meter " + id + " is not configured here");
        progress.signs.remove(id);
        return Outcome.done(id + ": ruolo / role " + role);
    }

    private Outcome signStart(Map<String, String> p) {
        String id = required(p, "meter");
        int load = integer(p, "load", 20, 30000);
        MeterReading r = reading(id);
        Optional<Double> w = r.good(Channel.ACTIVE_POWER);
        if (w.isEmpty()) return new Outcome(409, false, id + ": nessuna lettura valida / no good reading (" + r.quality()
                + (r.error() == null ? "" : ": " + r.error()) + ")");
        SignTest.Verdict first = SignTest.judge(r.role(), w.get(), w.get(), load);
        progress.signs.put(id, new Progress.SignRun(w.get(), load, clock.instant(), first, confirms(first)));
        return Outcome.done(id + ": prova del segno avviata a / sign test started at " + Math.round(w.get())
                + " W: accendere il carico / switch the load on");
    }

    private Outcome signInvert(Map<String, String> p) throws IOException, ConfigWriter.Refused {
        String id = required(p, "meter");
        Progress.SignRun run = progress.signs.get(id);
        if (run == null || run.verdict() == null || run.verdict().outcome() != SignTest.Outcome.INVERTED)
            return new Outcome(409, false, id + ": nessun segno invertito rilevato / no inverted sign seen");
        Boolean inverted = facts.invertible().get(id);
        if (inverted == null || !facts.writer.updateFactory(ModuleFacts.METER, "meter.id", id, Map.of("invert.power", !inverted)))
            return Outcome.bad(id + ": non si configura qui, invertire i collegamenti / not configured here: swap its wiring");
        progress.signs.remove(id);
        return Outcome.done(id + ": invert.power = " + !inverted + "; ripetere la prova / repeat the test");
    }

    /** Judges every running sign test on the live readings; RIGHT (or a battery's not-applicable) stays. */
    void watchSigns(List<MeterReading> readings) {
        for (MeterReading r : readings) {
            Progress.SignRun run = progress.signs.get(r.meterId());
            if (run == null || run.confirmed()) continue;
            Optional<Double> w = r.good(Channel.ACTIVE_POWER);
            if (w.isEmpty()) continue;
            SignTest.Verdict v = SignTest.judge(r.role(), run.beforeW(), w.get(), run.loadW());
            progress.signs.put(r.meterId(), new Progress.SignRun(run.beforeW(), run.loadW(), run.started(), v, confirms(v)));
        }
    }

    private static boolean confirms(SignTest.Verdict v) {
        return v.outcome() == SignTest.Outcome.RIGHT || v.outcome() == SignTest.Outcome.NOT_APPLICABLE;
    }

    // --- 4. contract, 5. self-test -----------------------------------------------------------------------------

    private Outcome contract(Map<String, String> p) throws IOException, ConfigWriter.Refused {
        int w = ContractPowers.parse(required(p, "contract.power.w"));
        facts.writer.updateSingleton(ModuleFacts.BALANCER, Map.of("contract.power.w", w));
        progress.selfTest = null;
        return Outcome.done("Potenza impegnata / contract power: " + ContractPowers.label(w));
    }

    private Outcome selfTest() {
        Optional<LoopSelfTest> test = selfTest.get();
        if (test.isEmpty()) return new Outcome(409, false, "bilanciatore non attivo / the balancer is not running");
        Progress.SelfTestRun run = new Progress.SelfTestRun(clock.instant(), test.get().dryRun());
        progress.selfTest = run;
        return Outcome.shown(run.passed(), run.passed() ? "Autotest superato / self-test passed"
                : "Autotest fallito / self-test failed");
    }

    // --- what the page shows ------------------------------------------------------------------------------------

    List<MeterReading> readings() {
        List<MeterReading> result = new ArrayList<>();
        for (Meter m : meters.get()) {
            try {
                result.add(m.reading());
            } catch (RuntimeException gone) {
                // unregistered meanwhile
            }
        }
        result.sort(Comparator.comparing(MeterReading::meterId));
        return result;
    }

    Optional<LoopPause.Paused> paused() {
        try {
            return pause.get().flatMap(LoopPause::paused);
        } catch (RuntimeException stopping) {
            return Optional.empty();
        }
    }

    List<Steps.Step> steps(List<RelayState> relayStates, List<MeterReading> readings) {
        // every relay configured or running: one restarting after a fix (its service briefly gone) still counts
        java.util.Set<String> ids = new java.util.TreeSet<>(facts.relayPins().keySet());
        relayStates.forEach(r -> ids.add(r.relayId()));
        int ok = (int) ids.stream().map(progress.relays::get)
                .filter(t -> t != null && t.verdict() != null && t.verdict().ok()).count();
        int grid = (int) readings.stream().filter(r -> r.role() == MeterRole.GRID && r.quality() == Quality.GOOD).count();
        int signs = (int) readings.stream().filter(r -> r.role() == MeterRole.GRID).map(r -> progress.signs.get(r.meterId()))
                .filter(s -> s != null && s.confirmed()).count();
        Progress.SelfTestRun run = progress.selfTest;
        return Steps.of(new Steps.Facts(facts.board(), ids.size(), ok, grid, signs, readings.size(),
                facts.contractW(), run == null ? null : run.passed()));
    }

    private Relay relay(String id) {
        for (Relay r : relays.get()) {
            try {
                if (r.id().equals(id)) return r;
            } catch (RuntimeException gone) {
                // unregistered meanwhile
            }
        }
        throw new IllegalArgumentException("relè sconosciuto / unknown relay: " + id);
    }

    private MeterReading reading(String id) {
        for (MeterReading r : readings()) if (r.meterId().equals(id)) return r;
        throw new IllegalArgumentException("contatore sconosciuto / unknown meter: " + id);
    }

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("manca / missing: " + name);
        return v;
    }

    private static int integer(Map<String, String> p, String name, int min, int max) {
        String v = required(p, name);
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) throw new NumberFormatException();
            return i;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": un intero tra / an integer between " + min + " e/and " + max + ": " + v);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("valore non valido / invalid value: " + value);
        }
    }
}
