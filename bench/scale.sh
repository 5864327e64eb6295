#!/usr/bin/env bash
# Sharded vs single-server PostGIS vs local `parkgis check` on the same data (issue 20; docs/scale.md):
#
#   bash bench/scale.sh [S=1000] [REPEAT=1] [DATA_ROOT=/tmp/parkgis-bench-data/city] [SHARD_BY=park]
#
# Data: `parkgis-bench sample --scale S` (generated when missing). Servers: PARKGIS_TEST_PG (one server) and
# PARKGIS_TEST_PG_COORDINATOR / _SHARD1 / _SHARD2 when set, else throwaway clusters started the way tests/setup.d does
# (50-postgis.sh, 55-postgis-shards.sh), all on 127.0.0.1 and removed on exit. Imports once into each (timed), then
# runs the three checks interleaved REPEAT times under /usr/bin/time -v and prints per engine the median wall time, CPU
# and peak RSS of the parkgis process, and bench/compare_engines.py on the three check.json (totals to 1e-6 relative).
# The database servers' own CPU is not in the parkgis process's CPU: compare wall times, taken in the same run.
set -uo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
scale=${1:-1000}
repeat=${2:-1}
data_root=${3:-/tmp/parkgis-bench-data/city}
shard_by=${4:-park}

log() { bench_log "$*"; }
on_exit() { BENCH_CLEANUP+=("$1"); }
apt_install() { return 0; }
if [ -z "${PARKGIS_TEST_PG:-}" ]; then
  # shellcheck source=/dev/null
  source "$BENCH_REPO/tests/setup.d/50-postgis.sh"
fi
if [ -z "${PARKGIS_TEST_PG_COORDINATOR:-}" ]; then
  # shellcheck source=/dev/null
  source "$BENCH_REPO/tests/setup.d/55-postgis-shards.sh"
fi
for v in PARKGIS_TEST_PG PARKGIS_TEST_PG_COORDINATOR PARKGIS_TEST_PG_SHARD1 PARKGIS_TEST_PG_SHARD2; do
  [ -n "${!v:-}" ] || { bench_log "no $v: PostgreSQL 15 + PostGIS + postgres_fdw are needed"; exit 1; }
done

bench_build || exit 1
bench_data "$scale" "$data_root" || exit 1
data=$data_root/S$scale/gpkg
schema=bench_s$scale
single="pg:$PARKGIS_TEST_PG;Schema=$schema"
coordinator="pg:$PARKGIS_TEST_PG_COORDINATOR;Schema=$schema"
parkgis=(dotnet "$PARKGIS_DLL")

read -r wall rss code cpu < <(bench_run import-one 3600 "${parkgis[@]}" import "$data" --to "$single" --overwrite)
echo "import, one server: ${wall} s wall, exit $code"
[ "$code" -le 1 ] || { cat "$BENCH_TMP/import-one.err" >&2; exit 1; }
read -r wall rss code cpu < <(bench_run import-sharded 3600 "${parkgis[@]}" import "$data" --to "$coordinator" \
  --shards "pg:$PARKGIS_TEST_PG_SHARD1,pg:$PARKGIS_TEST_PG_SHARD2" --shard-by "$shard_by" --overwrite)
echo "import, coordinator + 2 shards (by $shard_by): ${wall} s wall, exit $code"
[ "$code" -le 1 ] || { cat "$BENCH_TMP/import-sharded.err" >&2; exit 1; }

declare -A walls cpus rsss
engines=(local one sharded)
for ((r = 1; r <= repeat; r++)); do
  for engine in "${engines[@]}"; do
    out=$BENCH_TMP/$engine-$r
    case $engine in
      local) args=("$data") ;;
      one) args=("$single" --engine postgis) ;;
      sharded) args=("$coordinator" --engine postgis) ;;
    esac
    bench_log "run $r/$repeat: $engine"
    read -r wall rss code cpu < <(bench_run "$engine-$r" 7200 "${parkgis[@]}" check "${args[@]}" --out "$out")
    [ "$code" -le 1 ] || { bench_log "$engine exited $code"; tail -5 "$BENCH_TMP/$engine-$r.err" >&2; exit 1; }
    walls[$engine]+="$wall "; cpus[$engine]+="$cpu "; rsss[$engine]+="$rss "
    cp "$out/check.json" "$BENCH_TMP/$engine.json"
  done
done

echo "S=$scale, $repeat run(s), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %12s %14s %12s\n' engine "wall s (med)" "parkgis CPU s" "peak RSS MB"
for engine in "${engines[@]}"; do
  printf '%-8s %12s %14s %12s\n' "$engine" \
    "$(tr ' ' '\n' <<<"${walls[$engine]}" | grep . | bench_median)" \
    "$(tr ' ' '\n' <<<"${cpus[$engine]}" | grep . | bench_median)" \
    "$(tr ' ' '\n' <<<"${rsss[$engine]}" | grep . | bench_max)"
done
/usr/bin/python3 "$BENCH_REPO/bench/compare_engines.py" "$BENCH_TMP/local.json" "$BENCH_TMP/one.json" "$BENCH_TMP/sharded.json"
