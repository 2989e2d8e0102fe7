#!/usr/bin/env bash
# PostGIS for real: start a throwaway PostgreSQL + PostGIS server on a private Unix socket,
# write a per-area result layer to it with `cohesion hotspots -o PG:...`, read the layer
# back as boundaries, check the neighbour count, and stop the server.
# Usage: postgis_roundtrip.sh COHESION TABLE BOUNDARIES
set -euo pipefail
cohesion="$1" table="$2" boundaries="$3"
bin=/usr/lib/postgresql/15/bin
if [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL 15 is not installed: run scripts/test, which installs postgresql-15-postgis-3" >&2
  exit 1
fi
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

dir="$(mktemp -d /tmp/cohesion-pg.XXXXXX)"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
port=$((20000 + RANDOM % 20000))
cleanup() {
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
as_postgres "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-k $dir -p $port -c listen_addresses=''" start >/dev/null
psql -h "$dir" -p "$port" -U postgres -q -c "CREATE EXTENSION postgis" >/dev/null

connection="PG:host=$dir port=$port user=postgres dbname=postgres"
"$cohesion" hotspots "$table" --boundaries "$boundaries" --group Pakistani --permutations 99 --output "$connection"
rows=$(psql -h "$dir" -p "$port" -U postgres -At -c "SELECT count(*) FROM hotspots")
[ "$rows" -eq 501 ] || { echo "expected 501 rows in PostGIS, got $rows" >&2; exit 1; }
srid=$(psql -h "$dir" -p "$port" -U postgres -At -c "SELECT DISTINCT ST_SRID(wkb_geometry) FROM hotspots")
[ "$srid" = "27700" ] || { echo "expected SRID 27700, got $srid" >&2; exit 1; }
summary=$("$cohesion" weights --boundaries "$connection" --layer hotspots --code-field area --format csv)
echo "$summary" | grep -q '^neighbour pairs,1469$' || { echo "unexpected weights from PostGIS:" >&2; echo "$summary" >&2; exit 1; }
echo "PostGIS round trip: 501 areas written and read back, 1469 queen pairs"
