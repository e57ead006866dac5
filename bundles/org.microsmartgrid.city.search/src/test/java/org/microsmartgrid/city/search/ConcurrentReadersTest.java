package org.microsmartgrid.city.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.search.MapClusteringTest.point;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/**
 * Searches while a writer moves points back and forth and ingest updates statuses: no page ever shows a point twice
 * or out of order, every hit's distance is its position's, and the points nobody moves are always all there.
 */
class ConcurrentReadersTest {
    private static final Position DUOMO = new Position(45.4642, 9.19);
    private static final int STABLE = 300;
    private static final int MOVERS = 50;
    private static final int ROUNDS = 400;

    @Test
    void readersSeeConsistentPagesWhileWritersWork() throws InterruptedException {
        PointIndex index = new PointIndex();
        for (int i = 0; i < STABLE; i++) {
            index.put(point(String.format("s%03d", i), 45.45 + (i % 20) * 0.0015, 9.17 + (i / 20) * 0.0025, "E1"));
        }
        for (int i = 0; i < MOVERS; i++) {
            index.put(point("m" + i, 45.46 + i * 0.0002, 9.18, "E1"));
        }
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        threads.add(thread(failures, start, () -> {
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < MOVERS; i++) {
                    double lon = round % 2 == 0 ? 9.20 + i * 0.0003 : 9.18;
                    index.put(point("m" + i, 45.46 + i * 0.0002, lon, "E1"));
                }
            }
        }));
        threads.add(thread(failures, start, () -> {
            for (int n = 0; n < ROUNDS * 20; n++) {
                int i = n % STABLE;
                EvseStatus status = n % 3 == 0 ? EvseStatus.AVAILABLE : EvseStatus.CHARGING;
                index.updateStatus(String.format("s%03d", i), "E1", status, Instant.ofEpochSecond(n));
            }
        }));
        for (int r = 0; r < 2; r++) {
            threads.add(thread(failures, start, () -> {
                for (int n = 0; n < ROUNDS; n++) {
                    readAndCheck(index);
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), List.copyOf(failures));
        assertEquals(STABLE + MOVERS, index.size());
    }

    private static void readAndCheck(PointIndex index) {
        SearchResult result = index.search(SearchQuery.near(DUOMO, 10_000).withPage(SearchQuery.MAX_LIMIT, 0));
        Set<String> ids = new HashSet<>();
        Hit previous = null;
        int stable = 0;
        for (Hit hit : result.hits()) {
            String id = hit.point().facts().id();
            assertTrue(ids.add(id), "shown twice: " + id);
            assertEquals(GreatCircle.distanceMetres(DUOMO.latitude(), DUOMO.longitude(),
                    hit.point().facts().latitude(), hit.point().facts().longitude()), hit.distanceMetres());
            if (previous != null) {
                assertTrue(previous.distanceMetres() < hit.distanceMetres()
                        || previous.distanceMetres() == hit.distanceMetres()
                                && previous.point().facts().id().compareTo(id) < 0, "out of order at " + id);
            }
            if (id.startsWith("s")) {
                stable++;
            }
            previous = hit;
        }
        assertEquals(STABLE, stable, "every point nobody moved is found");
    }

    private static Thread thread(ConcurrentLinkedQueue<Throwable> failures, CountDownLatch start, Runnable work) {
        Thread t = new Thread(() -> {
            try {
                start.await();
                work.run();
            } catch (Throwable e) { // NOPMD a failure of any thread fails the test
                failures.add(e);
            }
        });
        t.start();
        return t;
    }
}
