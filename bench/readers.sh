#!/usr/bin/env bash
# The readers against GDAL's own, in one run on the same parcels: GeoJSON, Shapefile and GeoPackage copies of the
# bench parcels (made once with ogr2ogr from the generated GeoPackage), each read by
#   - `parkgis info` (whole process; "read done" = the progress clock when the parcels were read, start-up included),
#   - `ogr2ogr -f Memory` (whole process: GDAL reads every feature into memory) and `ogrinfo -al -so` (whole process),
#   - `parkgis-bench read` (in process, DatasetReader as every command reads, all fields; cold = first read with the
#     JIT, warm = best of the later ones),
# and for the GeoPackage the geometry-only floor `parkgis-bench floor` (one thread, blobs to NTS geometries, nothing
# else; ../shared/bench/README.md lists 0.32 s at S=1000).
# Then the layers `check` reads (parks, parcels, red line, farmland, urban boundary; a GeoPackage of those five tables
# copied with ogr2ogr): `parkgis-bench read --check` (DatasetReader with check's fields: ids, park names, 旗区) and with
# every field, against the floor over the same five tables, interleaved; target: check's read within 1.3× the floor.
#
#   bash bench/readers.sh [S=1000] [REPEAT=3] [DATA_ROOT=/tmp/parkgis-bench-data/city]
set -euo pipefail
shopt -s inherit_errexit
# The body is one function, read whole before it runs: editing this file during a run cannot change the run.
main() {
S=${1:-1000}; REPEAT=${2:-3}; ROOT=${3:-/tmp/parkgis-bench-data/city}
TIMEOUT=${TIMEOUT:-1800}
source "$(dirname "$0")/lib.sh"
bench_build
bench_data "$S" "$ROOT"
SRC=$ROOT/S$S/gpkg/layers.gpkg
FORMATS=(geojson shp gpkg)
declare -A FILE=([geojson]=parcels.geojson [shp]=parcels.shp [gpkg]=parcels.gpkg)
declare -A DRIVER=([geojson]=GeoJSON [shp]="ESRI Shapefile" [gpkg]=GPKG)
CHECK_TABLES=parks,parcels,ecological_redline,permanent_farmland,urban_boundary
CHECK_DIR=$ROOT/S$S/readers/gpkg-check
if [ ! -f "$CHECK_DIR/layers.gpkg" ] || [ "$CHECK_DIR/layers.gpkg" -ot "$SRC" ]; then
  bench_log "copying the five check layers into one GeoPackage with ogr2ogr (not timed)"
  rm -rf "$CHECK_DIR" && mkdir -p "$CHECK_DIR"
  # shellcheck disable=SC2046
  ogr2ogr -f GPKG "$CHECK_DIR/layers.gpkg" "$SRC" $(tr , ' ' <<<"$CHECK_TABLES") 2>/dev/null
fi
for f in "${FORMATS[@]}"; do
  dir=$ROOT/S$S/readers/$f
  if [ ! -f "$dir/${FILE[$f]}" ] || [ "$dir/${FILE[$f]}" -ot "$SRC" ]; then
    bench_log "writing the parcels as ${DRIVER[$f]} with ogr2ogr (not timed)"
    rm -rf "$dir" && mkdir -p "$dir"
    opts=()
    case "$f" in geojson) opts=(-lco RFC7946=NO) ;; shp) opts=(-lco ENCODING=UTF-8) ;; esac
    ogr2ogr -f "${DRIVER[$f]}" "$dir/${FILE[$f]}" "$SRC" parcels "${opts[@]}" 2>/dev/null
  fi
done

inproc() { # inproc NAME COMMAND...: appends "cold warm" seconds from the lines "... N: X s ..."
  local name=$1
  shift
  dotnet "$BENCH_DLL" "$@" | sed -n 's/^[a-z]* [0-9]*: \([0-9.]*\) s.*/\1/p' | awk 'NR == 1 {c = $1; w = 1e9} NR > 1 && $1 < w {w = $1} END {print c, (w == 1e9 ? c : w)}' >>"$BENCH_TMP/$name"
}

for r in $(seq 1 "$REPEAT"); do
  for f in "${FORMATS[@]}"; do
    dir=$ROOT/S$S/readers/$f
    bench_log "round $r of $REPEAT: $f"
    read -r wall rss code cpu < <(bench_run "info.$f.$r" "$TIMEOUT" dotnet "$PARKGIS_DLL" info "$dir" --lang en)
    done_at=$(sed -n 's/^parkgis: \[ *\([0-9.]*\)s\] read parcels.*/\1/p' "$BENCH_TMP/info.$f.$r.err")
    echo "$wall $rss $code $cpu ${done_at:-nan}" >>"$BENCH_TMP/info.$f"
    read -r wall rss code cpu < <(bench_run "ogr2ogr.$f.$r" "$TIMEOUT" ogr2ogr -f Memory mem "$dir/${FILE[$f]}")
    echo "$wall $rss $code $cpu" >>"$BENCH_TMP/ogr2ogr.$f"
    read -r wall rss code cpu < <(bench_run "ogrinfo.$f.$r" "$TIMEOUT" ogrinfo -al -so "$dir/${FILE[$f]}")
    echo "$wall $rss $code $cpu" >>"$BENCH_TMP/ogrinfo.$f"
    inproc "read.$f" read "$dir" 4
    [ "$f" = gpkg ] && inproc floor.gpkg floor "$dir/${FILE[$f]}" parcels 4
  done
  bench_log "round $r of $REPEAT: the five check layers (read with check's fields, with all fields, floor)"
  inproc read.check read "$CHECK_DIR" 4 --check
  inproc read.all read "$CHECK_DIR" 4
  inproc floor.check floor "$CHECK_DIR/layers.gpkg" "$CHECK_TABLES" 4
done

col() { cut -d' ' -f"$2" "$BENCH_TMP/$1" | bench_median; }
echo "S=$S parcels ($(ogrinfo -so "$SRC" parcels | sed -n 's/^Feature Count: //p') features, all 19 fields), $REPEAT rounds, medians; machine: $(bench_machine); shared with other work: ratios matter"
printf '| %-8s | %12s | %14s | %14s | %12s | %9s | %9s | %9s | %s |\n' format "parkgis info" "read done at" "ogr2ogr Memory" "ogrinfo -so" "ratio" "read cold" "read warm" "floor warm / ratio"
printf '| %-8s | %12s | %14s | %14s | %12s | %9s | %9s | %9s | %s |\n' --- ---: ---: ---: ---: ---: ---: ---: ---:
for f in "${FORMATS[@]}"; do
  done_at=$(col "info.$f" 5); gdal=$(col "ogr2ogr.$f" 1)
  floor="—"
  if [ "$f" = gpkg ]; then
    fw=$(col floor.gpkg 2)
    floor="$fw s / $(bench_ratio "$(col read.gpkg 2)" "$fw")"
  fi
  printf '| %-8s | %10.2f s | %12.2f s | %12.2f s | %10.2f s | %9s | %7.2f s | %7.2f s | %s |\n' "$f" "$(col "info.$f" 1)" "$done_at" "$gdal" "$(col "ogrinfo.$f" 1)" \
    "$(bench_ratio "$done_at" "$gdal")" "$(col "read.$f" 1)" "$(col "read.$f" 2)" "$floor"
done
echo
echo "The five check layers ($CHECK_TABLES) from one GeoPackage, in process, cold (first read, JIT) / warm (best of 3 later reads), medians of $REPEAT rounds:"
printf '| %-32s | %9s | %9s | %14s |\n' read cold warm "warm / floor"
printf '| %-32s | %9s | %9s | %14s |\n' --- ---: ---: ---:
fw=$(col floor.check 2)
for k in "check.DatasetReader, check's fields" "all.DatasetReader, every field" "floor.geometry only, one thread"; do
  name=${k%%.*}; label=${k#*.}
  [ "$name" = floor ] && src=floor.check || src=read.$name
  printf '| %-32s | %7.2f s | %7.2f s | %14s |\n' "$label" "$(col "$src" 1)" "$(col "$src" 2)" "$(bench_ratio "$(col "$src" 2)" "$fw")"
done
echo "target: check's fields within 1.3x the floor (warm)"
echo "ratio = parkgis read done (start-up + read, progress clock, 0.1 s resolution) / ogr2ogr -f Memory (whole process); floor ratio = in-process warm read (DatasetReader, all fields) / geometry-only floor (one thread)"
}
main "$@"
