#!/usr/bin/env bash
# Messages per second through the cloud link's outbox to a loopback MQTT broker (Moquette, embedded), with the peer
# of the same run (Paho alone at QoS 1, same in-flight window, no outbox), and the outbox's disk use per 1000
# messages. See docs/benchmarks.md §4.
#
#   N=20000 ROUNDS=3 target-platform/msg-module/bench/outbox-throughput.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
module="$root/bundles/org.microsmartgrid.cloud.kapua"
(cd "$root" && mvn -B -q -o -Dstyle.color=never -pl bundles/org.microsmartgrid.cloud.kapua -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test)
cd "$module"
echo "machine: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB," \
     "$(java -version 2>&1 | sed -n 2p), $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "target/test-classes:target/classes:$(cat target/test.classpath)" \
    org.microsmartgrid.cloud.kapua.bench.OutboxThroughputBench "${N:-20000}" "${ROUNDS:-3}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
