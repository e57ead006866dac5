#!/usr/bin/env bash
# City runtime benchmarks (docs/benchmarks.md §12–§14), in one go:
#   - ingest rate: modules (Paho, QoS 1) → embedded broker (Moquette) → ingest → registry (H2 file), alternating in
#     the same run with the peer: the same publishers through Debian's mosquitto to a subscriber that only counts;
#   - a module's status change → its event on /api/v1/events (median, p99);
#   - the memory of the city's live state with 130,000 points (heap after GC, RSS).
#
#   bundles/org.microsmartgrid.city.api/bench/city-runtime-benchmark.sh
#
# MODULES (8), MESSAGES per module and round (5000), INFLIGHT per module (100), ROUNDS (2), SAMPLES (500), LOAD_RATE
# (1000 statuses/s from the other modules during the second status → API run; 0 skips it), MEMORY_XMX (256m);
# PEER=no skips mosquitto, MEMORY=no the memory part. Needs Debian's mosquitto (apt-get install mosquitto).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/.." && pwd)
root=$(cd "$module/../.." && pwd)

(cd "$root" && mvn -B -q -Dstyle.color=never -pl bundles/org.microsmartgrid.city.api -am test-compile -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test)
search="$root/bundles/org.microsmartgrid.city.search/target"
cp="$module/target/test-classes:$module/target/classes:$search/test-classes:$search/classes:$(cat "$module/target/test.classpath")"

work=$(mktemp -d /tmp/msg-city-runtime-bench.XXXXXX)
mosquitto_pid=
cleanup() {
  if [ -n "$mosquitto_pid" ]; then kill "$mosquitto_pid" 2>/dev/null || true; wait "$mosquitto_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB," \
     "$(java -version 2>&1 | sed -n 2p), $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"

port=0
if [ "${PEER:-yes}" != no ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # loopback only, no persistence; nothing dropped (no queue limit) and a window as wide as the publishers' own
  cat > "$work/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 0
max_inflight_messages 1000
log_type error
CONF
  /usr/sbin/mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 &
  mosquitto_pid=$!
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done
  echo "peer: $(/usr/sbin/mosquitto -h 2>&1 | head -1) on 127.0.0.1:$port"
fi

echo "== ingest rate and status → API"
java -Xmx256m -Dmosquitto.port="$port" -Dmodules="${MODULES:-8}" -Dmessages="${MESSAGES:-5000}" \
    -Dinflight="${INFLIGHT:-100}" -Drounds="${ROUNDS:-2}" -Dsamples="${SAMPLES:-500}" -Dload.rate="${LOAD_RATE:-1000}" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" org.microsmartgrid.city.api.CityPipelineBenchmark
if [ "${MEMORY:-yes}" != no ]; then
  echo "== memory with 130,000 points (-Xmx${MEMORY_XMX:-256m}, as run-city.sh runs the city)"
  java -Xmx"${MEMORY_XMX:-256m}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" org.microsmartgrid.city.api.CityMemoryBenchmark
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
