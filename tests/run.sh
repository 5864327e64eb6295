#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need on a fresh Debian machine when run as
# root, builds warnings-as-errors, runs every test project and ends with the plain line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"

log() { printf 'tests/run.sh: %s\n' "$*" >&2; }

install_system_packages() {
  # Packages the tests use; each is optional for a developer (tests that need one skip with a reason) and
  # required under CI=true.
  local wanted=(gdal-bin)
  local missing=()
  for p in "${wanted[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "not root or no apt-get: not installing ${missing[*]} (tests that need them will skip)"
    return 0
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_system_packages || { log "apt-get failed"; [ "${CI:-}" = "true" ] && exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log "building"
if ! dotnet build ParkGis.sln -c Release -nologo -v q; then
  log "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

rm -rf "$results"
log "testing"
dotnet test ParkGis.sln -c Release --no-build -nologo -v q \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  log "no test ran"
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
