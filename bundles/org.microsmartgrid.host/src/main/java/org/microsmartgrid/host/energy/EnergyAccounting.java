package org.microsmartgrid.host.energy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterListener;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.api.tariff.TariffCalendar;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds every good counter reading of every meter into the {@link EnergyLedger} and keeps the ledger in its
 * {@link EnergyStore}. Runs with its defaults without a configuration file.
 */
@Component(name = EnergyAccountingConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {EnergyAccounting.class, MeterListener.class})
@Designate(ocd = EnergyAccountingConfig.class)
public final class EnergyAccounting implements MeterListener {
    private static final Logger LOG = LoggerFactory.getLogger(EnergyAccounting.class);

    private final TariffCalendar calendar;
    private final EnergyLedger ledger;
    private final EnergyStore store;
    private final int keepDays;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService saver;

    @Activate
    public EnergyAccounting(@Reference TariffCalendar calendar, EnergyAccountingConfig config, BundleContext context)
            throws IOException {
        this(calendar, config, context.getProperty("msg.data"));
    }

    /** @param dataDir what {@code ${msg.data}} stands for; null: "data" */
    public EnergyAccounting(TariffCalendar calendar, EnergyAccountingConfig config, String dataDir) throws IOException {
        if (!(config.max_power_w() >= 10 && config.max_power_w() <= 10_000_000))
            throw new IllegalArgumentException("max.power.w must be 10..10000000, got " + config.max_power_w());
        if (config.save_every_s() < 1 || config.save_every_s() > 3600)
            throw new IllegalArgumentException("save.every.s must be 1..3600, got " + config.save_every_s());
        if (config.keep_days() < 400) throw new IllegalArgumentException("keep.days must be at least 400, got " + config.keep_days());
        this.calendar = calendar;
        this.keepDays = config.keep_days();
        this.store = new EnergyStore(Path.of(config.file().replace("${msg.data}", dataDir == null ? "data" : dataDir)));
        this.ledger = new EnergyLedger(calendar, config.max_power_w());
        try {
            store.load().ifPresent(ledger::restore);
        } catch (IOException e) {
            // keep the bad file for a person to look at, and count from now on rather than not at all
            Path aside = store.file().resolveSibling(store.file().getFileName() + ".unreadable-" + clock.millis());
            Files.move(store.file(), aside);
            LOG.error("Energy accounting: {}; moved it to {} and started a new ledger", e.getMessage(), aside);
        }
        LOG.info("Energy accounting: ledger {} ({} counters known)", store.file().toAbsolutePath(), ledger.state().counters().size());
        saver = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "msg-energy-save"));
        saver.scheduleWithFixedDelay(this::save, config.save_every_s(), config.save_every_s(), TimeUnit.SECONDS);
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        saver.shutdown();
        saver.awaitTermination(5, TimeUnit.SECONDS);
        save();
    }

    @Override
    public void onReading(MeterReading reading) {
        if (!reading.isGood()) return;
        for (Map.Entry<Channel, Sample> e : reading.values().entrySet()) {
            Flow.of(reading.role(), e.getKey()).ifPresent(flow -> {
                String counter = reading.meterId() + "/" + e.getKey().name();
                EnergyLedger.Outcome o = ledger.record(counter, flow, e.getValue().value(), e.getValue().at());
                if (o == EnergyLedger.Outcome.WENT_BACK || o == EnergyLedger.Outcome.JUMPED)
                    LOG.warn("Energy accounting: counter {} {} (now {} Wh): a new segment starts (meter replaced or "
                            + "reset?); the energy between the two readings is not counted", counter,
                            o == EnergyLedger.Outcome.WENT_BACK ? "went back" : "jumped further than any power could",
                            e.getValue().value());
            });
        }
    }

    public Totals totals(LocalDate first, LocalDate last) {
        return ledger.totals(first, last);
    }

    public NavigableMap<LocalDate, Totals> daily(LocalDate first, LocalDate last) {
        return ledger.daily(first, last);
    }

    public TariffCalendar calendar() {
        return calendar;
    }

    private synchronized void save() {
        try {
            ledger.forgetBefore(BandSplit.day(clock.instant()).minusDays(keepDays));
            store.save(ledger.state());
        } catch (IOException | RuntimeException e) {
            LOG.error("Energy accounting: could not save {}: {}", store.file(), e.toString());
        }
    }
}
