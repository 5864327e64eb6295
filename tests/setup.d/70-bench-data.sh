# Peer benchmark data (../shared/bench/gen.py, S=100) for the tests that compare ParkGis with the peers' figures
# on the same data (IO bench reading, local vs PostGIS engine agreement). Generated once into
# /tmp/parkgis-bench-data, never into the repo. Optional: when it cannot be made, those tests skip with a reason.
bench_gen="$root/../shared/bench/gen.py"
if [ -f /tmp/parkgis-bench-data/S100/gpkg/layers.gpkg ]; then
  :
elif [ ! -f "$bench_gen" ]; then
  log "no ../shared/bench/gen.py: bench-data tests will skip"
else
  if apt_install python3-geopandas python3-shapely python3-pyproj python3-numpy python3-fiona python3-rtree; then
    log "generating peer benchmark data S=100 (../shared/bench/gen.py)"
    /usr/bin/python3 "$bench_gen" --scale 100 --out /tmp/parkgis-bench-data >/dev/null 2>&1 \
      || log "gen.py failed: bench-data tests will skip"
  else
    log "python3-geopandas not installable: bench-data tests will skip"
  fi
fi
true
