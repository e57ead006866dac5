package org.microsmartgrid.city.search;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The entries of the index by grid cell, row by row. A row is an immutable snapshot (its non-empty columns, sorted,
 * and each cell's entries) that a writer replaces as a whole, so a reader walks a row without any lock and never sees
 * a half-made change. Only one writer at a time (the index serializes them); a change copies one row, which holds the
 * few hundred cells of one band of latitude at most.
 */
final class GridRows {
    /** A reader's callback for each entry in the visited cells. */
    interface Visitor {
        void visit(Entry entry);
    }

    private record Row(int[] cols, Entry[][] cells) {
    }

    private final CellGrid grid;
    private final AtomicReferenceArray<Row> rows;

    GridRows(CellGrid grid) {
        this.grid = grid;
        this.rows = new AtomicReferenceArray<>(grid.rows);
    }

    /** Whether the row holds no point: the search skips it without working out its columns. */
    boolean isEmpty(int row) {
        return rows.get(row) == null;
    }

    /** Visits every entry of {@code row} in the columns {@code ranges} (sorted disjoint [from, to] pairs). */
    void visit(int row, int[] ranges, Visitor visitor) {
        Row r = rows.get(row);
        if (r == null) {
            return;
        }
        int[] cols = r.cols;
        for (int i = 0; i < ranges.length; i += 2) {
            int at = Arrays.binarySearch(cols, ranges[i]);
            for (int c = at >= 0 ? at : -at - 1; c < cols.length && cols[c] <= ranges[i + 1]; c++) {
                for (Entry entry : r.cells[c]) {
                    visitor.visit(entry);
                }
            }
        }
    }

    /** Adds the entry to its cell. Writers only, one at a time. */
    void add(Entry entry) {
        int row = (int) (entry.cellKey / grid.cols);
        int col = (int) (entry.cellKey % grid.cols);
        Row r = rows.get(row);
        if (r == null) {
            rows.set(row, new Row(new int[] {col}, new Entry[][] {{entry}}));
            return;
        }
        int at = Arrays.binarySearch(r.cols, col);
        Entry[][] cells;
        int[] cols;
        if (at >= 0) {
            cols = r.cols;
            cells = r.cells.clone();
            Entry[] cell = Arrays.copyOf(cells[at], cells[at].length + 1);
            cell[cell.length - 1] = entry;
            cells[at] = cell;
        } else {
            int insert = -at - 1;
            cols = new int[r.cols.length + 1];
            cells = new Entry[r.cols.length + 1][];
            System.arraycopy(r.cols, 0, cols, 0, insert);
            System.arraycopy(r.cells, 0, cells, 0, insert);
            cols[insert] = col;
            cells[insert] = new Entry[] {entry};
            System.arraycopy(r.cols, insert, cols, insert + 1, r.cols.length - insert);
            System.arraycopy(r.cells, insert, cells, insert + 1, r.cols.length - insert);
        }
        rows.set(row, new Row(cols, cells));
    }

    /** Removes exactly this entry (by identity) from its cell. Writers only, one at a time. */
    void remove(Entry entry) {
        int row = (int) (entry.cellKey / grid.cols);
        int col = (int) (entry.cellKey % grid.cols);
        Row r = rows.get(row);
        int at = r == null ? -1 : Arrays.binarySearch(r.cols, col);
        if (at < 0) {
            return;
        }
        Entry[] cell = r.cells[at];
        int index = -1;
        for (int i = 0; i < cell.length; i++) {
            if (cell[i] == entry) {
                index = i;
            }
        }
        if (index < 0) {
            return;
        }
        if (cell.length > 1) {
            Entry[] smaller = new Entry[cell.length - 1];
            System.arraycopy(cell, 0, smaller, 0, index);
            System.arraycopy(cell, index + 1, smaller, index, cell.length - index - 1);
            Entry[][] cells = r.cells.clone();
            cells[at] = smaller;
            rows.set(row, new Row(r.cols, cells));
        } else if (r.cols.length == 1) {
            rows.set(row, null);
        } else {
            int[] cols = new int[r.cols.length - 1];
            Entry[][] cells = new Entry[r.cols.length - 1][];
            System.arraycopy(r.cols, 0, cols, 0, at);
            System.arraycopy(r.cells, 0, cells, 0, at);
            System.arraycopy(r.cols, at + 1, cols, at, r.cols.length - at - 1);
            System.arraycopy(r.cells, at + 1, cells, at, r.cols.length - at - 1);
            rows.set(row, new Row(cols, cells));
        }
    }
}
