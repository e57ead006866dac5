#!/usr/bin/env bash
# Starts the city runtime (README: "Run the city runtime").
#  - builds the distribution if it is missing (mvn install -DskipTests);
#  - on first run, copies the sample configuration to run-city/conf/, creates the operators' web console account
#    with a random password (run-city/operator-password.txt) and issues the demo module's broker credential
#    (run-city/module-demo-credential.txt): there are no default passwords;
#  - runs target-platform/target/msg-city.jar with -Dmsg.conf=run-city/conf -Dmsg.data=run-city/data on HTTP port
#    $PORT (default 8090) and MQTT port $MQTT_PORT (default 1883), listening on $HOST only (default 127.0.0.1).
# Issue another module's credential:  run-city.sh issue <account> <client id>
# Issue an OCPI partner's token:       run-city.sh ocpi-partner <partner>   (docs/ocpi.md)
# Grant a staff role (first operator, moderator):  run-city.sh staff <ROLE> <e-mail>   (docs/people.md)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/target-platform/target/msg-city.jar"
console_jar="$root/bundles/org.microsmartgrid.console/target/org.microsmartgrid.console-0.1.0-SNAPSHOT.jar"
broker_jar="$root/bundles/org.microsmartgrid.city.broker/target/org.microsmartgrid.city.broker-0.1.0-SNAPSHOT.jar"
ocpi_jar="$root/bundles/org.microsmartgrid.city.ocpi/target/org.microsmartgrid.city.ocpi-0.1.0-SNAPSHOT.jar"
run="$root/run-city"
port="${PORT:-8090}"
mqtt_port="${MQTT_PORT:-1883}"
host="${HOST:-127.0.0.1}"

if [ ! -f "$jar" ] || [ ! -f "$console_jar" ] || [ ! -f "$broker_jar" ] || [ ! -f "$ocpi_jar" ]; then
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

ocpi_conf="$run/conf/org.microsmartgrid.city.ocpi.Ocpi.config"
ocpi_partner() { # prints the partner's token and appends its hashed line to the OCPI configuration
  out=$(java -cp "$ocpi_jar" org.microsmartgrid.city.ocpi.auth.IssuePartnerToken "$1")
  line=$(printf '%s\n' "$out" | grep -v '^#')
  existing=$(grep '^partners=' "$ocpi_conf" | sed 's/^partners=\[\(.*\)\]$/\1/' || true)
  grep -v '^partners=' "$ocpi_conf" > "$ocpi_conf.tmp" || true
  if [ -n "$existing" ]; then printf 'partners=[%s,"%s"]\n' "$existing" "$line" >> "$ocpi_conf.tmp";
  else printf 'partners=["%s"]\n' "$line" >> "$ocpi_conf.tmp"; fi
  mv "$ocpi_conf.tmp" "$ocpi_conf"
  printf '%s\n' "$out" | grep '^#'
}

if [ "${1:-}" = "ocpi-partner" ]; then
  [ $# -eq 2 ] || { echo "uso / usage: $0 ocpi-partner <partner>" >&2; exit 2; }
  [ -f "$ocpi_conf" ] || { echo "run $0 once first" >&2; exit 2; }
  umask 077; ocpi_partner "$2"; exit 0
fi

people_conf="$run/conf/org.microsmartgrid.city.people.PeopleService.config"
if [ "${1:-}" = "staff" ]; then # grants a role to an address; a new account gets a mail to choose its password
  [ $# -eq 3 ] || { echo "uso / usage: $0 staff <OPERATOR|MODERATOR|MUNICIPALITY|BUSINESS> <e-mail>" >&2; exit 2; }
  case "$2" in OPERATOR|MODERATOR|MUNICIPALITY|BUSINESS) ;; *) echo "ruolo non valido / invalid role: $2" >&2; exit 2;; esac
  printf '%s' "$3" | grep -Eq '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+$' || { echo "e-mail non valida / invalid e-mail" >&2; exit 2; }
  [ -f "$people_conf" ] || { echo "run $0 once first" >&2; exit 2; }
  existing=$(grep '^staff=' "$people_conf" | sed 's/^staff=\[\(.*\)\]$/\1/' || true)
  grep -v '^staff=' "$people_conf" > "$people_conf.tmp" || true
  if [ -n "$existing" ]; then printf 'staff=[%s,"%s:%s"]\n' "$existing" "$2" "$3" >> "$people_conf.tmp";
  else printf 'staff=["%s:%s"]\n' "$2" "$3" >> "$people_conf.tmp"; fi
  mv "$people_conf.tmp" "$people_conf"
  echo "# $3: $2. Nuovo account: una mail per scegliere la password / new account: a mail to choose the password"
  echo "#   (demo: $run/data/city/mail-outbox/*.eml)"
  exit 0
fi

if [ "${1:-}" = "issue" ]; then
  [ $# -eq 3 ] || { echo "uso / usage: $0 issue <account> <client id>" >&2; exit 2; }
  [ -f "$broker_conf" ] || { echo "run $0 once first" >&2; exit 2; }
  umask 077; issue "$2" "$3"; exit 0
fi

mkdir -p "$run/conf" "$run/data"
if [ ! -f "$run/conf/org.microsmartgrid.console.InstallerAuthentication.config" ]; then
  cp "$here"/conf-demo/*.config "$here"/conf-demo/*.geojson "$run/conf/"
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | cut -c1-16)
  line=$(printf '%s\n' "$password" | java -cp "$console_jar" org.microsmartgrid.console.HashPassword operator)
  printf 'users=["%s"]\n' "$line" > "$run/conf/org.microsmartgrid.console.InstallerAuthentication.config"
  umask 077
  printf '%s\n' "$password" > "$run/operator-password.txt"
  issue milano msg-demo > "$run/module-demo-credential.txt"
  ocpi_partner demo-partner > "$run/ocpi-partner-demo.txt"
fi
# a run-city/ made before OCPI existed gets its configuration (and a demo partner) on the next start
if [ ! -f "$ocpi_conf" ]; then
  cp "$here/conf-demo/org.microsmartgrid.city.ocpi.Ocpi.config" "$ocpi_conf"
  (umask 077; ocpi_partner demo-partner > "$run/ocpi-partner-demo.txt")
fi
sed -i "s/^host=.*/host=\"$host\"/; s/^port=.*/port=I\"$mqtt_port\"/" "$broker_conf"
# people and power came after the first runs of some demos: its configuration is added when missing
[ -f "$people_conf" ] || cp "$here/conf-demo/org.microsmartgrid.city.people.PeopleService.config" "$people_conf"
sed -i "s#^public.url=.*#public.url=\"http://localhost:$port\"#" "$people_conf"

cat <<TXT
Micro Smart Grid — runtime della città / city runtime
  Mappa / Map:      http://localhost:$port/map/
  API:              http://localhost:$port/api/v1/locations
  Open data:        http://localhost:$port/api/v1/open-data/locations.geojson   (.csv)
  OCPI 2.2.1:       http://localhost:$port/ocpi/versions   (token del partner demo / demo partner token: $run/ocpi-partner-demo.txt)
  Acquisizione / Ingest: http://localhost:$port/city/status   http://localhost:$port/metrics
  Console:          http://localhost:$port/system/console   (utente/user: operator, password: $(cat "$run/operator-password.txt"))
  Broker MQTT:      tcp://$host:$mqtt_port  (credenziale del modulo demo / demo module credential: $run/module-demo-credential.txt)
  Persone / People: http://localhost:$port/api/v1/account/...  (docs/people.md; mail: $run/data/city/mail-outbox/)
  Staff:            $0 staff MODERATOR <e-mail>
  Configurazione / Configuration: $run/conf
Ctrl+C per fermare / to stop.
TXT
exec java -Xmx256m -Dorg.apache.felix.http.host="$host" -Dmsg.conf="$run/conf" -Dmsg.data="$run/data" \
  -Dorg.osgi.service.http.port="$port" -jar "$jar"
