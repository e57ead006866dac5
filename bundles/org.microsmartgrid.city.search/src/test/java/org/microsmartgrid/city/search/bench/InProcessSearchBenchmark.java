package org.microsmartgrid.city.search.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.microsmartgrid.city.search.PointIndex;
import org.microsmartgrid.city.search.Position;
import org.microsmartgrid.city.search.SearchQuery;
import org.microsmartgrid.city.search.SearchResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nearest-20 over 130,000 points in process: {@link PointIndex#search} for 4,096 origins in turn (see
 * {@link BenchQueries}). Run by bench/search-benchmark.sh next to {@link PostgisSearchBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InProcessSearchBenchmark {
    @Param({"filtered", "plain"})
    public String query;

    private PointIndex index;
    private SearchQuery[] queries;

    /** Each benchmark thread walks the origins on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup
    public void build() {
        index = BenchQueries.index(ItalyPoints.points(ItalyPoints.COUNT, BenchQueries.POINTS_SEED));
        List<Position> origins = BenchQueries.origins();
        queries = new SearchQuery[origins.size()];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = BenchQueries.query(origins.get(i), "filtered".equals(query));
        }
    }

    @Benchmark
    public SearchResult nearest20(Cursor cursor) {
        return index.search(queries[cursor.next++ & (queries.length - 1)]);
    }
}
