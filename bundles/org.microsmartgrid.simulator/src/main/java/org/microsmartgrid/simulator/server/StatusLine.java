package org.microsmartgrid.simulator.server;

import org.microsmartgrid.simulator.model.SiteSnapshot;
import org.microsmartgrid.simulator.model.SocketMeterValues;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One human line about the building, for the command line and demos. */
public final class StatusLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss EEE", Locale.ROOT);

    private StatusLine() {
    }

    public static String format(SiteSnapshot s, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append(TIME.format(s.at().atZone(zone)))
                .append(String.format(Locale.ROOT, " | grid %+.0f W (%s %.0f kWh in, %.0f kWh out) | PV %.0f W | building %.0f W",
                        s.grid().totalPower(), s.grid().totalPower() >= 0 ? "importing," : "exporting,",
                        s.grid().importKwh(), s.grid().exportKwh(), s.pv().powerW(), s.buildingW()));
        for (SocketMeterValues m : s.sockets()) {
            b.append(String.format(Locale.ROOT, " | socket %d %s %s", m.socket(), m.contactClosed() ? "ON" : "off",
                    m.vehicle() == null ? "empty" : String.format(Locale.ROOT, "%s %.1f%% %.0f W", m.vehicle(), m.socPercent(), m.powerW())));
        }
        return b.toString();
    }
}
