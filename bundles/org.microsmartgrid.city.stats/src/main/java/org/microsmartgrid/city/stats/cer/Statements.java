package org.microsmartgrid.city.stats.cer;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.microsmartgrid.city.stats.energy.HourEnergy;

/**
 * Computes monthly statements. Pure given its readings.
 *
 * <p>Hour by hour over the month (Italian time): the members that day are the community; if any of them has not
 * got the whole hour measured ({@link HourEnergy#complete()}), the hour is <b>missing</b>: counted, shown, and not
 * counted in shared energy (a missing member could have changed min(fed, drawn) either way; nothing is guessed).
 * Otherwise shared = min(Σ fed, Σ drawn) and the members' shares follow {@link SharedEnergy#shares}.
 */
public final class Statements {

    public static final ZoneId ITALY = ZoneId.of("Europe/Rome");

    private Statements() {
    }

    public static MonthlyStatement month(Community c, YearMonth month, HourlyReadings readings, double rateEurPerMWh,
                                         double producerFraction) {
        if (rateEurPerMWh < 0 || !Double.isFinite(rateEurPerMWh)) throw new IllegalArgumentException("rate " + rateEurPerMWh);
        long from = month.atDay(1).atStartOfDay(ITALY).toInstant().toEpochMilli();
        long to = month.plusMonths(1).atDay(1).atStartOfDay(ITALY).toInstant().toEpochMilli();
        List<String> modules = c.members().stream().map(Member::module).toList();
        Map<String, Map<Long, HourEnergy>> data = readings.read(modules, from, to);

        Map<String, double[]> acc = new LinkedHashMap<>(); // memberHours, missing, fed, drawn, share
        for (Member m : c.members()) acc.put(m.module(), new double[5]);
        int hours = 0, withMembers = 0, missing = 0;
        double fed = 0, drawn = 0, shared = 0;
        for (long h = from; h < to; h += HourEnergy.HOUR_MS) {
            hours++;
            LocalDate day = java.time.Instant.ofEpochMilli(h).atZone(ITALY).toLocalDate();
            List<Member> present = c.members().stream().filter(m -> m.memberOn(day)).toList();
            if (present.isEmpty()) continue;
            withMembers++;
            Map<String, Double> f = new LinkedHashMap<>(), d = new LinkedHashMap<>();
            boolean complete = true;
            for (Member m : present) {
                acc.get(m.module())[0]++;
                HourEnergy e = data.getOrDefault(m.module(), Map.of()).get(h);
                if (e == null || !e.complete()) {
                    acc.get(m.module())[1]++;
                    complete = false;
                } else {
                    f.put(m.module(), e.exportWh());
                    d.put(m.module(), e.importWh());
                }
            }
            if (!complete) {
                missing++;
                continue;
            }
            Map<String, Double> shares = SharedEnergy.shares(f, d, producerFraction);
            for (Member m : present) {
                double[] a = acc.get(m.module());
                a[2] += f.get(m.module());
                a[3] += d.get(m.module());
                a[4] += shares.get(m.module());
            }
            double hf = f.values().stream().mapToDouble(Double::doubleValue).sum();
            double hd = d.values().stream().mapToDouble(Double::doubleValue).sum();
            fed += hf;
            drawn += hd;
            shared += SharedEnergy.shared(hf, hd);
        }
        List<MonthlyStatement.MemberLine> lines = new ArrayList<>();
        for (Member m : c.members()) {
            double[] a = acc.get(m.module());
            if (a[0] == 0) continue;
            lines.add(new MonthlyStatement.MemberLine(m.module(), m.name(), (int) a[0], (int) a[1], a[2], a[3], a[4],
                    euros(a[4], rateEurPerMWh)));
        }
        return new MonthlyStatement(c.id(), month, hours, withMembers, missing, fed, drawn, shared, rateEurPerMWh,
                euros(shared, rateEurPerMWh), lines);
    }

    static double euros(double wh, double rateEurPerMWh) {
        return wh / 1_000_000.0 * rateEurPerMWh;
    }
}
