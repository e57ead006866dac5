#!/usr/bin/env bash
# CoAP Observe load (bundles/org.microsmartgrid.coap, test scope: ObserveLoadBench): OBSERVERS observers on loopback,
# each its own UDP endpoint, while a stand-in control loop runs every PERIOD_MS and changes every power by more than
# the deadband each cycle (worst case: every cycle notifies every observer). Prints notifications per second and the
# loop's cycle lateness and LoopDecisionListener call time, without and with the observers.
#
#   OBSERVERS=100 PERIOD_MS=250 DURATION_S=30 target-platform/msg-module/bench/coap-observe-benchmark.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
module="$root/bundles/org.microsmartgrid.coap"

(cd "$root" && mvn -B -q -o -Dstyle.color=never -pl bundles/org.microsmartgrid.coap -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test)

cd "$module"
cp="target/test-classes:target/classes:$(cat target/test.classpath)"
echo "machine: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB," \
     "$(java -version 2>&1 | sed -n 2p), $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" org.microsmartgrid.coap.ObserveLoadBench \
    "${OBSERVERS:-100}" "${PERIOD_MS:-250}" "${DURATION_S:-30}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
