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
 *   <li>grid change → notification: for every /site notification whose grid power differs from the previous one (each
 *       round a 1 kW cap sheds the other sockets and its removal brings them back),
 *       its arrival minus its {@code bt} (the time of the loop cycle that read that grid value: same machine, same
 *       clock) — and, as the peer in the same run, the same for a plain GET of /site polled every 100 ms, as a BMS
 *       without Observe would, counting the first poll that shows each new value.</li>
 * </ul>
 * Nothing is asserted about the times (they go to the console and target/coap-latency.txt); every write must be
 * applied and seen. Socket 3 is left enabled and no cap in force.
 */
final class CoapLatencies {

    private static final int ROUNDS = 10;
    private static final Pattern GRID = Pattern.compile("\"n\":\"grid\",\"u\":\"W\",\"v\":(-?[0-9.E]+)");
    private static final Pattern BASE_TIME = Pattern.compile("\"bt\":([0-9.E]+)");

    record Seen(long nanos, long epochMillis, String text) {
    }

    private CoapLatencies() {
    }

    static void measure(CoapClient socketObserver, CoapClient siteObserver, Supplier<CoapClient> sitePoller,
                        Supplier<CoapClient> writer, ModuleProcess module) throws Exception {
        BlockingQueue<Seen> socket = new LinkedBlockingQueue<>();
        List<Seen> site = Collections.synchronizedList(new ArrayList<>());
        CoapObserveRelation socketRelation = socketObserver.observe(collector(socket::add));
        CoapObserveRelation siteRelation = siteObserver.observe(collector(site::add));
        Poller poller = new Poller(sitePoller.get());
        poller.start();
        List<Double> writeToApplied = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                await(socket, n -> n.contains("\"n\":\"relay\",\"vb\":true"), module, "relay 3 closed");
                socket.clear();
                long sent = System.nanoTime();
                CoapResponse off = writer.get().put("false", MediaTypeRegistry.TEXT_PLAIN);
                assertNotNull(off, "no answer to the write");
                assertEquals(ResponseCode.CHANGED, off.getCode(), off.getResponseText());
                Seen applied = await(socket, n -> n.contains("\"n\":\"relay\",\"vb\":false"), module, "relay 3 open");
                writeToApplied.add((applied.nanos() - sent) / 1e6);
                // changes of the grid for the second figure: a 1 kW cap sheds the other sockets, its removal and
                // socket 3's resumption bring them back (after the 1 s minimum off-time); the sleeps only pace it
                CoapClient cap = writer.get();
                cap.setURI(cap.getURI().replace("/sockets/3/enabled", "/site/cap"));
                assertEquals(ResponseCode.CHANGED, cap.put("{\"limit\":1000,\"duration\":60}", MediaTypeRegistry.APPLICATION_JSON).getCode());
                Thread.sleep(1_500);
                assertEquals(ResponseCode.DELETED, cap.delete().getCode());
                CoapResponse on = writer.get().put("true", MediaTypeRegistry.TEXT_PLAIN);
                assertEquals(ResponseCode.CHANGED, on.getCode(), on.getResponseText());
                Thread.sleep(1_500);
            }
        } finally {
            poller.interrupt();
            poller.join(5_000);
            socketRelation.proactiveCancel();
            siteRelation.proactiveCancel();
            writer.get().put("true", MediaTypeRegistry.TEXT_PLAIN); // whatever happened, socket 3 is enabled again
            CoapClient cap = writer.get();
            cap.setURI(cap.getURI().replace("/sockets/3/enabled", "/site/cap"));
            cap.delete();
        }
        List<Double> observed = sinceLoopCycle(new ArrayList<>(site));
        List<Double> polled = sinceLoopCycle(poller.seen);
        String report = "CoAP latencies on the exported module, " + ROUNDS + " rounds (ms, p50 / p90 / max):\n"
                + "  write -> loop applied (PUT enabled=false to the relay-open notification): " + stats(writeToApplied) + "\n"
                + "  grid read by the loop -> Observe notification of /site:              " + stats(observed) + "\n"
                + "  grid read by the loop -> seen by GET /site every 100 ms (peer):      " + stats(polled) + "\n";
        System.out.print(report);
        Files.writeString(Path.of("target", "coap-latency.txt"), report, StandardCharsets.UTF_8);
        assertEquals(ROUNDS, writeToApplied.size());
    }

    /** For each response whose grid value differs from the one before: its arrival minus the cycle that read it. */
    private static List<Double> sinceLoopCycle(List<Seen> responses) {
        List<Double> latencies = new ArrayList<>();
        double previous = Double.NaN;
        for (Seen r : responses) {
            double grid = number(GRID, r.text());
            double bt = number(BASE_TIME, r.text());
            if (Double.isNaN(grid) || Double.isNaN(bt)) continue;
            if (!Double.isNaN(previous) && grid != previous) latencies.add(r.epochMillis() - bt * 1000);
            previous = grid;
        }
        return latencies;
    }

    /** Polls /site every 100 ms, keeping every answer with the time it arrived. */
    private static final class Poller extends Thread {
        private final CoapClient client;
        final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

        Poller(CoapClient client) {
            this.client = client;
            client.setTimeout(2_000L);
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try {
                    CoapResponse r = client.get();
                    if (r != null) seen.add(new Seen(System.nanoTime(), System.currentTimeMillis(), r.getResponseText()));
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // one lost poll: go on
                }
            }
        }
    }

    private static CoapHandler collector(java.util.function.Consumer<Seen> into) {
        return new CoapHandler() {
            @Override public void onLoad(CoapResponse response) {
                into.accept(new Seen(System.nanoTime(), System.currentTimeMillis(), response.getResponseText()));
            }
            @Override public void onError() { }
        };
    }

    private static Seen await(BlockingQueue<Seen> queue, Predicate<String> condition, ModuleProcess module, String what)
            throws Exception {
        return awaitFirst(queue, Seen::text, condition, module, what);
    }

    /** The first item of {@code queue} whose text matches, within 15 s (the latency benchmarks' notifications). */
    static <T> T awaitFirst(BlockingQueue<T> queue, java.util.function.Function<T, String> text,
                            Predicate<String> condition, ModuleProcess module, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String last = "(none)";
        while (System.nanoTime() < end) {
            T n = queue.poll(200, TimeUnit.MILLISECONDS);
            if (n == null) continue;
            last = text.apply(n);
            if (condition.test(last)) return n;
        }
        throw new AssertionError("nothing with " + what + "; last: " + last + "\n" + module.logTail());
    }

    private static double number(Pattern p, String text) {
        Matcher m = p.matcher(text == null ? "" : text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static String stats(List<Double> values) {
        if (values.isEmpty()) return "(none)";
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        return String.format(java.util.Locale.ROOT, "%.0f / %.0f / %.0f (n=%d)", v.get(v.size() / 2),
                v.get(Math.min(v.size() - 1, (int) Math.ceil(v.size() * 0.9) - 1)), v.get(v.size() - 1), v.size());
    }
}
