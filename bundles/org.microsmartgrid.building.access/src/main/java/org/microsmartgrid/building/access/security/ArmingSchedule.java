package org.microsmartgrid.building.access.security;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * When the building is armed on its own: daily windows in Italian local time, e.g. "22:00-06:30" (across midnight)
 * or "13:00-14:00,22:00-06:30". Empty: never armed by schedule (only by a person).
 */
public record ArmingSchedule(List<Window> windows) {
    public static final ZoneId ITALY = ZoneId.of("Europe/Rome");

    /** @param end exclusive; before start means the window crosses midnight */
    public record Window(LocalTime start, LocalTime end) {
        boolean contains(LocalTime t) {
            return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
        }
    }

    /** @throws IllegalArgumentException naming the window that cannot be read */
    public static ArmingSchedule parse(String text) {
        List<Window> windows = new ArrayList<>();
        if (text == null || text.isBlank()) return new ArmingSchedule(List.of());
        for (String part : text.split(",")) {
            String w = part.strip();
            String[] ends = w.split("-");
            try {
                if (ends.length != 2) throw new DateTimeParseException("no single '-'", w, 0);
                LocalTime start = LocalTime.parse(ends[0].strip());
                LocalTime end = LocalTime.parse(ends[1].strip());
                if (start.equals(end)) throw new IllegalArgumentException("armed schedule window '" + w
                        + "' is empty: start and end are equal");
                windows.add(new Window(start, end));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("armed schedule window '" + w + "' is not HH:MM-HH:MM (e.g. "
                        + "22:00-06:30)");
            }
        }
        return new ArmingSchedule(List.copyOf(windows));
    }

    public boolean armed(Instant now) {
        LocalTime t = now.atZone(ITALY).toLocalTime();
        return windows.stream().anyMatch(w -> w.contains(t));
    }
}
