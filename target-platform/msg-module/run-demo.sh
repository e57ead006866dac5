#!/usr/bin/env bash
# Starts a module on the simulated building (README: "Run the demo").
#  - builds the distribution if it is missing (mvn install -DskipTests);
#  - on first run, copies the sample configuration to run/conf/ and creates the installer account with a random
#    password (run/installer-password.txt): there is no default password;
#  - runs target-platform/target/msg-demo.jar (the production module plus the simulator) with -Dmsg.conf=run/conf on port $PORT (default 8080), listening on
#    $HOST only (default 127.0.0.1: the demo is not meant to be reached from the network);
#  - every port of the demo is settable, so several demos run on one machine: PORT (HTTP), MODBUS_PORT (the simulator
#    and the module's bus, default 5020), COAP_PORT / COAPS_PORT (5683 / 5684), and RUN_DIR (default run/). A taken
#    TCP port stops the script; a simulator that still cannot bind stops the module (stop.module.on.bind.failure).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/target-platform/target/msg-demo.jar"
console_jar="$root/bundles/org.microsmartgrid.console/target/org.microsmartgrid.console-0.1.0-SNAPSHOT.jar"
run="${RUN_DIR:-$root/run}"
port="${PORT:-8080}"
modbus_port="${MODBUS_PORT:-5020}"
coap_port="${COAP_PORT:-5683}"
coaps_port="${COAPS_PORT:-5684}"
for p in "PORT=$port" "MODBUS_PORT=$modbus_port" "COAP_PORT=$coap_port" "COAPS_PORT=$coaps_port"; do
  case "${p#*=}" in
    ''|*[!0-9]*) echo "${p%%=*}='${p#*=}': serve un numero di porta / must be a port number" >&2; exit 1 ;;
  esac
done
for p in "PORT=$port" "MODBUS_PORT=$modbus_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/${p#*=}") 2>/dev/null; then
    echo "Porta ${p#*=} già in uso (un'altra demo?): impostare ${p%%=*} / port ${p#*=} already in use (another demo?): set ${p%%=*}" >&2
    exit 1
  fi
done

if [ ! -f "$jar" ] || [ ! -f "$console_jar" ]; then
  (cd "$root" && mvn -B -q install -DskipTests)
fi

mkdir -p "$run/conf" "$run/data"
if [ ! -f "$run/conf/org.microsmartgrid.console.InstallerAuthentication.config" ]; then
  cp "$here"/conf-demo/*.config "$run/conf/"
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | cut -c1-16)
  line=$(printf '%s\n' "$password" | java -cp "$console_jar" org.microsmartgrid.console.HashPassword installer)
  printf 'users=["%s"]\n' "$line" > "$run/conf/org.microsmartgrid.console.InstallerAuthentication.config"
  umask 077
  printf '%s\n' "$password" > "$run/installer-password.txt"
fi

# CoAP: a random read-write pre-shared key for the demo building system, made once (there is no default key). A text
# key, so Debian 12's coap-client-openssl can take it as typed (-k); configured as its Base64 (docs/coap.md). A key
# from an older demo (bare hex, now read as Base64) is replaced.
coap_conf="$run/conf/org.microsmartgrid.coap.CoapBuildingService.config"
if [ ! -f "$coap_conf" ]; then
  cp "$here/conf-demo/org.microsmartgrid.coap.CoapBuildingService.config" "$coap_conf"
fi
sed -i -E '/^psk.identities=\["demo-bms:[0-9a-f]{32}:rw"\]$/d' "$coap_conf"
if ! grep -q '^psk.identities=' "$coap_conf"; then
  coap_key=$(head -c 18 /dev/urandom | base64 | tr '+/' 'Kq')
  printf 'psk.identities=["demo-bms:%s:rw"]\n' "$(printf %s "$coap_key" | base64)" >> "$coap_conf"
  (umask 077; printf 'identity: demo-bms\nkey: %s\n' "$coap_key" > "$run/coap-psk.txt")
fi
sed -i "s/^bind.address=.*/bind.address=\"${HOST:-127.0.0.1}\"/; s/^coap.port=.*/coap.port=I\"$coap_port\"/; s/^coaps.port=.*/coaps.port=I\"$coaps_port\"/" "$coap_conf"
# the simulator and the bus that reads it share one port; a demo never reads another demo's simulator
sim_conf="$run/conf/org.microsmartgrid.simulator.SimulatedBuilding.config"
sed -i "s/^port=.*/port=I\"$modbus_port\"/" "$sim_conf" "$run/conf/org.microsmartgrid.meter.modbus.ModbusBus-sim.config"
grep -q '^stop.module.on.bind.failure=' "$sim_conf" || printf 'stop.module.on.bind.failure=B"true"\n' >> "$sim_conf"

cat <<TXT
Micro Smart Grid — modulo dimostrativo su un edificio simulato / demo module on a simulated building
  Stato / Status:   http://localhost:$port/status
  Console:          http://localhost:$port/system/console   (utente/user: installer, password: $(cat "$run/installer-password.txt"))
  Relè / Relays:    http://localhost:$port/system/console/relays
  CoAP:             coap://${HOST:-127.0.0.1}:$coap_port/site   coaps://${HOST:-127.0.0.1}:$coaps_port/site  (chiave PSK / PSK key: $run/coap-psk.txt)
  Modbus (simulatore / simulator): 127.0.0.1:$modbus_port
  Configurazione / Configuration: $run/conf
Ctrl+C per fermare / to stop.
TXT
# JVM flags and environment: module.jvm, shared with bench/startup-and-memory.py (why: docs/benchmarks.md §1)
jvm_flags=()
while IFS= read -r line || [ -n "$line" ]; do
  line="${line#"${line%%[![:space:]]*}"}"; line="${line%"${line##*[![:space:]]}"}"
  case "$line" in
    ''|'#'*) ;;
    -*) jvm_flags+=("$line") ;;
    *=*) export "${line?}" ;;
    *) echo "$here/module.jvm: neither a JVM flag nor NAME=value: $line" >&2; exit 1 ;;
  esac
done < "$here/module.jvm"
exec java "${jvm_flags[@]}" -Dmsg.demo=true -Dorg.apache.felix.http.host="${HOST:-127.0.0.1}" -Dmsg.conf="$run/conf" -Dmsg.data="$run/data" -Dorg.osgi.service.http.port="$port" -jar "$jar"
