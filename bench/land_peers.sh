#!/usr/bin/env bash
# `parkgis supply` and `parkgis idle` against the same work in PostGIS (bench/postgis/supply.sql, idle.sql), in one
# run on the same data, with ratios and agreement of totals (bench/compare_land.py, 1e-6 relative).
#
#   bash bench/land_peers.sh [S=1000] [REPEAT=3] [DATA_ROOT=/tmp/parkgis-bench-data/city]
#
# Data: DATA_ROOT/S<S>/gpkg from `parkgis-bench sample` (generated when missing). PostGIS: a throwaway cluster on a
# free port of 127.0.0.1 (bench/lib.sh), removed at the end. Runs are interleaved (parkgis supply, PostGIS load +
# supply SQL, parkgis idle, PostGIS idle SQL) and medians reported. PostGIS time = ogr2ogr + GiST + ANALYZE of the
# layers the work needs (supply: parks, approvals, parcels; idle: parks, parcels) + the SQL; ParkGis time = the whole
# process, files to written results. The as-of date is the one the generator designs around (2026-06-30).
# Env: TIMEOUT (seconds per run, default 3600); PARKGIS_BIN=/path/parkgis times that native binary instead of the JIT
# build (bench/lib.sh); KEEP=DIR keeps the last run's outputs of both tools in DIR (for cmp).
set -euo pipefail
shopt -s inherit_errexit
# The body is one function, read whole before it runs: editing this file during a run cannot change the run.
main() {
S=${1:-1000}; REPEAT=${2:-3}; ROOT=${3:-/tmp/parkgis-bench-data/city}
TIMEOUT=${TIMEOUT:-3600}
AS_OF=2026-06-30
source "$(dirname "$0")/lib.sh"
bench_build
bench_data "$S" "$ROOT"
DATA=$ROOT/S$S/gpkg
bench_pg_start
SCHEMA=s$S
SQL=$BENCH_REPO/bench/postgis

for r in $(seq 1 "$REPEAT"); do
  bench_log "run $r of $REPEAT: parkgis supply"
  read -r wall rss code cpu < <(bench_run "supply.$r" "$TIMEOUT" "${PARKGIS[@]}" supply "$DATA" --as-of "$AS_OF" --out "$BENCH_TMP/supply.$r")
  echo "$wall $rss $code $cpu" >>"$BENCH_TMP/parkgis_supply"
  bench_log "run $r: PostGIS load"
  psql -qAtX -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA"
  load_parks=$(bench_pg_load "$DATA/layers.gpkg" "$SCHEMA" parks)
  load_approvals=$(bench_pg_load "$DATA/layers.gpkg" "$SCHEMA" approvals)
  load_parcels=$(bench_pg_load "$DATA/layers.gpkg" "$SCHEMA" parcels)
  bench_log "run $r: PostGIS supply SQL"
  sql=$(PGOPTIONS="-c search_path=$SCHEMA,public" bench_seconds psql -qAtX -v asof="$AS_OF" -v window_years=5 -f "$SQL/supply.sql" -o "$BENCH_TMP/postgis_supply.$r.json")
  echo "$load_parks $load_approvals $load_parcels $sql" | awk '{print $1 + $2 + $3 + $4, $1 + $2 + $3, $4}' >>"$BENCH_TMP/postgis_supply"

  bench_log "run $r: parkgis idle"
  read -r wall rss code cpu < <(bench_run "idle.$r" "$TIMEOUT" "${PARKGIS[@]}" idle "$DATA" --as-of "$AS_OF" --out "$BENCH_TMP/idle.$r")
  echo "$wall $rss $code $cpu" >>"$BENCH_TMP/parkgis_idle"
  bench_log "run $r: PostGIS idle SQL"
  sql=$(PGOPTIONS="-c search_path=$SCHEMA,public" bench_seconds psql -qAtX -v asof="$AS_OF" -f "$SQL/idle.sql" -o "$BENCH_TMP/postgis_idle.$r.json")
  echo "$load_parks $load_parcels $sql" | awk '{print $1 + $2 + $3, $1 + $2, $3}' >>"$BENCH_TMP/postgis_idle"
done

echo "S=$S, $REPEAT interleaved runs, medians of wall seconds; as-of $AS_OF; machine: $(bench_machine) (shared with other work: ratios matter, not seconds)"
echo "$(bench_parkgis_label)"
printf '| %-7s | %11s | %12s | %8s | %20s | %12s | %7s | %9s | %-6s | %s |\n' command "parkgis (s)" "parkgis CPU" "peak MB" "PostGIS load+SQL (s)" "of it load" "ratio" "run ratio" "exit" "per run parkgis/PostGIS (s)"
printf '| %-7s | %11s | %12s | %8s | %20s | %12s | %7s | %9s | %-6s | %s |\n' --- ---: ---: ---: ---: ---: ---: ---: --- ---
for c in supply idle; do
  p=$(cut -d' ' -f1 "$BENCH_TMP/parkgis_$c" | bench_median)
  m=$(cut -d' ' -f2 "$BENCH_TMP/parkgis_$c" | bench_max)
  g=$(cut -d' ' -f1 "$BENCH_TMP/postgis_$c" | bench_median)
  l=$(cut -d' ' -f2 "$BENCH_TMP/postgis_$c" | bench_median)
  e=$(cut -d' ' -f3 "$BENCH_TMP/parkgis_$c" | sort -u | tr '\n' ' ')
  runs=$(paste -d' ' <(cut -d' ' -f1 "$BENCH_TMP/parkgis_$c") <(cut -d' ' -f1 "$BENCH_TMP/postgis_$c") | awk '{printf "%.2f/%.2f ", $1, $2}')
  per_run=$(paste -d' ' <(cut -d' ' -f1 "$BENCH_TMP/parkgis_$c") <(cut -d' ' -f1 "$BENCH_TMP/postgis_$c") | awk '{print $1 / $2}' | bench_median)
  u=$(cut -d' ' -f4 "$BENCH_TMP/parkgis_$c" | bench_median)
  printf '| %-7s | %11.2f | %12.2f | %8s | %20.2f | %12.2f | %7s | %9.3f | %-6s | %s |\n' "$c" "$p" "$u" "$m" "$g" "$l" "$(bench_ratio "$p" "$g")" "$per_run" "$e" "$runs"
done
echo "(ratio = of the medians; run ratio = median of the per-run ratios, which shared-machine load skews less; target <= 0.5, load included)"
status=0
if [ -n "${KEEP:-}" ]; then
  mkdir -p "$KEEP" && cp -r "$BENCH_TMP/supply.$REPEAT" "$BENCH_TMP/idle.$REPEAT" "$BENCH_TMP"/postgis_*."$REPEAT".json "$KEEP"/ 2>/dev/null || true
fi
for c in supply idle; do
  echo "agreement of $c totals (last run):"
  out=$BENCH_TMP/$c.$REPEAT/$c.json
  if [ -f "$out" ]; then
    /usr/bin/python3 "$BENCH_REPO/bench/compare_land.py" "$c" "$out" "$BENCH_TMP/postgis_$c.$REPEAT.json" | sed 's/^/  /' || status=1
  else
    echo "  parkgis $c wrote no $c.json (exit $(cut -d' ' -f3 "$BENCH_TMP/parkgis_$c" | tail -1)): $(tail -3 "$BENCH_TMP/$c.$REPEAT.err" | tr '\n' ' ')"
    status=1
  fi
done
exit $status
}
main "$@"
