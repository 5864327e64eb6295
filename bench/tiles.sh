#!/usr/bin/env bash
# Vector tiles z8–z16, side by side in one run: `parkgis export --tiles` against GDAL's MVT writer on the same layers.
#
#   bash bench/tiles.sh [S=100] [REPEAT=1] [DATA_ROOT=/tmp/parkgis-bench-data]
#
# Data: DATA_ROOT/S<S>/gpkg/layers.gpkg from ../shared/bench/gen.py; never in the repo.
# - ParkGis, whole process: `parkgis export DATA --out O --tiles` (read, conflict check, GeoJSON of every layer, the
#   tile plan, PMTiles + MBTiles archives; --max-tiles raised so that the limit never stops it), and the same
#   without --tiles, so that the tile part is the difference.
# - GDAL: `ogr2ogr -f MVT DIR VRT -dsco MINZOOM=8 -dsco MAXZOOM=16` (its defaults: extent 4096, buffer 80, no
#   simplification) and `ogr2ogr -f MBTILES` likewise, on a VRT of the GeoJSON layers ParkGis exported (the same
#   layers and features, lon/lat), so GDAL gets the easier job: no analysis, no GeoJSON to write.
# Runs are interleaved (ParkGis, GDAL, ParkGis, ...) and medians reported with the ratios; other load on the machine
# skews both alike. Peak RSS of each from /usr/bin/time.
set -uo pipefail
cd "$(dirname "$0")/.."
S=${1:-100}; REPEAT=${2:-1}; ROOT=${3:-/tmp/parkgis-bench-data}
DATA="$ROOT/S$S/gpkg"
OUT=$(mktemp -d /tmp/parkgis-bench-tiles.XXXX)
[ -f "$DATA/layers.gpkg" ] || { echo "no $DATA/layers.gpkg: run ../shared/bench/gen.py --scale $S --out $ROOT first" >&2; exit 2; }
command -v ogr2ogr >/dev/null || { echo "ogr2ogr not found (apt-get install gdal-bin)" >&2; exit 2; }

dotnet build src/ParkGis.Cli -c Release -nologo -v q >/dev/null || { echo "build failed" >&2; exit 1; }
DLL=src/ParkGis.Cli/bin/Release/net10.0/parkgis.dll

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# The layers ParkGis publishes, as GDAL will read them.
dotnet "$DLL" export "$DATA" --out "$OUT/layers" >/dev/null 2>&1
{
  echo "<OGRVRTDataSource>"
  for f in "$OUT"/layers/*.geojson; do
    echo "  <OGRVRTLayer name=\"$(basename "$f" .geojson)\"><SrcDataSource>$f</SrcDataSource></OGRVRTLayer>"
  done
  echo "</OGRVRTDataSource>"
} > "$OUT/layers.vrt"

for r in $(seq 1 "$REPEAT"); do
  rm -rf "$OUT/p" "$OUT/q" "$OUT/g" "$OUT/g.mbtiles"
  /usr/bin/time -v -o "$OUT/time.tiles.$r" dotnet "$DLL" export "$DATA" --out "$OUT/p" --tiles --max-tiles 10000000 >"$OUT/stdout.$r" 2>"$OUT/stderr.$r"
  /usr/bin/time -v -o "$OUT/time.gdal.$r" ogr2ogr -f MVT "$OUT/g" "$OUT/layers.vrt" -dsco MINZOOM=8 -dsco MAXZOOM=16 2>/dev/null
  /usr/bin/time -v -o "$OUT/time.plain.$r" dotnet "$DLL" export "$DATA" --out "$OUT/q" >/dev/null 2>&1
  /usr/bin/time -v -o "$OUT/time.gdalmb.$r" ogr2ogr -f MBTILES "$OUT/g.mbtiles" "$OUT/layers.vrt" -dsco MINZOOM=8 -dsco MAXZOOM=16 2>/dev/null
  seconds "$OUT/time.tiles.$r" >> "$OUT/tiles_s"; seconds "$OUT/time.plain.$r" >> "$OUT/plain_s"
  seconds "$OUT/time.gdal.$r" >> "$OUT/gdal_s"; seconds "$OUT/time.gdalmb.$r" >> "$OUT/gdalmb_s"
  echo "run $r: parkgis export --tiles $(tail -1 "$OUT/tiles_s") s, export $(tail -1 "$OUT/plain_s") s, ogr2ogr -f MVT $(tail -1 "$OUT/gdal_s") s, -f MBTILES $(tail -1 "$OUT/gdalmb_s") s" >&2
done

T=$(median < "$OUT/tiles_s"); P=$(median < "$OUT/plain_s"); G=$(median < "$OUT/gdal_s"); M=$(median < "$OUT/gdalmb_s")
echo "S=$S, $REPEAT run(s), medians (wall s); machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "tiles z8|tile geometry" "$OUT/stdout.1" | sed 's/^ */  parkgis: /'
echo "  gdal: $(find "$OUT/g" -name '*.pbf' | wc -l) tiles in the folder"
printf 'parkgis export --tiles (whole process)  %8.2f s  peak %s MB\n' "$T" "$(peak_mb "$OUT/time.tiles.1")"
printf 'parkgis export (no tiles)               %8.2f s  -> tile part %.2f s\n' "$P" "$(echo "$T - $P" | bc -l)"
printf 'ogr2ogr -f MVT                          %8.2f s  peak %s MB\n' "$G" "$(peak_mb "$OUT/time.gdal.1")"
printf 'ogr2ogr -f MBTILES                      %8.2f s  peak %s MB\n' "$M" "$(peak_mb "$OUT/time.gdalmb.1")"
printf 'ratio whole export / ogr2ogr -f MVT     %8.3f  (target <= 0.5)\n' "$(echo "$T / $G" | bc -l)"
printf 'ratio tile part / ogr2ogr -f MVT        %8.3f\n' "$(echo "($T - $P) / $G" | bc -l)"
printf 'ratio whole export / ogr2ogr -f MBTILES %8.3f\n' "$(echo "$T / $M" | bc -l)"
echo "(raw files in $OUT)"
