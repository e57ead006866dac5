package org.microsmartgrid.building.notify.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The checked form of the alarm-mail configuration. Every problem is named at once; nothing half-valid is used.
 *
 * @param types empty: every type
 */
public record MailSettings(String host, int port, boolean startTls, String user, String password, String from,
                           List<String> to, String siteName, Set<String> types, boolean notifyCleared,
                           Duration quiet) {

    /** The types the building bundle raises (docs/building-access.md). */
    public static final Set<String> KNOWN_TYPES =
            Set.of("DOOR_LEFT_OPEN", "DOOR_FORCED", "CONTACT", "PIR", "TAMPER", "SMOKE", "FLOOD");
    static final int MAX_RECIPIENTS = 10;

    public MailSettings {
        to = List.copyOf(to);
        types = Set.copyOf(types);
    }

    /** Whether an alarm of this type is mailed. */
    public boolean wants(String type) {
        return types.isEmpty() || types.contains(type);
    }

    public static MailSettings parse(String host, int port, boolean startTls, String user, String password, String from,
                                     String to, String siteName, String types, boolean notifyCleared,
                                     int quietMinutes) {
        List<String> problems = new ArrayList<>();
        String h = strip(host);
        if (h.isEmpty()) problems.add("smtp.host is empty");
        else if (!h.matches("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+\\]"))
            problems.add("smtp.host = " + h + " is not a host name");
        if (port < 1 || port > 65535) problems.add("smtp.port = " + port + ": 1..65535");
        String f = strip(from);
        if (f.isEmpty()) problems.add("from is empty");
        else if (!address(f)) problems.add("from = " + f + " is not an e-mail address");
        List<String> recipients = new ArrayList<>();
        for (String a : strip(to).split(",")) {
            String r = a.strip();
            if (r.isEmpty()) continue;
            if (!address(r)) problems.add("to: " + r + " is not an e-mail address");
            else if (!recipients.contains(r)) recipients.add(r);
        }
        if (recipients.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("to:")))
            problems.add("to is empty: name at least one contact");
        if (recipients.size() > MAX_RECIPIENTS)
            problems.add("to names " + recipients.size() + " addresses: at most " + MAX_RECIPIENTS);
        Set<String> wanted = new LinkedHashSet<>();
        for (String t : strip(types).split(",")) {
            String x = t.strip().toUpperCase(Locale.ROOT);
            if (x.isEmpty()) continue;
            if (!KNOWN_TYPES.contains(x)) problems.add("types: " + t.strip() + " is not one of " + sorted());
            else wanted.add(x);
        }
        if (quietMinutes < 0 || quietMinutes > 1440) problems.add("quiet.minutes = " + quietMinutes + ": 0..1440");
        String name = strip(siteName);
        if (name.length() > 100) problems.add("site.name is longer than 100 characters");
        // it goes into every mail's subject: a line break there would start a header of its own
        if (name.chars().anyMatch(Character::isISOControl)) problems.add("site.name has a control character or line break");
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        return new MailSettings(h, port, startTls, strip(user), password == null ? "" : password, f, recipients, name,
                wanted, notifyCleared, Duration.ofMinutes(quietMinutes));
    }

    private static boolean address(String a) {
        if (a.length() > 254 || a.chars().anyMatch(c -> c < 0x20)) return false;
        try {
            InternetAddress parsed = new InternetAddress(a, true);
            return parsed.getPersonal() == null && a.equals(parsed.getAddress()) && a.contains("@");
        } catch (AddressException e) {
            return false;
        }
    }

    private static String sorted() {
        return String.join(", ", KNOWN_TYPES.stream().sorted().toList());
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
