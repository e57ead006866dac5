#!/usr/bin/env bash
# The balancer's JMH benchmark (bundles/org.microsmartgrid.grid.balancer, test scope: DecideBenchmark, one balancing
# decision for a 16-socket site), run the way docs/balancing.md documents it, REPEAT times (default 3) so the spread
# between JVM forks is visible, and once more with the module's lean JIT flag (C1 only, see startup-and-memory.py).
#
#   REPEAT=3 JMH_ARGS="-f 1 -wi 3 -i 5" target-platform/msg-module/bench/decide-benchmark.sh
#
# Compiles the balancer's test classes (needs the API in ~/.m2, as every module build does). If someone is editing
# the balancer and it does not compile, wait a few minutes and run it again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
repeat="${REPEAT:-3}"
jmh_args="${JMH_ARGS:--f 1 -wi 3 -i 5}"
module="$root/bundles/org.microsmartgrid.grid.balancer"

(cd "$root" && mvn -B -q -Dstyle.color=never -pl bundles/org.microsmartgrid.grid.balancer test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test)

cd "$module"
cp="target/test-classes:target/classes:$(cat target/test.classpath)"
echo "machine: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB," \
     "$(java -version 2>&1 | sed -n 2p), $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$repeat"); do
  echo "== run $i/$repeat: java -cp ... org.openjdk.jmh.Main DecideBenchmark $jmh_args"
  # shellcheck disable=SC2086 # JMH_ARGS is a list of arguments
  java -cp "$cp" org.openjdk.jmh.Main DecideBenchmark $jmh_args 2>&1 | sed -n '/^Benchmark /,$p'
done
echo "== C1 only (-XX:TieredStopAtLevel=1 in the forked JVM)"
# shellcheck disable=SC2086
java -cp "$cp" org.openjdk.jmh.Main DecideBenchmark $jmh_args -jvmArgsAppend "-XX:TieredStopAtLevel=1" 2>&1 \
    | sed -n '/^Benchmark /,$p'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
