# Headless Chromium (Debian's, driven by playwright-core; no browser download) and CJK fonts for the report's
# browser test and screenshot; npm ci for the node tools the tests run (tests/node: @placemarkio/check-geojson,
# playwright-core, and the reference readers of the tile tests: pmtiles, @mapbox/vector-tile, pbf). Building
# ParkGis.Web itself runs npm ci for Leaflet (src/ParkGis.Web/web).
apt_install chromium fonts-noto-cjk || return 1
if ! command -v npm >/dev/null 2>&1; then
  log "npm not found: the GeoJSON-validator and browser tests will skip"
  [ "${CI:-}" = "true" ] && return 1
  return 0
fi
if [ ! -d tests/node/node_modules/playwright-core ] || [ ! -d tests/node/node_modules/@placemarkio/check-geojson ] \
  || [ ! -d tests/node/node_modules/pmtiles ] || [ ! -d tests/node/node_modules/@mapbox/vector-tile ]; then
  log "npm ci in tests/node"
  (cd tests/node && npm ci --no-audit --no-fund --ignore-scripts >/dev/null) || return 1
fi
