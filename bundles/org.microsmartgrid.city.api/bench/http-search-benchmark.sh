#!/usr/bin/env bash
# HTTP search benchmark (docs/benchmarks.md §10): nearest-20 over 130,000 points through the city's search servlet on
# Jetty over loopback with 2 client threads (HttpSearchBenchmark), then, in the same run, the peer: PostgreSQL +
# PostGIS answering the same queries with 2 JMH threads (city.search's PostgisSearchBenchmark, -t 2, throughput).
#
#   bundles/org.microsmartgrid.city.api/bench/http-search-benchmark.sh
#
# CLIENTS, WARMUP_S, MEASURE_S change the HTTP run; PEER=no skips PostGIS. Needs what search-benchmark.sh needs
# (Debian's postgresql and postgis) for the peer. Run after `mvn -B install -DskipTests` is NOT needed: it builds the
# two bundles' test classes from the reactor.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/.." && pwd)
root=$(cd "$module/../.." && pwd)

(cd "$root" && mvn -B -q -Dstyle.color=never -pl bundles/org.microsmartgrid.city.api -am test-compile -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test)
search="$root/bundles/org.microsmartgrid.city.search/target"
cp="$module/target/test-classes:$module/target/classes:$search/test-classes:$search/classes:$(cat "$module/target/test.classpath")"

echo "machine: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB," \
     "$(java -version 2>&1 | sed -n 2p), $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== HTTP, ${CLIENTS:-2} clients"
java -Xmx1g -Dclients="${CLIENTS:-2}" -Dwarmup.s="${WARMUP_S:-10}" -Dmeasure.s="${MEASURE_S:-20}" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" org.microsmartgrid.city.api.HttpSearchBenchmark
if [ "${PEER:-yes}" != no ]; then
  echo "== peer: PostGIS, 2 JMH threads (throughput, calls/s)"
  BENCHMARKS=PostgisSearchBenchmark JMH_ARGS="${PEER_JMH_ARGS:--f 1 -wi 2 -w 5 -i 3 -r 10 -t 2}" MODES=thrpt \
      "$root/bundles/org.microsmartgrid.city.search/bench/search-benchmark.sh"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
