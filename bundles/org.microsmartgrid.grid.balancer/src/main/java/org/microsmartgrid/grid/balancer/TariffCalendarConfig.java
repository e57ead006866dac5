package org.microsmartgrid.grid.balancer;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The tariff calendar's settings: which days, besides ARERA's list, count as holidays (all F3). */
@ObjectClassDefinition(id = TariffCalendarConfig.PID, name = "Micro Smart Grid tariff calendar",
        description = "ARERA's F1/F2/F3 bands in Italian local time. The holidays are ARERA's list (Delibera 181/06); "
                + "add a day here only when ARERA or the supply contract counts it (e.g. 4 October, a national "
                + "holiday by Law 151/2025, is not in ARERA's list). / Fasce ARERA; festività aggiuntive solo se "
                + "previste da ARERA o dal contratto.")
public @interface TariffCalendarConfig {

    String PID = "org.microsmartgrid.grid.balancer.TariffCalendar";

    @AttributeDefinition(name = "Extra holidays", required = false,
            description = "Days counted as holidays (F3 all day) besides ARERA's list: MM-DD for every year "
                    + "(10-04) or YYYY-MM-DD for one day (2027-10-04). Empty: ARERA's list only.")
    String[] extra_holidays() default {};
}
