# The slow tests (real processes killed at every step of a commit, SlowFactAttribute) run under tests/run.sh.
export PARKGIS_SLOW_TESTS=1
