package org.microsmartgrid.grid.balancer.prices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.microsmartgrid.grid.balancer.tariff.PriceCsv;
import org.microsmartgrid.grid.balancer.tariff.PriceList;
import org.microsmartgrid.grid.balancer.tariff.PriceState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly prices (PUN, €/MWh) from a CSV file or an http(s) feed, loaded on a thread of its own (the loop never
 * waits for a disk or a network) and again every {@code poll.minutes}. A load that fails — file missing, feed down,
 * too large, too slow, nonsense — is logged at WARN and changes nothing: the prices loaded before stay for the hours
 * they cover, and every other hour falls back to the ARERA bands. A refused configuration keeps the previous one.
 * Registered as a service of this bundle only (the class is not exported): the balancer takes it when present.
 */
@Component(name = PricesConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = HourlyPrices.class)
public class HourlyPrices {

    private static final Logger LOG = LoggerFactory.getLogger(HourlyPrices.class);

    private final Clock clock;
    private volatile PriceState state = PriceState.NONE;
    private volatile Source source;
    private ScheduledExecutorService poller;
    private HttpClient http;
    private FileTime lastModified;

    /** Where to read from, validated. */
    record Source(Path file, URI url, Duration poll, Duration timeout, int maxBytes) {
        String name() {
            return file != null ? file.toString() : url.toString();
        }
    }

    public HourlyPrices() {
        this(Clock.systemUTC());
    }

    HourlyPrices(Clock clock) {
        this.clock = clock;
    }

    @Activate
    void activate(PricesConfig config) {
        modified(config);
    }

    @Modified
    synchronized void modified(PricesConfig config) {
        Source s;
        try {
            s = validate(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: configuration refused, {}: {}", PricesConfig.PID,
                    source == null ? "prices come from the ARERA bands" : "prices still come from " + source.name(),
                    e.getMessage());
            return;
        }
        source = s;
        lastModified = null;
        if (s.url() != null && http == null)
            http = HttpClient.newBuilder().connectTimeout(s.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        if (poller != null) poller.shutdownNow();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msg-prices");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::load, 0, s.poll().toSeconds(), TimeUnit.SECONDS);
        LOG.info("Hourly prices from {}, checked every {} min", s.name(), s.poll().toMinutes());
    }

    @Deactivate
    synchronized void deactivate() {
        if (poller != null) poller.shutdownNow();
    }

    public PriceState state() {
        return state;
    }

    /** One load now, on the caller's thread (the poller's; tests call it directly). */
    synchronized void load() {
        Source s = source;
        if (s == null) return;
        try {
            String text;
            if (s.file() != null) {
                FileTime modified = Files.exists(s.file()) ? Files.getLastModifiedTime(s.file()) : null;
                if (modified != null && modified.equals(lastModified) && state.problem() == null) return; // unchanged
                text = PriceFetch.file(s.file(), s.maxBytes());
                lastModified = modified;
            } else {
                text = PriceFetch.url(http, s.url(), s.timeout(), s.maxBytes());
            }
            PriceList list = PriceCsv.parse(text, s.name());
            state = new PriceState(list, clock.instant(), null);
            LOG.info("Hourly prices loaded from {}: {} hour(s), {} to {}", s.name(), list.hours().size(),
                    list.hours().firstKey(), list.hours().lastKey());
        } catch (IOException | IllegalArgumentException e) {
            String why = e.getMessage();
            if (!why.equals(state.problem()))
                LOG.warn("Hourly prices not loaded ({}): {}", state.loadedAt() == null
                        ? "every hour falls back to the ARERA bands"
                        : "the prices loaded at " + state.loadedAt() + " stay, other hours fall back to the ARERA bands", why);
            state = new PriceState(state.prices(), state.loadedAt(), why);
        } catch (RuntimeException e) {
            LOG.warn("Hourly prices: load failed unexpectedly: {}", e.toString());
            state = new PriceState(state.prices(), state.loadedAt(), "load failed: " + e);
        }
    }

    static Source validate(PricesConfig c) {
        List<String> problems = new ArrayList<>();
        String file = c.price_file() == null ? "" : c.price_file().strip();
        String url = c.price_url() == null ? "" : c.price_url().strip();
        if (file.isEmpty() == url.isEmpty()) problems.add("set exactly one of price.file and price.url");
        URI uri = null;
        if (!url.isEmpty()) {
            try {
                uri = URI.create(url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null)
                    problems.add("price.url must be an http or https URL with a host, got " + url);
            } catch (IllegalArgumentException e) {
                problems.add("price.url is not a URL: " + e.getMessage());
            }
        }
        if (c.poll_minutes() < 1 || c.poll_minutes() > 1440)
            problems.add("poll.minutes = " + c.poll_minutes() + " is out of range [1, 1440]");
        if (c.timeout_s() < 1 || c.timeout_s() > 60) problems.add("timeout.s = " + c.timeout_s() + " is out of range [1, 60]");
        if (c.max_kib() < 1 || c.max_kib() > 4096) problems.add("max.kib = " + c.max_kib() + " is out of range [1, 4096]");
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        return new Source(file.isEmpty() ? null : Path.of(file), file.isEmpty() ? uri : null,
                Duration.ofMinutes(c.poll_minutes()), Duration.ofSeconds(c.timeout_s()), c.max_kib() * 1024);
    }
}
