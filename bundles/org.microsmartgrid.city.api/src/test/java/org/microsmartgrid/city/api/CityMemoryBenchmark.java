package org.microsmartgrid.city.api;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.search.bench.BenchQueries;
import org.microsmartgrid.city.search.bench.ItalyPoints;

/**
 * The city's in-memory state with 130,000 points (docs/benchmarks.md §14): the live heap after full GCs and the
 * process's resident set, before loading, once {@link LiveRegistry} holds §7's country (each point's latest public
 * state and the search index, loaded through the same start-up path as the runtime), and once every point's public
 * JSON has been asked for (the per-point JSON cache at its fullest).
 *
 * <p>Not a test (not run by surefire): {@code bench/city-runtime-benchmark.sh}.
 */
public final class CityMemoryBenchmark {

    public static void main(String[] args) throws Exception {
        report("JVM started, nothing loaded");
        List<Location> locations = ItalyPoints.points(ItalyPoints.COUNT, BenchQueries.POINTS_SEED).stream()
                .map(HttpSearchBenchmark::location).toList();
        List<String> ids = locations.stream().map(Location::id).toList();
        LiveRegistry live = new LiveRegistry();
        live.bindRegistry(new HttpSearchBenchmark.Fixed(locations));
        live.start(ApiServer.config(10_000, 200, 1_000));
        live.load();
        locations = null; // from here on only LiveRegistry holds them, as in the runtime
        report(String.format("%,d points in LiveRegistry", live.index().size()));
        long now = System.currentTimeMillis();
        long bytes = 0;
        int n = 0;
        for (String id : ids) {
            Location l = live.location(id).orElseThrow();
            bytes += live.publicJson(l, now).length();
            n++;
        }
        report(String.format("after asking every point's JSON once (%,d points, %,d chars of JSON)", n, bytes));
        live.deactivate();
    }

    private static void report(String when) throws Exception {
        for (int i = 0; i < 3; i++) System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(s -> s.startsWith("VmRSS:"))
                .findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        System.out.printf("%s: heap after GC %,.1f MB, %s%n", when, heap / 1048576.0, rss);
    }
}
