package org.microsmartgrid.host.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.NavigableMap;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.host.energy.BandSplit;
import org.microsmartgrid.host.energy.EnergyAccounting;
import org.microsmartgrid.host.energy.Flow;
import org.microsmartgrid.host.energy.Money;
import org.microsmartgrid.host.energy.Prices;
import org.microsmartgrid.host.energy.Totals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Today, this month or this year: the energy figures, what they mean in euros, and the chart's series (today by
 * band, the month by day, the year by month). Vehicles' solar share and the earnings from charging come from the
 * sessions started in the period (the charging bundle measures both per session).
 */
public final class EnergyView {
    public enum Period { TODAY, MONTH, YEAR }

    private EnergyView() {
    }

    public static JsonObject of(Period period, LocalDate today, EnergyAccounting energy, Prices prices,
                                List<ChargingSession> sessions) {
        LocalDate first = switch (period) {
            case TODAY -> today;
            case MONTH -> today.withDayOfMonth(1);
            case YEAR -> today.withDayOfYear(1);
        };
        Totals t = energy.totals(first, today);
        double sessionWh = 0;
        double sessionSolarWh = 0;
        double chargingEur = 0;
        int count = 0;
        for (ChargingSession s : sessions) {
            LocalDate day = BandSplit.day(s.started());
            if (day.isBefore(first) || day.isAfter(today)) continue;
            count++;
            sessionWh += s.energyWh();
            sessionSolarWh += s.solarWh();
            chargingEur += s.costEur();
        }
        Money money = Money.of(t, prices, chargingEur);

        JsonObject o = new JsonObject();
        o.addProperty("period", period.name().toLowerCase());
        o.addProperty("from", first.toString());
        o.addProperty("to", today.toString());
        o.addProperty("producedKwh", kwh(t.wh(Flow.PV)));
        o.addProperty("selfConsumedKwh", kwh(t.selfConsumedWh()));
        o.addProperty("exportedKwh", kwh(t.wh(Flow.GRID_EXPORT)));
        o.addProperty("vehiclesKwh", kwh(t.wh(Flow.VEHICLES)));
        o.addProperty("vehiclesSolarShare", sessionWh > 0 ? sessionSolarWh / sessionWh : null);
        o.addProperty("sessions", count);
        JsonObject imported = new JsonObject();
        for (TariffBand b : TariffBand.values()) imported.addProperty(b.name(), kwh(t.wh(Flow.GRID_IMPORT, b)));
        imported.addProperty("total", kwh(t.wh(Flow.GRID_IMPORT)));
        o.add("importedKwh", imported);
        JsonObject eur = new JsonObject();
        eur.addProperty("paidToGrid", money.paidToGridEur());
        eur.addProperty("earnedFromExport", money.earnedFromExportEur());
        eur.addProperty("savedBySun", money.savedBySunEur());
        eur.addProperty("earnedFromCharging", money.earnedFromChargingEur());
        o.add("eur", eur);
        o.add("chart", chart(period, first, today, energy));
        return o;
    }

    private static JsonObject chart(Period period, LocalDate first, LocalDate today, EnergyAccounting energy) {
        JsonArray labels = new JsonArray();
        JsonArray pv = new JsonArray();
        JsonArray imp = new JsonArray();
        JsonArray exp = new JsonArray();
        JsonArray veh = new JsonArray();
        switch (period) {
            case TODAY -> {
                Totals t = energy.totals(today, today);
                for (TariffBand b : TariffBand.values()) {
                    labels.add(b.name());
                    pv.add(kwh(t.wh(Flow.PV, b)));
                    imp.add(kwh(t.wh(Flow.GRID_IMPORT, b)));
                    exp.add(kwh(t.wh(Flow.GRID_EXPORT, b)));
                    veh.add(kwh(t.wh(Flow.VEHICLES, b)));
                }
            }
            case MONTH -> {
                NavigableMap<LocalDate, Totals> days = energy.daily(first, today);
                for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
                    Totals t = days.getOrDefault(d, Totals.ZERO);
                    labels.add(d.toString());
                    add(t, pv, imp, exp, veh);
                }
            }
            case YEAR -> {
                for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
                    Totals t = energy.totals(m.atDay(1), m.atEndOfMonth());
                    labels.add(m.toString());
                    add(t, pv, imp, exp, veh);
                }
            }
        }
        JsonObject c = new JsonObject();
        c.add("labels", labels);
        c.add("pv", pv);
        c.add("import", imp);
        c.add("export", exp);
        c.add("vehicles", veh);
        return c;
    }

    private static void add(Totals t, JsonArray pv, JsonArray imp, JsonArray exp, JsonArray veh) {
        pv.add(kwh(t.wh(Flow.PV)));
        imp.add(kwh(t.wh(Flow.GRID_IMPORT)));
        exp.add(kwh(t.wh(Flow.GRID_EXPORT)));
        veh.add(kwh(t.wh(Flow.VEHICLES)));
    }

    private static double kwh(double wh) {
        return Math.round(wh) / 1000.0;
    }
}
