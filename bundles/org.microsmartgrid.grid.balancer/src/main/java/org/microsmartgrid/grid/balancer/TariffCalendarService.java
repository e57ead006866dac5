package org.microsmartgrid.grid.balancer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.api.tariff.TariffCalendar;
import org.microsmartgrid.grid.balancer.tariff.BandHolidays;
import org.microsmartgrid.grid.balancer.tariff.ItalianTariffCalendar;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ARERA band calendar as a service, for the balancer (cheap hours) and the charging sessions (the price of each
 * kWh): both ask it, so a session's cost never depends on the balancer's last decision. Runs with ARERA's own list
 * when it has no configuration; a changed holiday list applies live, a refused one keeps the previous list.
 *
 * <p>Not a Kura ConfigurableComponent, and no metatype: those must require their configuration (Kura creates it
 * from the metatype), and the balancer cannot wait for a file that most sites never need. The holidays are set in
 * its {@code .config} file, not from Kapua's Configuration tab or the web console's forms.
 */
@Component(name = TariffCalendarConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = TariffCalendar.class)
public class TariffCalendarService implements TariffCalendar {
    private static final Logger LOG = LoggerFactory.getLogger(TariffCalendarService.class);

    private volatile ItalianTariffCalendar calendar = ItalianTariffCalendar.ARERA;

    @Activate
    void activate(TariffCalendarConfig config) {
        apply(config);
    }

    @Modified
    void modified(TariffCalendarConfig config) {
        apply(config);
    }

    /**
     * A bad list is logged and the calendar keeps the holidays it had (ARERA's at start) rather than fail: the
     * balancer needs this service, and a typo in a holiday must not stop the building's charging.
     */
    private void apply(TariffCalendarConfig config) {
        String[] extra = config.extra_holidays();
        try {
            calendar = new ItalianTariffCalendar(BandHolidays.ARERA.withExtra(extra));
            if (extra != null && extra.length > 0)
                LOG.info("Tariff calendar: ARERA's holidays plus {}", Arrays.toString(extra));
        } catch (IllegalArgumentException e) {
            LOG.error("{}: configuration refused, the calendar keeps its holidays: {}", TariffCalendarConfig.PID,
                    e.getMessage());
        }
    }

    @Override
    public TariffBand band(Instant t) {
        return calendar.band(t);
    }

    @Override
    public Instant nextPossibleChange(Instant t) {
        return calendar.nextPossibleChange(t);
    }

    @Override
    public boolean isHoliday(LocalDate day) {
        return calendar.isHoliday(day);
    }
}
