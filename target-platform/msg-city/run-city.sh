#!/usr/bin/env bash
# Starts the city runtime (README: "Run the city runtime").
#  - builds the distribution if it is missing (mvn install -DskipTests);
#  - on first run, copies the sample configuration to run-city/conf/, creates the operators' web console account
#    with a random password (run-city/operator-password.txt) and issues the demo module's broker credential
#    (run-city/module-demo-credential.txt): there are no default passwords;
#  - runs target-platform/target/msg-city.jar with -Dmsg.conf=run-city/conf -Dmsg.data=run-city/data on HTTP port
#    $PORT (default 8090) and MQTT port $MQTT_PORT (default 1883), listening on $HOST only (default 127.0.0.1).
# Issue another module's credential:  run-city.sh issue <account> <client id>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/target-platform/target/msg-city.jar"
console_jar="$root/bundles/org.microsmartgrid.console/target/org.microsmartgrid.console-0.1.0-SNAPSHOT.jar"
broker_jar="$root/bundles/org.microsmartgrid.city.broker/target/org.microsmartgrid.city.broker-0.1.0-SNAPSHOT.jar"
run="$root/run-city"
port="${PORT:-8090}"
mqtt_port="${MQTT_PORT:-1883}"
host="${HOST:-127.0.0.1}"

if [ ! -f "$jar" ] || [ ! -f "$console_jar" ] || [ ! -f "$broker_jar" ]; then
  (cd "$root" && mvn -B -q install -DskipTests)
fi

broker_conf="$run/conf/org.microsmartgrid.city.broker.CityBroker.config"
issue() { # prints the module's settings and appends its hashed line to the broker's configuration
  out=$(java -cp "$broker_jar" org.microsmartgrid.city.broker.IssueModuleCredential "$1" "$2")
  line=$(printf '%s\n' "$out" | grep -v '^#')
  existing=$(grep '^modules=' "$broker_conf" | sed 's/^modules=\[\(.*\)\]$/\1/' || true)
  grep -v '^modules=' "$broker_conf" > "$broker_conf.tmp" || true
  if [ -n "$existing" ]; then printf 'modules=[%s,"%s"]\n' "$existing" "$line" >> "$broker_conf.tmp";
  else printf 'modules=["%s"]\n' "$line" >> "$broker_conf.tmp"; fi
  mv "$broker_conf.tmp" "$broker_conf"
  printf '%s\n' "$out" | grep '^#'
}

if [ "${1:-}" = "issue" ]; then
  [ $# -eq 3 ] || { echo "uso / usage: $0 issue <account> <client id>" >&2; exit 2; }
  [ -f "$broker_conf" ] || { echo "run $0 once first" >&2; exit 2; }
  umask 077; issue "$2" "$3"; exit 0
fi

mkdir -p "$run/conf" "$run/data"
if [ ! -f "$run/conf/org.microsmartgrid.console.InstallerAuthentication.config" ]; then
  cp "$here"/conf-demo/*.config "$run/conf/"
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | cut -c1-16)
  line=$(printf '%s\n' "$password" | java -cp "$console_jar" org.microsmartgrid.console.HashPassword operator)
  printf 'users=["%s"]\n' "$line" > "$run/conf/org.microsmartgrid.console.InstallerAuthentication.config"
  umask 077
  printf '%s\n' "$password" > "$run/operator-password.txt"
  issue milano msg-demo > "$run/module-demo-credential.txt"
fi
sed -i "s/^host=.*/host=\"$host\"/; s/^port=.*/port=I\"$mqtt_port\"/" "$broker_conf"

cat <<TXT
Micro Smart Grid — runtime della città / city runtime
  Mappa / Map:      http://localhost:$port/map/
  API:              http://localhost:$port/api/v1/locations
  Open data:        http://localhost:$port/api/v1/open-data/locations.geojson   (.csv)
  Acquisizione / Ingest: http://localhost:$port/city/status   http://localhost:$port/metrics
  Console:          http://localhost:$port/system/console   (utente/user: operator, password: $(cat "$run/operator-password.txt"))
  Broker MQTT:      tcp://$host:$mqtt_port  (credenziale del modulo demo / demo module credential: $run/module-demo-credential.txt)
  Configurazione / Configuration: $run/conf
Ctrl+C per fermare / to stop.
TXT
exec java -Xmx256m -Dorg.apache.felix.http.host="$host" -Dmsg.conf="$run/conf" -Dmsg.data="$run/data" \
  -Dorg.osgi.service.http.port="$port" -jar "$jar"
