#!/usr/bin/env bash
# One side-by-side run on the same data: `parkgis check` (whole process, files to written results) against the
# PostGIS and GeoPandas peer scripts (../shared/bench), with ratios, ParkGis peak memory and agreement of totals.
#
#   [PARKGIS_BIN=/path/parkgis] bash bench/run.sh [S=1000] [REPEAT=3] [DATA_ROOT=/tmp/parkgis-bench-data] [--no-peers]
#
# Data: DATA_ROOT/S<S>/gpkg/layers.gpkg from ../shared/bench/gen.py (or `parkgis-bench sample`); never in the repo.
# Each tool runs REPEAT times, interleaved (ParkGis, PostGIS, GeoPandas, ParkGis, ...), medians reported.
# PostGIS: load (ogr2ogr + GiST + ANALYZE) + fastest parcel query (min of plain and ST_Within variant).
# GeoPandas: read + parcel overlay (sjoin + intersection). Other load on the machine skews all three alike.
set -uo pipefail
cd "$(dirname "$0")/.."
S=${1:-1000}; REPEAT=${2:-3}; ROOT=${3:-/tmp/parkgis-bench-data}; PEERS=1
for a in "$@"; do [ "$a" = "--no-peers" ] && PEERS=0; done
DATA="$ROOT/S$S"
PEER_DIR=${PEER_DIR:-$(pwd)/../shared/bench}
OUT=$(mktemp -d /tmp/parkgis-bench-run.XXXX)
RESULTS=${RESULTS:-$OUT/peers} # a fresh folder: a failed peer run must not leave an older run's timings to be read
PY=/usr/bin/python3
[ -f "$DATA/gpkg/layers.gpkg" ] || { echo "no $DATA/gpkg/layers.gpkg: run $PEER_DIR/gen.py --scale $S first" >&2; exit 2; }
GEOPANDAS=1
if [ "$PEERS" = 1 ]; then
  # GeoPandas is not a registry this project installs from: without it the GeoPandas peer is skipped, and said so.
  $PY -c 'import geopandas' 2>/dev/null || { GEOPANDAS=0; echo "GeoPandas is not installed here: its peer is skipped" >&2; }
  # No server of ../shared/bench/setup.sh answering: a throwaway cluster of bench/lib.sh (127.0.0.1, removed at exit).
  if ! PGCONNECT_TIMEOUT=3 psql "host=${PGHOST:-127.0.0.1} port=${PGPORT:-5432} user=${PGUSER:-postgres} password=${PGPASSWORD:-postgres} dbname=postgres" -qAtXc 'select 1' >/dev/null 2>&1; then
    source bench/lib.sh
    bench_pg_start || { echo "no PostgreSQL + PostGIS to compare with" >&2; exit 2; }
  fi
fi

# PARKGIS_BIN=/path/parkgis times that native binary (the Native AOT publish, as shipped) instead of the JIT build.
if [ -n "${PARKGIS_BIN:-}" ]; then
  PARKGIS=("$PARKGIS_BIN")
else
  dotnet build src/ParkGis.Cli -c Release -nologo -v q >/dev/null || { echo "build failed" >&2; exit 1; }
  PARKGIS=(dotnet src/ParkGis.Cli/bin/Release/net10.0/parkgis.dll)
fi

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
json() { $PY -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }

for r in $(seq 1 "$REPEAT"); do
  /usr/bin/time -v -o "$OUT/time.$r" "${PARKGIS[@]}" check "$DATA/gpkg" --out "$OUT/check" --overwrite --lang en >/dev/null 2>"$OUT/stderr.$r"
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$OUT/time.$r" >> "$OUT/parkgis_s"
  awk -F': ' '/Maximum resident set size/ {print $2/1024}' "$OUT/time.$r" >> "$OUT/parkgis_mb"
  # compute after loading vs reading, from the progress lines: the last "read" line, then "writing results"
  sed -n 's/^parkgis: \[ *\([0-9.]*\)s\] \(read\|writing results\).*/\1 \2/p' "$OUT/stderr.$r" | awk '$2=="read" {r=$1} $2=="writing" {w=$1} END {print r, w-r}' >> "$OUT/parkgis_phases"
  if [ "$PEERS" = 1 ]; then
    RESULTS=$RESULTS bash "$PEER_DIR/baseline_postgis.sh" "$DATA" 1 --variants >/dev/null 2>&1
    json "$RESULTS/S$S/postgis_timings.json" "d['load_s'][0] + min(d['parcels_s'][0], d.get('parcels_within_s',[1e9])[0])" >> "$OUT/postgis_s"
    if [ "$GEOPANDAS" = 1 ]; then
      $PY "$PEER_DIR/baseline_geopandas.py" --data "$DATA" --method sjoin --repeat 1 --results "$RESULTS" >/dev/null 2>&1
      json "$RESULTS/S$S/geopandas_sjoin_timings.json" "d['read_s'][0] + d['parcels_s'][0]" >> "$OUT/geopandas_s"
    fi
  fi
done

P=$(median < "$OUT/parkgis_s"); M=$(sort -g "$OUT/parkgis_mb" | tail -1)
echo "S=$S, $REPEAT runs, medians (wall s); parkgis = ${PARKGIS[*]}; machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'parkgis check (whole process)   %8.2f s   peak RSS %.0f MB   runs: %s\n' "$P" "$M" "$(tr '\n' ' ' < "$OUT/parkgis_s")"
R=$(cut -d' ' -f1 "$OUT/parkgis_phases" | median); C=$(cut -d' ' -f2 "$OUT/parkgis_phases" | median)
printf '  read (to last layer) %.1f s, compute after loading %.1f s: %.2fx the read (target <= 3); per run: %s\n' "$R" "$C" "$(echo "$C / $R" | bc -l)" \
  "$(awk '{printf "%.2f ", $2 / $1}' "$OUT/parkgis_phases")"
if [ "$PEERS" = 1 ]; then
  G=$(median < "$OUT/postgis_s")
  printf 'PostGIS load + fastest query     %8.2f s   ratio parkgis/postgis   %.3f (target <= 0.25)   runs: %s\n' "$G" "$(echo "$P / $G" | bc -l)" "$(tr '\n' ' ' < "$OUT/postgis_s")"
  if [ "$GEOPANDAS" = 1 ]; then
    Q=$(median < "$OUT/geopandas_s")
    printf 'GeoPandas read + parcel overlay  %8.2f s   ratio parkgis/geopandas %.3f (target <= 0.03)\n' "$Q" "$(echo "$P / $Q" | bc -l)"
  else
    echo 'GeoPandas read + parcel overlay  not run (GeoPandas is not installed here)'
  fi
fi
echo "agreement of totals:"
for peer in postgis geopandas_sjoin; do
  [ -f "$RESULTS/S$S/${peer}_parks.csv" ] && $PY bench/compare_check.py "$OUT/check/check.json" "$RESULTS/S$S" "$peer" | sed "s/^/  /"
done
echo "(raw files in $OUT)"
