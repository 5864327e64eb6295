#!/usr/bin/env bash
# Start-up and `check`, the JIT build against the ahead-of-time (Native AOT) one, interleaved in one run:
#   - `parkgis --version` (start-up alone),
#   - `parkgis info sample-geodata/ordos` and `parkgis check sample-geodata/ordos` (the sample: 484 parcels),
#   - `parkgis check DATA_ROOT/S<S>/gpkg` (city scale).
# The JIT build is `dotnet build` (src/ParkGis.Cli/bin/Release/net10.0/parkgis.dll, run with `dotnet`); the AOT one is
# `dotnet publish src/ParkGis.Cli -c Release -o $BENCH_TMP/aot` (the publish is timed too: it is what an install costs).
# AOT_BIN=PATH uses an AOT binary already published instead, JIT_DLL=PATH a parkgis.dll already built (no build). Both must write the same results: check.json and stdout are compared byte for byte.
#
#   bash bench/startup.sh [S=1000] [REPEAT=5] [DATA_ROOT=/tmp/parkgis-bench-data/city]
set -euo pipefail
shopt -s inherit_errexit
# The body is one function, read whole before it runs: editing this file during a run cannot change the run.
main() {
S=${1:-1000}; REPEAT=${2:-5}; ROOT=${3:-/tmp/parkgis-bench-data/city}
TIMEOUT=${TIMEOUT:-1800}
source "$(dirname "$0")/lib.sh"
if [ -n "${JIT_DLL:-}" ]; then PARKGIS_DLL=$JIT_DLL; else bench_build; fi
bench_data "$S" "$ROOT"
SAMPLE=$BENCH_REPO/sample-geodata/ordos
if [ -n "${AOT_BIN:-}" ]; then
  AOT=$AOT_BIN publish_s=nan
else
  bench_log "publishing parkgis ahead of time (Native AOT)"
  t0=$(date +%s.%N)
  (cd "$BENCH_REPO" && dotnet publish src/ParkGis.Cli -c Release -o "$BENCH_TMP/aot" -nologo -v q >"$BENCH_TMP/publish.log" 2>&1) \
    || { cat "$BENCH_TMP/publish.log" >&2; return 1; }
  publish_s=$(echo "$(date +%s.%N) - $t0" | bc -l)
  AOT=$BENCH_TMP/aot/parkgis
fi

NAMES=(version info-sample check-sample check-S$S)
args_of() {
  case "$1" in
    version) echo "--version" ;;
    info-sample) echo "info $SAMPLE" ;;
    check-sample) echo "check $SAMPLE --out $BENCH_TMP/out.$2" ;;
    check-S*) echo "check $ROOT/S$S/gpkg --out $BENCH_TMP/out.$2" ;;
  esac
}
for r in $(seq 1 "$REPEAT"); do
  for name in "${NAMES[@]}"; do
    for build in jit aot; do
      read -r -a argv <<<"$(args_of "$name" "$build")"
      bench_log "round $r of $REPEAT: $build parkgis ${argv[*]}"
      if [ "$build" = jit ]; then cmd=(dotnet "$PARKGIS_DLL"); else cmd=("$AOT"); fi
      read -r wall rss code cpu < <(bench_run "$name.$build.$r" "$TIMEOUT" "${cmd[@]}" "${argv[@]}")
      echo "$wall $rss $code $cpu" >>"$BENCH_TMP/$name.$build"
      [ -f "$BENCH_TMP/out.$build/check.json" ] && cp "$BENCH_TMP/out.$build/check.json" "$BENCH_TMP/$name.$build.json"
      rm -rf "$BENCH_TMP/out.$build"
    done
    same=same
    cmp -s "$BENCH_TMP/$name.jit.$r.out" "$BENCH_TMP/$name.aot.$r.out" || same="STDOUT DIFFERS"
    if [ -f "$BENCH_TMP/$name.jit.json" ] && ! cmp -s "$BENCH_TMP/$name.jit.json" "$BENCH_TMP/$name.aot.json"; then same="CHECK.JSON DIFFERS"; fi
    echo "$same" >>"$BENCH_TMP/$name.same"
  done
done

col() { cut -d' ' -f"$2" "$BENCH_TMP/$1" | bench_median; }
echo "start-up and check, JIT (dotnet parkgis.dll) vs Native AOT, $REPEAT interleaved rounds, medians; machine: $(bench_machine); shared with other work: ratios matter"
echo "AOT publish (dotnet publish src/ParkGis.Cli -c Release): $(printf '%.0f' "$publish_s") s wall; binary $(du -m "$AOT" | cut -f1) MB"
printf '| %-14s | %9s | %9s | %9s | %9s | %9s | %9s | %9s | %s |\n' run "JIT wall" "AOT wall" "AOT/JIT" "JIT CPU" "AOT CPU" "JIT RSS" "AOT RSS" "results"
printf '| %-14s | %9s | %9s | %9s | %9s | %9s | %9s | %9s | %s |\n' --- ---: ---: ---: ---: ---: ---: ---: ---
for name in "${NAMES[@]}"; do
  jw=$(col "$name.jit" 1); aw=$(col "$name.aot" 1)
  printf '| %-14s | %7.2f s | %7.2f s | %9s | %7.2f s | %7.2f s | %6s MB | %6s MB | %s |\n' "$name" "$jw" "$aw" "$(bench_ratio "$aw" "$jw")" \
    "$(col "$name.jit" 4)" "$(col "$name.aot" 4)" "$(col "$name.jit" 2)" "$(col "$name.aot" 2)" \
    "$(sort -u "$BENCH_TMP/$name.same" | paste -sd, -) (exit $(cut -d' ' -f3 "$BENCH_TMP/$name.aot" | sort -u | paste -sd/ -))"
done
}
main "$@"
