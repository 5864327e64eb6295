#!/usr/bin/env bash
# Every parkgis command at city scale on the data of `parkgis-bench sample` (all layers, economics, networks): wall
# time and peak RSS (/usr/bin/time -v), median of REPEAT runs, interleaved (each round runs every command once), one
# table with each command's time as a multiple of `check` on the same data; then each composite command (scorecard,
# export, report) against the commands whose analyses it runs, run apart (the sum of their medians).
#
#   bash bench/commands.sh [S=1000] [REPEAT=3] [DATA_ROOT=/tmp/parkgis-bench-data/city] [--no-import] [--only a,b,...]
#
# Data: DATA_ROOT/S<S>/gpkg, generated when missing (never in the repo). `export --tiles --max-zoom 15` runs only at S <= 1000 (the default z16 passes the tile limit on city data: PG0410);
# `import` writes into a throwaway PostgreSQL cluster on a free port of 127.0.0.1 (bench/lib.sh) unless --no-import.
# Outputs are deleted after each run. Env: TIMEOUT (seconds per run, default 1800; a run that hits it counts as
# "timeout", its time as the limit). The machine is shared: compare the x-check column, not the seconds.
set -euo pipefail
shopt -s inherit_errexit
# The body is one function, read whole before it runs: editing this file during a run cannot change the run.
main() {
POSITIONAL=(); IMPORT=1; ONLY=
while [ $# -gt 0 ]; do
  case "$1" in
    --no-import) IMPORT=0 ;;
    --only) ONLY=$2; shift ;;
    *) POSITIONAL+=("$1") ;;
  esac
  shift
done
S=${POSITIONAL[0]:-1000}; REPEAT=${POSITIONAL[1]:-3}; ROOT=${POSITIONAL[2]:-/tmp/parkgis-bench-data/city}
TIMEOUT=${TIMEOUT:-1800}
AS_OF=2026-06-30
source "$(dirname "$0")/lib.sh"
bench_build
bench_data "$S" "$ROOT"
DATA=$ROOT/S$S/gpkg

NAMES=(info check supply idle intensity infrastructure scorecard export)
[ "$S" -le 1000 ] && NAMES+=(export-tiles)
NAMES+=(report boundary-points)
if [ "$IMPORT" = 1 ] && bench_pg_start; then NAMES+=(import); fi
if [ -n "$ONLY" ]; then
  IFS=, read -r -a wanted <<<"$ONLY"
  NAMES=($(printf '%s\n' "${NAMES[@]}" | grep -xF -f <(printf '%s\n' "${wanted[@]}" check)))
fi

args_of() {
  local out=$BENCH_TMP/out.$1
  case "$1" in
    info) echo "info $DATA" ;;
    check) echo "check $DATA --out $out" ;;
    supply) echo "supply $DATA --as-of $AS_OF --out $out" ;;
    idle) echo "idle $DATA --as-of $AS_OF --out $out" ;;
    intensity) echo "intensity $DATA --year 2025 --out $out" ;;
    infrastructure) echo "infrastructure $DATA --out $out" ;;
    scorecard) echo "scorecard $DATA --year 2025 --out $out" ;;
    export) echo "export $DATA --as-of $AS_OF --out $out" ;;
    export-tiles) echo "export $DATA --as-of $AS_OF --tiles --max-zoom 15 --out $out" ;;
    report) echo "report $DATA --as-of $AS_OF --out $out" ;;
    boundary-points) echo "boundary-points $DATA --park 10 --out $out" ;;
    import) echo "import $DATA --to pg:Host=127.0.0.1;Port=$PGPORT;Database=bench;Username=postgres;Password=bench --schema imported --overwrite" ;;
  esac
}

for r in $(seq 1 "$REPEAT"); do
  for name in "${NAMES[@]}"; do
    read -r -a argv <<<"$(args_of "$name")"
    bench_log "round $r of $REPEAT: parkgis ${argv[*]}"
    read -r wall rss code cpu < <(bench_run "$name.$r" "$TIMEOUT" "${PARKGIS[@]}" "${argv[@]}")
    size=$(du -sm "$BENCH_TMP/out.$name" 2>/dev/null | cut -f1 || true)
    echo "$wall $rss $code ${size:-0} $cpu" >>"$BENCH_TMP/$name.runs"
    rm -rf "$BENCH_TMP/out.$name"
  done
done

describe_exit() {
  case "$1" in
    0) echo "0" ;; 1) echo "1 (findings)" ;; 124|137) echo "timeout (${TIMEOUT} s)" ;; *) echo "$1 FAILED" ;;
  esac
}

check_median=$(cut -d' ' -f1 "$BENCH_TMP/check.runs" | bench_median)
check_cpu=$(cut -d' ' -f5 "$BENCH_TMP/check.runs" | bench_median)
parcels=$(ogrinfo -so "$DATA/layers.gpkg" parcels 2>/dev/null | sed -n 's/^Feature Count: //p' || true)
echo "S=$S (${parcels:-?} parcels, $DATA), $REPEAT runs, medians; machine: $(bench_machine); shared with other work: compare the × check columns"
echo "$(bench_parkgis_label)"
printf '| %-16s | %10s | %8s | %9s | %8s | %8s | %10s | %s |\n' command "wall (s)" "× check" "CPU (s)" "× check" "peak MB" "output MB" "exit; runs (wall s)"
printf '| %-16s | %10s | %8s | %9s | %8s | %8s | %10s | %s |\n' --- ---: ---: ---: ---: ---: ---: ---
for name in "${NAMES[@]}"; do
  f=$BENCH_TMP/$name.runs
  m=$(cut -d' ' -f1 "$f" | bench_median)
  c=$(cut -d' ' -f5 "$f" | bench_median)
  exits=$(cut -d' ' -f3 "$f" | sort -u | while read -r e; do describe_exit "$e"; done | paste -sd/)
  printf '| %-16s | %10.2f | %8s | %9.2f | %8s | %8s | %10s | %s; %s |\n' "$name" "$m" "$(bench_ratio "$m" "$check_median")" "$c" "$(bench_ratio "$c" "$check_cpu")" \
    "$(cut -d' ' -f2 "$f" | bench_max)" "$(cut -d' ' -f4 "$f" | bench_max)" "$exits" "$(cut -d' ' -f1 "$f" | tr '\n' ' ' | sed 's/ $//')"
done
# A composite command runs the analyses of several others on one read: its time against theirs run apart (the sum of
# their medians) says whether composing them costs more than running them; the × check column cannot say that.
declare -A PARTS=(
  [scorecard]="check supply idle intensity infrastructure"
  [export]="check supply idle"
  [report]="check supply idle intensity infrastructure"
)
for name in scorecard export report; do
  [ -f "$BENCH_TMP/$name.runs" ] || continue
  parts=(${PARTS[$name]}); missing=0
  for part in "${parts[@]}"; do [ -f "$BENCH_TMP/$part.runs" ] || missing=1; done
  [ "$missing" = 0 ] || continue
  sum_wall=0; sum_cpu=0
  for part in "${parts[@]}"; do
    sum_wall=$(awk -v a="$sum_wall" -v b="$(cut -d' ' -f1 "$BENCH_TMP/$part.runs" | bench_median)" 'BEGIN {print a + b}')
    sum_cpu=$(awk -v a="$sum_cpu" -v b="$(cut -d' ' -f5 "$BENCH_TMP/$part.runs" | bench_median)" 'BEGIN {print a + b}')
  done
  m=$(cut -d' ' -f1 "$BENCH_TMP/$name.runs" | bench_median)
  c=$(cut -d' ' -f5 "$BENCH_TMP/$name.runs" | bench_median)
  printf '%s against %s run apart: wall %.2f / %.2f s = %s, CPU %.2f / %.2f s = %s\n' "$name" "$(echo "${parts[*]}" | sed 's/ / + /g')" \
    "$m" "$sum_wall" "$(bench_ratio "$m" "$sum_wall")" "$c" "$sum_cpu" "$(bench_ratio "$c" "$sum_cpu")"
done
failed=0
for name in "${NAMES[@]}"; do
  if cut -d' ' -f3 "$BENCH_TMP/$name.runs" | grep -qvE '^[01]$'; then
    failed=1
    echo "$name: $(cut -d' ' -f3 "$BENCH_TMP/$name.runs" | tr '\n' ' ')— last stderr lines:"
    tail -5 "$BENCH_TMP/$name.$REPEAT.err" | sed 's/^/    /'
  fi
done
exit $failed
}
main "$@"
