#!/usr/bin/env bash
# Starts a module on the simulated building (README: "Run the demo").
#  - builds the distribution if it is missing (mvn install -DskipTests);
#  - on first run, copies the sample configuration to run/conf/ and creates the installer account with a random
#    password (run/installer-password.txt): there is no default password;
#  - runs target-platform/target/msg-module.jar with -Dmsg.conf=run/conf on port $PORT (default 8080), listening on
#    $HOST only (default 127.0.0.1: the demo is not meant to be reached from the network).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/target-platform/target/msg-module.jar"
console_jar="$root/bundles/org.microsmartgrid.console/target/org.microsmartgrid.console-0.1.0-SNAPSHOT.jar"
run="$root/run"
port="${PORT:-8080}"

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

# CoAP: a random read-write pre-shared key for the demo building system, made once (there is no default key)
coap_conf="$run/conf/org.microsmartgrid.coap.CoapBuildingService.config"
if [ ! -f "$coap_conf" ]; then
  cp "$here/conf-demo/org.microsmartgrid.coap.CoapBuildingService.config" "$coap_conf"
fi
if ! grep -q '^psk.identities=' "$coap_conf"; then
  coap_key=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf 'psk.identities=["demo-bms:%s:rw"]\n' "$coap_key" >> "$coap_conf"
  (umask 077; printf 'identity: demo-bms\nkey (hex): %s\n' "$coap_key" > "$run/coap-psk.txt")
fi
sed -i "s/^bind.address=.*/bind.address=\"${HOST:-127.0.0.1}\"/" "$coap_conf"

cat <<TXT
Micro Smart Grid — modulo dimostrativo su un edificio simulato / demo module on a simulated building
  Stato / Status:   http://localhost:$port/status
  Console:          http://localhost:$port/system/console   (utente/user: installer, password: $(cat "$run/installer-password.txt"))
  Relè / Relays:    http://localhost:$port/system/console/relays
  CoAP:             coap://${HOST:-127.0.0.1}/site   coaps://${HOST:-127.0.0.1}/site  (chiave PSK / PSK key: $run/coap-psk.txt)
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
