package org.microsmartgrid.city.stats.cer;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A statement as CSV (RFC 4180): one row for the community, then one per member. Energy in kWh with 3 decimals,
 * money in euros with 2 (the statement itself keeps full precision).
 */
public final class StatementCsv {

    public static final String[] HEADER = {"row", "community", "month", "module", "name", "hours", "missing_hours",
            "fed_kwh", "drawn_kwh", "shared_kwh", "rate_eur_per_mwh", "incentive_eur"};

    private StatementCsv() {
    }

    public static void write(MonthlyStatement s, Writer out) throws IOException {
        CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).build());
        p.printRecord("community", s.community(), s.month(), "", "", s.hoursWithMembers(), s.missingHours(),
                kwh(s.fedWh()), kwh(s.drawnWh()), kwh(s.sharedWh()), s.rateEurPerMWh(), eur(s.incentiveEur()));
        for (MonthlyStatement.MemberLine m : s.members()) {
            p.printRecord("member", s.community(), s.month(), m.module(), m.name(), m.memberHours(), m.missingHours(),
                    kwh(m.fedWh()), kwh(m.drawnWh()), kwh(m.shareWh()), s.rateEurPerMWh(), eur(m.incentiveEur()));
        }
        p.flush();
    }

    private static String kwh(double wh) {
        return String.format(Locale.ROOT, "%.3f", wh / 1000.0);
    }

    private static String eur(double eur) {
        return String.format(Locale.ROOT, "%.2f", eur);
    }
}
