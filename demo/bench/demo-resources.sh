#!/usr/bin/env bash
# Memory and CPU of the whole Municipio 1 demo (docs/benchmarks.md, "The Municipio 1 demo"): starts the launcher on
# free ports in a temporary folder, waits until it is ready plus SETTLE seconds, then reads each process's resident
# memory (VmRSS) and the CPU time it used over WINDOW seconds (/proc/<pid>/stat utime+stime), and stops the demo
# with SIGTERM. Usage: demo/bench/demo-resources.sh [SETTLE=120] [WINDOW=60] [launcher options, e.g. --speed 60]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
settle=${1:-120}; window=${2:-60}; shift $(( $# > 2 ? 2 : $# )) || true
dir=$(mktemp -d /tmp/msg-municipio1-bench.XXXXXX)
out="$dir.out"
java -Xmx32m -XX:+UseSerialGC -jar "$root/demo/target/msg-municipio1.jar" --root "$root" --dir "$dir" --any-ports "$@" > "$out" 2>&1 &
launcher=$!
trap 'kill -TERM $launcher 2>/dev/null || true; wait $launcher 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do grep -q '^Pronto' "$out" && break; kill -0 $launcher || { cat "$out"; exit 1; }; sleep 1; done
grep '^Pronto' "$out"
sleep "$settle"
pids="$launcher $(pgrep -P $launcher | tr '\n' ' ')"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
declare -A before
for p in $pids; do before[$p]=$(ticks "$p"); done
sleep "$window"
hz=$(getconf CLK_TCK)
printf '%-28s %10s %10s\n' process "RSS MB" "CPU %"
total_rss=0; total_cpu=0
for p in $pids; do
  name=$(tr '\0' ' ' < "/proc/$p/cmdline" | grep -o -- '-Dmsg.conf=[^ ]*' | sed 's#.*/\([^/]*\)/conf$#\1#' || true)
  [ -n "$name" ] || name=launcher
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$p/status")
  cpu=$(( ($(ticks "$p") - before[$p]) * 10000 / (hz * window) ))
  printf '%-28s %10.1f %10s\n' "$name" "$(echo "$rss/1024" | bc -l)" "$((cpu / 100)).$(printf %02d $((cpu % 100)))"
  total_rss=$((total_rss + rss)); total_cpu=$((total_cpu + cpu))
done
printf '%-28s %10.1f %10s\n' total "$(echo "$total_rss/1024" | bc -l)" "$((total_cpu / 100)).$(printf %02d $((total_cpu % 100)))"
