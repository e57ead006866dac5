package org.microsmartgrid.city.stats.energy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hourly energy per module as readings arrive: keeps each module's last reading and the hours' sums not yet stored.
 * Not thread-safe: the ingest's one thread feeds it, {@link #drain} is called under the same lock by its owner.
 */
public final class EnergyAggregator {

    /** What to store: hour contributions to add, each module's last reading, bad data to count. */
    public record Pending(List<Contribution> hours, Map<String, CounterSample> lasts, List<Bad> bad) {
    }

    public record Contribution(String module, HourEnergy energy) {
    }

    public record Bad(String module, BadData rule, long hourStart) {
    }

    private final CounterHours rules;
    private final long futureToleranceMs;
    private final Map<String, CounterSample> last = new HashMap<>();
    private Map<String, Map<Long, HourEnergy>> hours = new HashMap<>();
    private Map<String, CounterSample> changedLasts = new HashMap<>();
    private List<Bad> bad = new ArrayList<>();

    public EnergyAggregator(CounterHours rules, long futureToleranceMs) {
        this.rules = rules;
        this.futureToleranceMs = futureToleranceMs;
    }

    /** Where a module's readings continue from (after a restart: the stored last reading). */
    public void resume(String module, CounterSample lastStored) {
        last.putIfAbsent(module, lastStored);
    }

    public boolean knows(String module) {
        return last.containsKey(module);
    }

    /**
     * @param receivedAt when the city received it (our clock): a capture time beyond it plus the tolerance is a
     *                   wrong clock
     * @return null when it counted, else the rule that left it out
     */
    public BadData add(String module, CounterSample s, long receivedAt) {
        if (s.at() > receivedAt + futureToleranceMs) return bad(module, BadData.FUTURE_CLOCK, s.at());
        if (!Double.isFinite(s.importWh()) || !Double.isFinite(s.exportWh()) || s.importWh() < 0 || s.exportWh() < 0)
            return bad(module, BadData.COUNTER_BACK, s.at());
        CounterSample prev = last.get(module);
        if (prev == null) {
            setLast(module, s); // the first reading only starts the first interval
            return null;
        }
        CounterHours.Step step = rules.step(prev, s);
        if (step.verdict() == BadData.NOT_AFTER_PREVIOUS) return bad(module, step.verdict(), s.at());
        setLast(module, s); // a bad interval still moves the start: the next one is measured from here
        if (step.verdict() != null) return bad(module, step.verdict(), s.at());
        Map<Long, HourEnergy> m = hours.computeIfAbsent(module, k -> new HashMap<>());
        for (HourEnergy e : step.hours()) m.merge(e.hourStart(), e, HourEnergy::plus);
        return null;
    }

    private void setLast(String module, CounterSample s) {
        last.put(module, s);
        changedLasts.put(module, s);
    }

    private BadData bad(String module, BadData rule, long at) {
        bad.add(new Bad(module, rule, HourEnergy.hourOf(at)));
        return rule;
    }

    /** Hands over what is not stored yet and starts afresh. */
    public Pending drain() {
        List<Contribution> out = new ArrayList<>();
        hours.forEach((mod, m) -> m.values().forEach(e -> out.add(new Contribution(mod, e))));
        Pending p = new Pending(out, changedLasts, bad);
        hours = new HashMap<>();
        changedLasts = new HashMap<>();
        bad = new ArrayList<>();
        return p;
    }
}
