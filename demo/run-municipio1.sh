#!/usr/bin/env bash
# The Municipio 1 demo (README's first command, docs/demo.md): the city runtime with its embedded broker and one
# module per public site of Municipio 1, each on its own simulated building, charging vehicles through a day that
# runs faster than real time. Options go to the launcher: --speed X (default 60), --start 2026-06-21T08:00,
# --hours H (stop by itself), --dir D (default run-municipio1/), --any-ports. Ctrl+C stops everything.
#  - builds the distribution if it is missing (mvn install -DskipTests);
#  - every password and broker credential is generated for the run (run-municipio1/credentials.txt).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
launcher="$here/target/msg-municipio1.jar"
if [ ! -f "$launcher" ] || [ ! -f "$root/target-platform/target/msg-city.jar" ] || [ ! -f "$root/target-platform/target/msg-demo.jar" ]; then
  (cd "$root" && mvn -B -q install -DskipTests)
fi
# the launcher is small: 32 MB of heap is plenty (the seven runtimes it starts have their own flags)
exec java -Xmx32m -XX:+UseSerialGC -jar "$launcher" --root "$root" "$@"
