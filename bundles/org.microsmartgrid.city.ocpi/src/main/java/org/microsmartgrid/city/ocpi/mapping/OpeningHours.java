package org.microsmartgrid.city.ocpi.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.microsmartgrid.city.ocpi.model.Hours;
import org.microsmartgrid.city.ocpi.model.RegularHours;

/**
 * Our opening hours (OpenStreetMap {@code opening_hours} text; none = always open) as OCPI Hours. The common subset is
 * understood: {@code 24/7}, and rules {@code [days] times} separated by {@code ;} where days are {@code Mo..Su}, lists
 * and ranges ({@code Mo-Fr,Su}) and times are {@code HH:MM-HH:MM} lists; a later rule replaces an earlier one for the
 * days it names (as in OSM). An end of {@code 24:00} becomes {@code 23:59} and a period past midnight continues on the
 * next day (OCPI periods end on the day they begin). Anything else (holidays, months, "off", comments) is not
 * understood and the Location carries no opening_times: OCPI then says nothing rather than something wrong.
 */
final class OpeningHours {

    private static final List<String> DAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");
    private static final Pattern RULE = Pattern.compile(
            "(?:(?<days>(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?(?:,(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?)*)\\s+)?"
                    + "(?<times>\\d\\d:\\d\\d-\\d\\d:\\d\\d(?:,\\d\\d:\\d\\d-\\d\\d:\\d\\d)*)");
    private static final Pattern TIME = Pattern.compile("(\\d\\d):(\\d\\d)");

    private OpeningHours() {
    }

    static Optional<Hours> toOcpi(String osm) {
        if (osm == null || osm.isBlank() || osm.strip().equals("24/7")) return Optional.of(new Hours(true, null));
        Map<Integer, List<int[]>> byDay = new TreeMap<>();
        List<int[]> spill = new ArrayList<>(); // {weekday, begin, end} continuing after midnight
        for (String part : osm.strip().split("\\s*;\\s*")) {
            Matcher m = RULE.matcher(part);
            if (!m.matches()) return Optional.empty();
            List<Integer> days = m.group("days") == null ? List.of(1, 2, 3, 4, 5, 6, 7) : days(m.group("days"));
            List<int[]> periods = new ArrayList<>();
            List<int[]> after = new ArrayList<>();
            for (String range : m.group("times").split(",")) {
                String[] be = range.split("-");
                int begin = minutes(be[0]);
                int end = minutes(be[1]);
                if (begin < 0 || end < 0 || begin >= 24 * 60 || begin == end) return Optional.empty();
                // OCPI's last minute is 23:59, so a period that starts then cannot be said and is left out
                if (end > begin) add(periods, begin, Math.min(end, 24 * 60 - 1));
                else { // past midnight
                    add(periods, begin, 24 * 60 - 1);
                    if (end > 0) after.add(new int[] {0, end});
                }
            }
            for (int d : days) {
                byDay.put(d, periods);
                for (int[] p : after) spill.add(new int[] {d % 7 + 1, p[0], p[1]});
            }
        }
        List<RegularHours> out = new ArrayList<>();
        byDay.forEach((d, ps) -> ps.forEach(p -> out.add(new RegularHours(d, hhmm(p[0]), hhmm(p[1])))));
        spill.forEach(s -> out.add(new RegularHours(s[0], hhmm(s[1]), hhmm(s[2]))));
        out.sort((a, b) -> a.weekday() != b.weekday() ? a.weekday() - b.weekday() : a.periodBegin().compareTo(b.periodBegin()));
        return out.isEmpty() ? Optional.empty() : Optional.of(new Hours(false, out));
    }

    private static void add(List<int[]> periods, int begin, int end) {
        if (end > begin) periods.add(new int[] {begin, end});
    }

    private static List<Integer> days(String spec) {
        List<Integer> out = new ArrayList<>();
        for (String item : spec.split(",")) {
            String[] r = item.split("-");
            int from = DAYS.indexOf(r[0]) + 1;
            int to = r.length == 1 ? from : DAYS.indexOf(r[1]) + 1;
            for (int d = from; ; d = d % 7 + 1) { // Sa-Mo wraps over Sunday
                if (!out.contains(d)) out.add(d);
                if (d == to) break;
            }
        }
        return out;
    }

    /** Minutes after midnight, 24:00 = 1440; -1 when not a time. */
    private static int minutes(String s) {
        Matcher m = TIME.matcher(s);
        if (!m.matches()) return -1;
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        if (min > 59 || h > 24 || (h == 24 && min > 0)) return -1;
        return h * 60 + min;
    }

    private static String hhmm(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
