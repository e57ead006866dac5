#!/usr/bin/env bash
# City search benchmark (docs/benchmarks.md, "City search"): nearest-20 over 130,000 points spread like Italy's
# people, in process (JMH, InProcessSearchBenchmark) and in a throwaway PostgreSQL + PostGIS on loopback doing the
# same query with GiST indexes (PostgisSearchBenchmark: geometry KNN and geography KNN), in the same run; then the
# index's heap with 130,000 points (IndexMemory).
#
#   JMH_ARGS="-f 1 -wi 3 -w 2 -i 5 -r 2" MODES="sample thrpt" bundles/org.microsmartgrid.city.search/bench/search-benchmark.sh
#
# BENCHMARKS (a JMH regex) narrows the run, e.g. BENCHMARKS=PostgisSearchBenchmark JMH_ARGS="... -p type=geography".
#
# Needs Debian's postgresql-15 and postgresql-15-postgis-3 (apt-get install postgresql postgis). As root the
# cluster runs as the postgres user. Everything it starts is stopped and its directory removed on exit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/.." && pwd)
root=$(cd "$module/../.." && pwd)
jmh_args="${JMH_ARGS:--f 1 -wi 3 -w 2 -i 5 -r 2}"
benchmarks="${BENCHMARKS:-InProcessSearchBenchmark|PostgisSearchBenchmark}"

(cd "$root" && mvn -B -q -Dstyle.color=never -pl bundles/org.microsmartgrid.city.search test-compile \
    dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test)
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/test.classpath")"

# shellcheck source=throwaway-postgis.sh
. "$here/throwaway-postgis.sh"

echo "machine: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB," \
     "$(java -version 2>&1 | sed -n 2p), PostgreSQL $pg_version, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== index memory"
java -cp "$cp" org.microsmartgrid.city.search.bench.IndexMemory
for mode in ${MODES:-sample thrpt}; do
  unit=us
  [ "$mode" = thrpt ] && unit=s
  echo "== JMH -bm $mode $jmh_args (in process, then PostGIS)"
  # shellcheck disable=SC2086 # JMH_ARGS is a list of arguments
  java -cp "$cp" org.openjdk.jmh.Main "$benchmarks" -bm "$mode" -tu "$unit" $jmh_args \
      -jvmArgsAppend "$props" 2>&1 | grep -E 'agree on|^# (plan|  )|^Benchmark |nearest20( |:p0.50|:p0.99 )'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
