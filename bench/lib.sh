# shellcheck shell=bash
# Shared helpers of the bench scripts (sourced): data generation, timed runs, medians, a throwaway PostgreSQL.
# Everything temporary lives under one mktemp folder, removed on exit; data lives under $DATA_ROOT, never in the repo.

BENCH_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PARKGIS_DLL=$BENCH_REPO/src/ParkGis.Cli/bin/Release/net10.0/parkgis.dll
BENCH_DLL=$BENCH_REPO/bench/ParkGis.Bench/bin/Release/net10.0/parkgis-bench.dll
# The parkgis command the benches time: the JIT build by default; PARKGIS_BIN=/path/parkgis runs a given native binary
# instead (e.g. the Native AOT publish: dotnet publish src/ParkGis.Cli -c Release -o DIR, then PARKGIS_BIN=DIR/parkgis).
if [ -n "${PARKGIS_BIN:-}" ]; then PARKGIS=("$PARKGIS_BIN"); else PARKGIS=(dotnet "$PARKGIS_DLL"); fi
bench_parkgis_label() { if [ -n "${PARKGIS_BIN:-}" ]; then echo "parkgis = $PARKGIS_BIN (native)"; else echo "parkgis = dotnet $PARKGIS_DLL (JIT)"; fi; }
BENCH_TMP=$(mktemp -d /tmp/parkgis-bench-run.XXXXXX)
BENCH_CLEANUP=("rm -rf '$BENCH_TMP'")
bench_exit() {
  local i
  for ((i = ${#BENCH_CLEANUP[@]} - 1; i >= 0; i--)); do eval "${BENCH_CLEANUP[$i]}" || true; done
}
trap bench_exit EXIT
trap 'exit 130' INT TERM

bench_log() { printf '%s\n' "bench: $*" >&2; }

# Builds parkgis and parkgis-bench (Release); quiet unless it fails.
bench_build() {
  (cd "$BENCH_REPO" && dotnet build src/ParkGis.Cli -c Release -nologo -v q >"$BENCH_TMP/build.log" 2>&1 \
    && dotnet build bench/ParkGis.Bench -c Release -nologo -v q >>"$BENCH_TMP/build.log" 2>&1) \
    || { cat "$BENCH_TMP/build.log" >&2; return 1; }
}

# bench_data S ROOT [--geojson]: ROOT/S<S>/gpkg (and geojson), generated when missing.
bench_data() {
  local scale=$1 root=$2 geojson=${3:-}
  if [ ! -f "$root/S$scale/gpkg/layers.gpkg" ] || [ ! -f "$root/S$scale/gpkg/economics.csv" ] \
     || { [ -n "$geojson" ] && [ ! -f "$root/S$scale/geojson/parcels.geojson" ]; }; then
    bench_log "generating S=$scale under $root"
    dotnet "$BENCH_DLL" sample --scale "$scale" --out "$root" $geojson >&2
  fi
}

# bench_run NAME TIMEOUT_S COMMAND...: runs the command under /usr/bin/time -v with a timeout, stdout/stderr to
# $BENCH_TMP/NAME.{out,err}; prints "WALL_S RSS_MB EXIT CPU_S" (EXIT 124 = timed out; CPU = user + system, which
# other load on a shared machine inflates less than the wall time).
bench_run() {
  local name=$1 limit=$2 code=0
  shift 2
  /usr/bin/time -v -o "$BENCH_TMP/$name.time" timeout --kill-after=10 "$limit" "$@" >"$BENCH_TMP/$name.out" 2>"$BENCH_TMP/$name.err" || code=$?
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$BENCH_TMP/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$BENCH_TMP/$name.time")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {print s}' "$BENCH_TMP/$name.time")
  echo "${wall:-nan} ${rss:-nan} $code ${cpu:-nan}"
}

# Wall seconds of a command (no memory), for the peers' steps.
bench_seconds() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@"
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}

bench_median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
bench_max() { sort -g | tail -1; }
bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0 && a == a + 0 && b == b + 0) printf "%.3f", a / b; else print "n/a"}'; }
bench_machine() {
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# A throwaway PostgreSQL 15 + PostGIS cluster in a temporary folder on a free port of 127.0.0.1 (55600–55700, away from the
# test suite's 55432–55532 and the machine's 5432), fsync off like the test cluster; stopped and deleted on exit.
# Sets PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE and PG_OGR (the ogr2ogr connection string).
bench_pg_start() {
  local bin=/usr/lib/postgresql/15/bin dir port run=() owner
  [ -x "$bin/initdb" ] && [ -f /usr/share/postgresql/15/extension/postgis.control ] \
    || { bench_log "PostgreSQL 15 + PostGIS 3 not installed (apt-get install postgresql-15-postgis-3)"; return 1; }
  # Its own folder: the postgres user cannot enter $BENCH_TMP (mode 700, root's).
  dir=$(mktemp -d /tmp/parkgis-bench-pg.XXXXXX)
  BENCH_CLEANUP+=("rm -rf '$dir'")
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    run=(runuser -u postgres --)
  fi
  for port in $(seq 55600 55700); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  echo bench >"$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
  "${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 --pwfile="$dir/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  owner=$(stat -c %U "$dir")
  BENCH_CLEANUP+=("runuser -u $owner -- $bin/pg_ctl -D '$dir/data' -m immediate stop >/dev/null 2>&1 || $bin/pg_ctl -D '$dir/data' -m immediate stop >/dev/null 2>&1")
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { tail -5 "$dir/server.log" >&2; return 1; }
  export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGPASSWORD=bench PGDATABASE=postgres
  psql -qAtX -c "CREATE DATABASE bench ENCODING 'UTF8' TEMPLATE template0" >/dev/null
  export PGDATABASE=bench
  psql -qAtX -c "SET client_min_messages = warning; CREATE EXTENSION postgis" >/dev/null
  PG_OGR="PG:host=127.0.0.1 port=$port user=postgres password=bench dbname=bench"
  bench_log "throwaway PostGIS cluster on 127.0.0.1:$port ($(psql -qAtX -c "select 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' || postgis_lib_version() || ', GEOS ' || postgis_geos_version()"))"
}

# bench_pg_load GPKG SCHEMA LAYER: ogr2ogr one layer into SCHEMA with a GiST index, then ANALYZE; prints seconds.
bench_pg_load() {
  local gpkg=$1 schema=$2 layer=$3
  bench_seconds sh -c "ogr2ogr -f PostgreSQL \"\$0\" \"$gpkg\" \"$layer\" -nlt PROMOTE_TO_MULTI -lco SCHEMA=$schema -lco GEOMETRY_NAME=geom \
      -lco FID=fid -lco SPATIAL_INDEX=GIST -lco OVERWRITE=YES && psql -qAtX -c 'ANALYZE $schema.$layer'" "$PG_OGR"
}
