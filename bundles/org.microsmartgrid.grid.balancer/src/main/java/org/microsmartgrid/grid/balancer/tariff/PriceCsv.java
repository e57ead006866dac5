package org.microsmartgrid.grid.balancer.tariff;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads hourly prices: one line per hour, {@code <hour start>,<€/MWh>}, the hour start in ISO-8601 with its offset
 * (e.g. {@code 2026-12-07T18:00+01:00}, so the two 02:00 of the October change are told apart). The separator may be
 * {@code ;} instead of {@code ,}, and then the price may use a decimal comma (Italian spreadsheets). Empty lines,
 * lines starting with {@code #} and a first line that is a header (its price is not a number) are skipped.
 *
 * <p>A file with any bad line is refused as a whole, naming the lines: a wrong column or a wrong unit is more likely
 * than one bad hour, and half a file would trade on the other half's mistakes. Refused: a time that is not a whole
 * hour, an hour listed twice, a price that is not a number, a negative price (the PUN is floored at 0 €/MWh: a
 * negative value means the file is not the PUN, e.g. another market or a column of differences) and a price above
 * {@link #MAX_EUR_MWH} (a €/kWh ↔ €/MWh mix-up, not a price).
 */
public final class PriceCsv {

    /** No day-ahead hour has ever cleared near this; above it the number is not a PUN in €/MWh. */
    public static final double MAX_EUR_MWH = 5000;
    private static final int MAX_PROBLEMS_NAMED = 5;

    private PriceCsv() {
    }

    /** @throws IllegalArgumentException naming the bad lines (at most five) when anything is wrong */
    public static PriceList parse(String text, String source) {
        TreeMap<Instant, Double> hours = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int problemCount = 0;
        String[] lines = text.split("\\R", -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1); // a spreadsheet's byte order mark
            if (line.isEmpty() || line.startsWith("#")) continue;
            boolean header = first;
            first = false;
            String problem = null;
            char sep = line.indexOf(';') >= 0 ? ';' : ',';
            String[] parts = line.split(String.valueOf(sep), -1);
            if (parts.length != 2) {
                problem = "expected <hour start>" + sep + "<€/MWh>, got " + parts.length + " field(s)";
            } else {
                Double price = number(parts[1].strip(), sep == ';');
                if (price == null && header && !parts[0].strip().matches("\\d{4}-.*")) continue; // a header line
                Instant hour = null;
                try {
                    hour = OffsetDateTime.parse(parts[0].strip()).toInstant();
                } catch (DateTimeParseException e) {
                    problem = "'" + parts[0].strip() + "' is not a time with its offset, e.g. 2026-12-07T18:00+01:00";
                }
                if (problem == null && !hour.equals(hour.truncatedTo(ChronoUnit.HOURS)))
                    problem = parts[0].strip() + " does not start on a whole hour";
                else if (problem == null && price == null)
                    problem = "'" + parts[1].strip() + "' is not a price in €/MWh";
                else if (problem == null && price < 0)
                    problem = "negative price " + parts[1].strip() + " €/MWh: the PUN is never below 0 (is this the PUN?)";
                else if (problem == null && price > MAX_EUR_MWH)
                    problem = "price " + parts[1].strip() + " €/MWh is above " + (int) MAX_EUR_MWH + " (€/kWh given as €/MWh?)";
                else if (problem == null && hours.put(hour, price) != null)
                    problem = parts[0].strip() + " is listed twice";
            }
            if (problem != null && problemCount++ < MAX_PROBLEMS_NAMED) problems.add("line " + (i + 1) + ": " + problem);
        }
        if (problemCount > 0)
            throw new IllegalArgumentException(source + ": " + String.join("; ", problems)
                    + (problemCount > MAX_PROBLEMS_NAMED ? "; and " + (problemCount - MAX_PROBLEMS_NAMED) + " more" : ""));
        if (hours.isEmpty()) throw new IllegalArgumentException(source + ": no prices in it");
        return new PriceList(hours, source);
    }

    private static Double number(String s, boolean decimalComma) {
        String v = decimalComma ? s.replace(',', '.') : s;
        if (v.isEmpty() || !v.matches("[-+]?[0-9]+(\\.[0-9]+)?")) return null;
        return Double.parseDouble(v);
    }
}
