package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;

/**
 * Measures, on the exported module and the simulated building, what a building system sees (docs/benchmarks.md §6):
 * <ul>
 *   <li>write → loop applied: from sending {@code PUT /sockets/3/enabled false} over CoAPS to the Observe
 *       notification of /sockets/3 showing its relay open (the loop's cycle switched it, the relay reported it);</li>
 *   <li>grid change → notification: from that notification (the socket's draw leaves the simulated grid when its
 *       relay opens) to the /site notification whose grid power shows the drop (the grid meter's next poll, the
 *       loop's cycle, the CoAP check) — and, as the peer in the same run, to the first plain GET of /site, polled
 *       every 100 ms as a BMS without Observe would, that shows it.</li>
 * </ul>
 * Nothing is asserted about the times (they go to the console and target/coap-latency.txt); every write must be
 * applied and every change seen.
 */
final class CoapLatencies {

    private static final int ROUNDS = 12;
    private static final Pattern GRID = Pattern.compile("\"n\":\"grid\",\"u\":\"W\",\"v\":(-?[0-9.E]+)");
    private static final Pattern POWER = Pattern.compile("\"n\":\"power\",\"u\":\"W\",\"v\":(-?[0-9.E]+)");

    record Seen(long nanos, String text) {
    }

    private CoapLatencies() {
    }

    static void measure(CoapClient socketObserver, CoapClient siteObserver, Supplier<CoapClient> sitePoller,
                        Supplier<CoapClient> writer, ModuleProcess module) throws Exception {
        BlockingQueue<Seen> socket = new LinkedBlockingQueue<>();
        BlockingQueue<Seen> site = new LinkedBlockingQueue<>();
        CoapObserveRelation socketRelation = socketObserver.observe(collector(socket));
        CoapObserveRelation siteRelation = siteObserver.observe(collector(site));
        List<Double> writeToApplied = new ArrayList<>();
        List<Double> gridToNotification = new ArrayList<>();
        List<Double> gridToPoll = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                await(socket, n -> n.contains("\"n\":\"relay\",\"vb\":true") && number(POWER, n) > 60, module, "socket 3 drawing");
                double gridBefore = number(GRID, sitePoller.get().get().getResponseText());
                double socketW = number(POWER, sitePollerText(sitePoller, "/sockets/3"));
                double threshold = gridBefore - socketW / 2;
                site.clear();
                socket.clear();
                long sent = System.nanoTime();
                CoapResponse off = writer.get().put("false", MediaTypeRegistry.TEXT_PLAIN);
                assertNotNull(off, "no answer to the write");
                assertEquals(ResponseCode.CHANGED, off.getCode(), off.getResponseText());
                Seen applied = await(socket, n -> n.contains("\"n\":\"relay\",\"vb\":false"), module, "relay 3 open");
                Poller poller = new Poller(sitePoller, threshold);
                poller.start();
                Seen drop = await(site, n -> number(GRID, n) < threshold, module, "grid below " + threshold + " W");
                poller.join(10_000);
                writeToApplied.add(ms(applied.nanos() - sent));
                gridToNotification.add(ms(drop.nanos() - applied.nanos()));
                if (poller.seenNanos > 0) gridToPoll.add(ms(poller.seenNanos - applied.nanos()));
                CoapResponse on = writer.get().put("true", MediaTypeRegistry.TEXT_PLAIN);
                assertEquals(ResponseCode.CHANGED, on.getCode(), on.getResponseText());
            }
        } finally {
            socketRelation.proactiveCancel();
            siteRelation.proactiveCancel();
        }
        String report = "CoAP latencies on the exported module, " + ROUNDS + " rounds (ms, p50 / p90 / max):\n"
                + "  write -> loop applied (PUT enabled=false to the relay-open notification): " + stats(writeToApplied) + "\n"
                + "  grid change -> Observe notification of /site:                         " + stats(gridToNotification) + "\n"
                + "  grid change -> seen by GET /site polled every 100 ms (peer):           " + stats(gridToPoll) + "\n";
        System.out.print(report);
        Files.writeString(Path.of("target", "coap-latency.txt"), report, StandardCharsets.UTF_8);
    }

    private static String sitePollerText(Supplier<CoapClient> poller, String path) throws Exception {
        CoapClient c = poller.get();
        c.setURI(c.getURI().replace("/site", path));
        return c.get().getResponseText();
    }

    /** Polls /site every 100 ms until the grid is below the threshold; remembers when it first saw it. */
    private static final class Poller extends Thread {
        private final Supplier<CoapClient> client;
        private final double threshold;
        volatile long seenNanos;

        Poller(Supplier<CoapClient> client, double threshold) {
            this.client = client;
            this.threshold = threshold;
            setDaemon(true);
        }

        @Override
        public void run() {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            CoapClient c = client.get();
            while (System.nanoTime() < end) {
                CoapResponse r;
                try {
                    r = c.get();
                } catch (Exception e) {
                    r = null; // one lost poll: try again
                }
                if (r != null && number(GRID, r.getResponseText()) < threshold) {
                    seenNanos = System.nanoTime();
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static CoapHandler collector(BlockingQueue<Seen> into) {
        return new CoapHandler() {
            @Override public void onLoad(CoapResponse response) { into.add(new Seen(System.nanoTime(), response.getResponseText())); }
            @Override public void onError() { }
        };
    }

    private static Seen await(BlockingQueue<Seen> queue, Predicate<String> condition, ModuleProcess module, String what)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String last = "(none)";
        while (System.nanoTime() < end) {
            Seen n = queue.poll(200, TimeUnit.MILLISECONDS);
            if (n == null) continue;
            last = n.text();
            if (condition.test(n.text())) return n;
        }
        throw new AssertionError("no notification with " + what + "; last: " + last + "\n" + module.logTail());
    }

    private static double number(Pattern p, String text) {
        Matcher m = p.matcher(text == null ? "" : text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String stats(List<Double> values) {
        if (values.isEmpty()) return "(none)";
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        return String.format(java.util.Locale.ROOT, "%.0f / %.0f / %.0f (n=%d)", v.get(v.size() / 2),
                v.get(Math.min(v.size() - 1, (int) Math.ceil(v.size() * 0.9) - 1)), v.get(v.size() - 1), v.size());
    }
}
