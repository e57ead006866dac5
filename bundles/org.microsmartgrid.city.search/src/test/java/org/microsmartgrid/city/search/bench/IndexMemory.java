package org.microsmartgrid.city.search.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.microsmartgrid.city.search.PointFacts;
import org.microsmartgrid.city.search.PointIndex;

/**
 * The heap the index takes with 130,000 points, measured as the difference of the live heap after full GCs: once for
 * the index's own structures (the facts are held by the caller anyway) and once for everything (facts and live
 * status included). Run by bench/search-benchmark.sh; prints one line per figure.
 */
public final class IndexMemory {
    private IndexMemory() {
    }

    public static void main(String[] args) {
        long empty = liveHeap();
        List<ItalyPoints.Point> points = ItalyPoints.points(ItalyPoints.COUNT, BenchQueries.POINTS_SEED);
        List<PointFacts> facts = new ArrayList<>();
        points.forEach(p -> facts.add(p.facts()));
        long withFacts = liveHeap();
        long loadStart = System.nanoTime();
        PointIndex index = BenchQueries.index(points);
        long loadNanos = System.nanoTime() - loadStart;
        long withIndex = liveHeap();
        points = null; // NOPMD the index alone must keep what it needs
        facts.clear();
        long indexOnly = liveHeap();
        System.out.printf("points: %d, loaded (put + one status per EVSE, cold JVM) in %.2f s%n", index.size(),
                loadNanos / 1e9);
        System.out.printf("facts alone (as a caller holds them): %.1f MB%n", (withFacts - empty) / 1e6);
        System.out.printf("index structures over the facts: %.1f MB (%.0f bytes per point)%n",
                (withIndex - withFacts) / 1e6, (withIndex - withFacts) / (double) index.size());
        System.out.printf("index with its facts and live status: %.1f MB (%.0f bytes per point)%n",
                (indexOnly - empty) / 1e6, (indexOnly - empty) / (double) index.size());
        if (index.size() != ItalyPoints.COUNT) {
            throw new AssertionError("index lost points");
        }
    }

    private static long liveHeap() {
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
