#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need on a fresh Debian machine when run as
# root, builds warnings-as-errors, runs every test project and ends with the plain line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"

log() { printf 'tests/run.sh: %s\n' "$*" >&2; }

cleanup=()
on_exit() { cleanup+=("$1"); }
run_cleanup() { local c; for c in "${cleanup[@]}"; do eval "$c" || true; done; }
trap run_cleanup EXIT

apt_updated=
apt_install() {
  # Installs the Debian packages that are missing; as non-root only reports them.
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "not root or no apt-get: not installing ${missing[*]} (tests that need them will skip)"
    [ "${CI:-}" = "true" ] && return 1
    return 0
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "$apt_updated" ]; then apt-get update -qq >/dev/null; apt_updated=1; fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

for setup in tests/setup.d/*.sh; do
  [ -f "$setup" ] || continue
  log "setup: $setup"
  # shellcheck source=/dev/null
  if ! source "$setup"; then
    log "setup failed: $setup"
    if [ "${CI:-}" = "true" ]; then echo "0 passed, 1 failed"; exit 1; fi
  fi
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log "building"
# The benchmark tool is outside the solution (it is never shipped) but builds against the engine: built here, so that a
# change to the engine cannot leave bench/ broken until the next benchmark round.
if ! dotnet build ParkGis.sln -c Release -nologo -v q || ! dotnet build bench/ParkGis.Bench -c Release -nologo -v q; then
  log "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

rm -rf "$results"
# Each run's temporary files (every test's --out folder lives under $TMPDIR/parkgis-tests) in a folder of its own,
# removed when the run ends: two runs on one machine never wait on each other's output-folder lock, and runs leave
# nothing behind in /tmp.
run_tmp=$(mktemp -d "${TMPDIR:-/tmp}/parkgis-run.XXXXXX")
on_exit "rm -rf $(printf %q "$run_tmp")"
export TMPDIR="$run_tmp"
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
