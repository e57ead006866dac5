package org.microsmartgrid.city.search;

import java.util.List;

/**
 * The nearest {@code capacity} entries seen so far, ordered by (distance, id): a binary max-heap on primitive
 * arrays, so a search keeps its page without sorting everything it visits.
 */
final class NearestHeap {
    private final Entry[] entries;
    private final double[] distances;
    private int size;

    NearestHeap(int capacity) {
        entries = new Entry[capacity];
        distances = new double[capacity];
    }

    void clear() {
        java.util.Arrays.fill(entries, 0, size, null);
        size = 0;
    }

    int size() {
        return size;
    }

    void offer(Entry entry, double distance) {
        if (size < entries.length) {
            entries[size] = entry;
            distances[size] = distance;
            up(size++);
        } else if (before(entry, distance, entries[0], distances[0])) {
            entries[0] = entry;
            distances[0] = distance;
            down(0);
        }
    }

    /** Empties the heap into the lists, nearest first. */
    void drainSorted(List<Entry> outEntries, List<Double> outDistances) {
        int n = size;
        Entry[] e = new Entry[n];
        double[] d = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            e[i] = entries[0];
            d[i] = distances[0];
            size--;
            entries[0] = entries[size];
            distances[0] = distances[size];
            entries[size] = null;
            down(0);
        }
        for (int i = 0; i < n; i++) {
            outEntries.add(e[i]);
            outDistances.add(d[i]);
        }
    }

    /** Whether (da, a) comes before (db, b): nearer, or as near with the smaller id. */
    private static boolean before(Entry a, double da, Entry b, double db) {
        return da < db || (da == db && a.facts.id().compareTo(b.facts.id()) < 0);
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!before(entries[parent], distances[parent], entries[i], distances[i])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int left = 2 * i + 1;
            int largest = i;
            if (left < size && before(entries[largest], distances[largest], entries[left], distances[left])) {
                largest = left;
            }
            if (left + 1 < size
                    && before(entries[largest], distances[largest], entries[left + 1], distances[left + 1])) {
                largest = left + 1;
            }
            if (largest == i) {
                return;
            }
            swap(i, largest);
            i = largest;
        }
    }

    private void swap(int i, int j) {
        Entry e = entries[i];
        entries[i] = entries[j];
        entries[j] = e;
        double d = distances[i];
        distances[i] = distances[j];
        distances[j] = d;
    }
}
