package org.microsmartgrid.coap;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark, not a test: N observers (default 100, each its own UDP endpoint, spread over /site and /sockets/1..4)
 * on the CoAP component over loopback, while a stand-in control loop runs at a fixed period (default 250 ms), changes
 * every power by more than the deadband each cycle (the worst case: every cycle notifies every observer) and calls
 * the component's LoopDecisionListener as the balancer does. Prints notifications per second, and the loop's cycle
 * lateness and listener-call time without and with the observers.
 *
 * <pre>target-platform/msg-module/bench/coap-observe-benchmark.sh [observers] [period-ms] [seconds]</pre>
 */
public final class ObserveLoadBench {

    public static void main(String[] args) throws Exception {
        int observers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int periodMs = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        CoapConfig.register();
        UdpConfig.register();
        try (Site site = new Site(Configs.test("deadband.w", 50.0, "rate.limit.per.s", 10_000.0, "rate.burst", 100_000))) {
            System.out.printf("observers=%d period=%dms seconds=%d cores=%d java=%s%n", observers, periodMs, seconds,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            report("no observers", runLoop(site, periodMs, seconds, null));
            AtomicLong received = new AtomicLong();
            List<CoapEndpoint> endpoints = new ArrayList<>();
            List<CoapClient> clients = new ArrayList<>();
            String[] paths = {"/site", "/sockets/1", "/sockets/2", "/sockets/1/enabled", "/site/cap"};
            for (int i = 0; i < observers; i++) {
                Configuration c = Configuration.createStandardWithoutFile();
                c.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
                c.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
                c.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
                CoapEndpoint e = CoapEndpoint.builder().setConfiguration(c).setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
                endpoints.add(e);
                CoapClient client = new CoapClient("coap://127.0.0.1:" + site.plain().getPort() + paths[i % 3]);
                client.setEndpoint(e);
                client.setTimeout(10_000L);
                clients.add(client);
                client.observeAndWait(new CoapHandler() {
                    @Override public void onLoad(CoapResponse response) { received.incrementAndGet(); }
                    @Override public void onError() { }
                });
            }
            long before = received.get();
            Result with = runLoop(site, periodMs, seconds, received);
            report(observers + " observers", with);
            System.out.printf("notifications received: %d in %d s = %.0f/s%n", with.notifications - before, seconds,
                    (with.notifications - before) / (double) seconds);
            clients.forEach(CoapClient::shutdown);
            endpoints.forEach(CoapEndpoint::destroy);
        }
        System.exit(0); // a benchmark: do not wait for any client thread left behind
    }

    private record Result(long[] latenessUs, long[] callUs, long notifications) {
    }

    /** The stand-in loop: fixed-rate cycles; every power moves by 100-300 W; the listener is called as the balancer does. */
    private static Result runLoop(Site site, int periodMs, int seconds, AtomicLong received) throws InterruptedException {
        int cycles = seconds * 1000 / periodMs;
        long[] lateness = new long[cycles];
        long[] call = new long[cycles];
        long start = System.nanoTime();
        for (int i = 0; i < cycles; i++) {
            long due = start + (long) i * periodMs * 1_000_000;
            long wait = due - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            long began = System.nanoTime();
            lateness[i] = (began - due) / 1000;
            double w = 1000 + (i % 2 == 0 ? 300 : 0) + 100 * Math.random();
            site.socket1.set(w / 4, 1000.0 + i);
            site.socket2.set(w / 3, 500.0 + i);
            site.loop.decision = Fakes.decision(w, 3300, false, 1, 2);
            long t = System.nanoTime();
            site.service.onDecision(site.loop.decision);
            call[i] = (System.nanoTime() - t) / 1000;
        }
        Thread.sleep(500); // the last notifications
        return new Result(lateness, call, received == null ? 0 : received.get());
    }

    private static void report(String what, Result r) {
        Arrays.sort(r.latenessUs);
        Arrays.sort(r.callUs);
        System.out.printf("%-14s cycles=%d lateness p50=%dus p99=%dus max=%dus | listener call p50=%dus p99=%dus max=%dus%n",
                what, r.latenessUs.length, pct(r.latenessUs, 50), pct(r.latenessUs, 99), r.latenessUs[r.latenessUs.length - 1],
                pct(r.callUs, 50), pct(r.callUs, 99), r.callUs[r.callUs.length - 1]);
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }
}
