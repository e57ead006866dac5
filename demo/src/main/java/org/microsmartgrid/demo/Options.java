package org.microsmartgrid.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * The launcher's command line: {@code --speed X} (simulated seconds per real second, default 60: a day in 24
 * minutes), {@code --start 2026-06-21T08:00} (Milan time, default today at 08:00), {@code --hours H} (stop by
 * itself after H simulated hours; default: until Ctrl-C), {@code --dir D} (default run-municipio1/ in the
 * repository), {@code --root R} (the repository, default found from the jar), {@code --any-ports} (free ports
 * only, none of the usual ones: for tests and a second demo on one machine).
 */
record Options(Path root, Path dir, double speed, LocalDateTime start, double hours, boolean anyPorts) {

    static Options parse(String[] args, Path defaultRoot) {
        Path root = defaultRoot;
        Path dir = null;
        double speed = 60;
        LocalDateTime start = LocalDate.now(java.time.ZoneId.of("Europe/Rome")).atTime(8, 0);
        double hours = 0;
        boolean anyPorts = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--any-ports")) {
                anyPorts = true;
                continue;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException(a + ": manca il valore / value missing");
            String v = args[++i];
            try {
                switch (a) {
                    case "--speed" -> speed = Double.parseDouble(v);
                    case "--start" -> start = LocalDateTime.parse(v);
                    case "--hours" -> hours = Double.parseDouble(v);
                    case "--dir" -> dir = Path.of(v);
                    case "--root" -> root = Path.of(v);
                    default -> throw new IllegalArgumentException("opzione sconosciuta / unknown option: " + a);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException(a + " " + v + ": valore non valido / invalid value");
            }
        }
        // the simulator takes 0.001–100000 (docs/simulator.md); a demo makes sense between real time and a day a minute
        if (!(speed >= 1 && speed <= 1440)) throw new IllegalArgumentException("--speed: 1…1440");
        if (!(hours >= 0)) throw new IllegalArgumentException("--hours: ≥ 0");
        if (root == null) throw new IllegalArgumentException("--root: where is the repository?");
        return new Options(root.toAbsolutePath().normalize(),
                (dir != null ? dir : root.resolve("run-municipio1")).toAbsolutePath().normalize(), speed, start, hours, anyPorts);
    }
}
