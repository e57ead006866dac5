package org.microsmartgrid.host.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.host.energy.BandSplit;

/**
 * The sessions as CSV for the condominium's accounts (RFC 4180: comma, CRLF, quotes only where needed — no field
 * here can hold a comma or a quote: ids, numbers, fixed words). Italian local times; energy in kWh and money in EUR
 * with a dot, as spreadsheets import them. Never who started a session.
 */
public final class SessionsCsv {
    static final String HEADER = "session,socket,mode,started,ended,duration_min,energy_kwh,solar_kwh,solar_share,cost_eur,end_reason";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SessionsCsv() {
    }

    public static String of(List<ChargingSession> sessions, Instant now) {
        StringBuilder b = new StringBuilder(HEADER).append("\r\n");
        for (ChargingSession s : sessions) {
            Instant end = s.ended() == null ? now : s.ended();
            b.append(s.id()).append(',')
                    .append(s.socket()).append(',')
                    .append(s.mode()).append(',')
                    .append(LOCAL.format(s.started().atZone(BandSplit.ROME))).append(',')
                    .append(s.ended() == null ? "" : LOCAL.format(s.ended().atZone(BandSplit.ROME))).append(',')
                    .append(Duration.between(s.started(), end).toMinutes()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", s.energyWh() / 1000)).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", s.solarWh() / 1000)).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", s.energyWh() > 0 ? s.solarWh() / s.energyWh() : 0)).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", s.costEur())).append(',')
                    .append(s.endReason() == null ? "" : s.endReason()).append("\r\n");
        }
        return b.toString();
    }
}
