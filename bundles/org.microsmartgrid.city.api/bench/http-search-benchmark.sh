#!/usr/bin/env bash
# HTTP search benchmark (docs/benchmarks.md §10 and §18): nearest-20 over 130,000 points through the city's search
# servlet on Jetty over loopback with 2 client threads (HttpSearchBenchmark), interleaved, round by round, with the
# peer behind the same Jetty: PostgreSQL + PostGIS answering the same queries with each point's document stored in
# its row (PostgisPeerServlet, geometry and geography KNN). Then, unless PEER_JMH=no, the raw peer of §10: PostGIS
# over JDBC returning 20 ids with 2 JMH threads (city.search's PostgisSearchBenchmark, -t 2, throughput).
#
#   bundles/org.microsmartgrid.city.api/bench/http-search-benchmark.sh
#
# CLIENTS, WARMUP_S, MEASURE_S, ROUNDS change the HTTP runs; PEER=no runs ours alone. Needs Debian's postgresql-15 and
# postgresql-15-postgis-3 for the peer. It builds the two bundles' test classes from the reactor (no install needed).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/.." && pwd)
root=$(cd "$module/../.." && pwd)
search_bench="$root/bundles/org.microsmartgrid.city.search/bench"

(cd "$root" && mvn -B -q -Dstyle.color=never -pl bundles/org.microsmartgrid.city.api -am test-compile -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test)
search="$root/bundles/org.microsmartgrid.city.search/target"
cp="$module/target/test-classes:$module/target/classes:$search/test-classes:$search/classes:$(cat "$module/target/test.classpath")"

props=""
pg_version="(no peer)"
if [ "${PEER:-yes}" != no ]; then
  # shellcheck source=../../org.microsmartgrid.city.search/bench/throwaway-postgis.sh
  . "$search_bench/throwaway-postgis.sh"
fi

echo "machine: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB," \
     "$(java -version 2>&1 | sed -n 2p), PostgreSQL $pg_version, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== HTTP, ${CLIENTS:-2} clients: the city API and, in turn, PostGIS behind the same Jetty"
# shellcheck disable=SC2086 # props is a list of JVM options
java -Xmx1g -Dclients="${CLIENTS:-2}" -Dwarmup.s="${WARMUP_S:-10}" -Dmeasure.s="${MEASURE_S:-20}" \
    ${ROUNDS:+-Drounds=$ROUNDS} $props \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" org.microsmartgrid.city.api.HttpSearchBenchmark
if [ "${PEER:-yes}" != no ] && [ "${PEER_JMH:-yes}" != no ]; then
  echo "== raw peer: PostGIS over JDBC (20 ids), 2 JMH threads (throughput, calls/s)"
  BENCHMARKS=PostgisSearchBenchmark JMH_ARGS="${PEER_JMH_ARGS:--f 1 -wi 2 -w 5 -i 3 -r 10 -t 2}" MODES=thrpt \
      "$search_bench/search-benchmark.sh"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
