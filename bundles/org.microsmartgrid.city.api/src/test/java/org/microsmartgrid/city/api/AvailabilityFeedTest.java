package org.microsmartgrid.city.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.search.BoundingBox;

/** The feed's promises without HTTP: a client that does not read is dropped and never slows down the publisher. */
class AvailabilityFeedTest {

    /** A client that never reads: its queue holds {@code capacity} frames. */
    private static final class Stuck implements AvailabilityFeed.Subscriber {
        final List<String> queued = new ArrayList<>();
        final int capacity;
        boolean dropped;

        Stuck(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public BoundingBox box() {
            return new BoundingBox(45, 9, 46, 10);
        }

        @Override
        public boolean offer(String frame) {
            if (queued.size() >= capacity) return false;
            queued.add(frame);
            return true;
        }

        @Override
        public void drop() {
            dropped = true;
        }
    }

    @Test
    void aClientThatDoesNotReadIsDroppedAndTheOthersGoOn() {
        AvailabilityFeed feed = new AvailabilityFeed(100, 1_000);
        Stuck slow = new Stuck(3);
        Stuck reader = new Stuck(1_000);
        feed.subscribe(slow, null);
        feed.subscribe(reader, null);
        for (int i = 0; i < 50; i++) feed.publish(45.5, 9.5, "availability", "{\"n\":" + i + "}");
        assertTrue(slow.dropped);
        assertEquals(3, slow.queued.size());
        assertFalse(reader.dropped);
        assertEquals(50, reader.queued.size());
        assertEquals(List.of(reader), feed.subscribers());
    }

    @Test
    void resumingReplaysExactlyTheMissedChangesInTheBox() {
        AvailabilityFeed feed = new AvailabilityFeed(3, 1_000);
        for (int i = 0; i < 5; i++) feed.publish(i == 3 ? 50 : 45.5, 9.5, "availability", "{\"n\":" + i + "}");
        // ids 1000..1004; the buffer holds 1002, 1003 (outside the box), 1004
        Stuck upToDate = new Stuck(10);
        feed.subscribe(upToDate, 1_001L);
        assertEquals(2, upToDate.queued.size());
        assertTrue(upToDate.queued.get(0).startsWith("id: 1002\n"));
        assertTrue(upToDate.queued.get(1).startsWith("id: 1004\n"));
        Stuck tooOld = new Stuck(10);
        feed.subscribe(tooOld, 1_000L);
        assertEquals(1, tooOld.queued.size());
        assertTrue(tooOld.queued.get(0).startsWith("event: reload\n"), tooOld.queued.toString());
        Stuck fromTheFuture = new Stuck(10);
        feed.subscribe(fromTheFuture, 1_005L);
        assertTrue(fromTheFuture.queued.get(0).startsWith("event: reload\n"));
        Stuck current = new Stuck(10);
        feed.subscribe(current, 1_004L);
        assertEquals(List.of(), current.queued);
    }
}
