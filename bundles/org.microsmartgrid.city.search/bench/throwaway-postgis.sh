# Sourced by the city's benchmark scripts: starts a throwaway PostgreSQL + PostGIS cluster (Debian's postgresql-15
# and postgresql-15-postgis-3) on a free loopback port with a random password, database "bench" with PostGIS, and
# sets pg_version and props (the -Dcity.bench.* JVM options the benchmarks read). Everything it starts is stopped
# and its directory removed on exit. As root the cluster runs as the postgres user. PGBIN overrides the binaries.
pgbin="${PGBIN:-/usr/lib/postgresql/15/bin}"
# a throwaway cluster: random password, loopback only, socket in its own directory
work=$(mktemp -d /tmp/city-search-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$work"
  as_pg=(runuser -u postgres --)
fi
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$password" > "$work/pw"
chmod 600 "$work/pw"
[ "$(id -u)" = 0 ] && chown postgres "$work/pw"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT
"${as_pg[@]}" "$pgbin/initdb" -D "$work/data" -U bench --auth=scram-sha-256 --pwfile="$work/pw" >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -l "$work/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c shared_buffers=256MB -c fsync=off" start >/dev/null
PGPASSWORD="$password" psql -h 127.0.0.1 -p "$port" -U bench -d postgres -qc "CREATE DATABASE bench"
PGPASSWORD="$password" psql -h 127.0.0.1 -p "$port" -U bench -d bench -qc "CREATE EXTENSION postgis"
pg_version=$(PGPASSWORD="$password" psql -h 127.0.0.1 -p "$port" -U bench -d bench -tAc \
    "SELECT split_part(version(), ' ', 2) || ', PostGIS ' || postgis_lib_version()")

props="-Dcity.bench.jdbc=jdbc:postgresql://127.0.0.1:$port/bench -Dcity.bench.user=bench -Dcity.bench.password=$password"
