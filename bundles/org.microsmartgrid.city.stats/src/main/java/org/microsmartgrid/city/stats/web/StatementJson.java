package org.microsmartgrid.city.stats.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.microsmartgrid.city.stats.cer.MonthlyStatement;

/** A statement as the API's JSON: energy in kWh, money in euros (full precision; round when showing). */
final class StatementJson {

    private StatementJson() {
    }

    static Map<String, Object> of(MonthlyStatement s, double producerFraction) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("community", s.community());
        m.put("month", s.month().toString());
        m.put("hours", s.hours());
        m.put("hours_with_members", s.hoursWithMembers());
        m.put("missing_hours", s.missingHours());
        m.put("fed_kwh", s.fedWh() / 1000);
        m.put("drawn_kwh", s.drawnWh() / 1000);
        m.put("shared_kwh", s.sharedWh() / 1000);
        m.put("rate_eur_per_mwh", s.rateEurPerMWh());
        m.put("producer_fraction", producerFraction);
        m.put("incentive_eur", s.incentiveEur());
        List<Map<String, Object>> members = new ArrayList<>();
        for (MonthlyStatement.MemberLine l : s.members()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("module", l.module());
            x.put("name", l.name());
            x.put("member_hours", l.memberHours());
            x.put("missing_hours", l.missingHours());
            x.put("fed_kwh", l.fedWh() / 1000);
            x.put("drawn_kwh", l.drawnWh() / 1000);
            x.put("share_kwh", l.shareWh() / 1000);
            x.put("incentive_eur", l.incentiveEur());
            members.add(x);
        }
        m.put("members", members);
        return m;
    }
}
