#!/usr/bin/env bash
# Stacked and duplicated parcels (issue 15): `parkgis check` on N distinct parcels that all cover one point, and on the
# sample with every parcel repeated K times, and on SAME copies of one parcel, timed against the same command on the sample itself (wall seconds and
# peak RSS, median of REPEAT runs, interleaved). Figures: docs/performance.md "Stacked and duplicated parcels".
#
#   bash bench/stacked.sh [REPEAT=3] [SIZES="100 200 300 1000 10000"] [COPIES=60] [DATA_ROOT=/tmp/parkgis-stacked] [SAME=100000]
set -uo pipefail
cd "$(dirname "$0")/.."
REPEAT=${1:-3}; SIZES=${2:-"100 200 300 1000 10000"}; COPIES=${3:-60}; ROOT=${4:-/tmp/parkgis-stacked}; SAME=${5:-100000}
PY=/usr/bin/python3
mkdir -p "$ROOT"
dotnet build src/ParkGis.Cli -c Release -nologo -v q >/dev/null || { echo "build failed" >&2; exit 1; }
DLL=src/ParkGis.Cli/bin/Release/net10.0/parkgis.dll

for n in $SIZES; do [ -f "$ROOT/stack$n/parcels.geojson" ] || $PY bench/stacked_parcels.py stack "$n" "$ROOT/stack$n"; done
[ -f "$ROOT/copies$COPIES/parcels.geojson" ] || $PY bench/stacked_parcels.py copies "$COPIES" sample-geodata/ordos "$ROOT/copies$COPIES"
[ -f "$ROOT/same$SAME/parcels.geojson" ] || $PY bench/stacked_parcels.py same "$SAME" "$ROOT/same$SAME"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
run() { # name dataset
  local t=$ROOT/time.$1
  /usr/bin/time -v -o "$t" dotnet "$DLL" check "$2" --out "$ROOT/out-$1" --overwrite >"$ROOT/stdout.$1" 2>/dev/null
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$t" >> "$ROOT/s.$1"
  awk -F': ' '/Maximum resident set size/ {print $2/1024}' "$t" >> "$ROOT/mb.$1"
}

names="sample copies$COPIES same$SAME"; for n in $SIZES; do names="$names stack$n"; done
for name in $names; do rm -f "$ROOT/s.$name" "$ROOT/mb.$name"; done
for r in $(seq 1 "$REPEAT"); do
  run sample sample-geodata/ordos
  run "copies$COPIES" "$ROOT/copies$COPIES"
  run "same$SAME" "$ROOT/same$SAME"
  for n in $SIZES; do run "stack$n" "$ROOT/stack$n"; done
done

echo "parkgis check, $REPEAT runs, medians; machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
base=$(median < "$ROOT/s.sample")
printf '%-16s %9s %9s %10s  %s\n' dataset "wall s" "x sample" "peak MB" "parcel overlap line"
for name in $names; do
  s=$(median < "$ROOT/s.$name"); mb=$(sort -g "$ROOT/mb.$name" | tail -1)
  printf '%-16s %9.2f %9.2f %10.0f  %s\n' "$name" "$s" "$(echo "$s / $base" | bc -l)" "$mb" "$(grep '宗地互相重叠' "$ROOT/stdout.$name" | sed 's/^ *//')"
done
