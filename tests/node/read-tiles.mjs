// Reads a PMTiles archive with the reference readers — the pmtiles package for the archive, @mapbox/vector-tile for
// the tiles — so that the .NET tests check ParkGis's tiles with code that did not write them.
// Usage:
//   node read-tiles.mjs header ARCHIVE                 -> {"header":{…},"metadata":{…}}
//   node read-tiles.mjs tiles ARCHIVE REQUESTS.json    -> one JSON line per request {z,x,y}:
//        {"z","x","y","found","bytes":base64 of the decompressed tile,"layers":{name:{"extent","version",
//         "features":[{"id","type","properties","rings":[[[x,y],…],…]}]}}}
import { readFileSync, openSync, readSync, fstatSync } from 'node:fs';
import { PMTiles } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

class FileSource {
  constructor(path) { this.path = path; this.fd = openSync(path, 'r'); this.size = fstatSync(this.fd).size; }
  getKey() { return this.path; }
  async getBytes(offset, length) {
    const size = Math.max(0, Math.min(length, this.size - offset));
    const buffer = Buffer.alloc(size);
    readSync(this.fd, buffer, 0, size, offset);
    return { data: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + size) };
  }
}

const [command, archivePath, requestsPath] = process.argv.slice(2);
const archive = new PMTiles(new FileSource(archivePath));
if (command === 'header') {
  const header = await archive.getHeader();
  const metadata = await archive.getMetadata();
  console.log(JSON.stringify({ header, metadata }));
} else if (command === 'tiles') {
  const requests = JSON.parse(readFileSync(requestsPath, 'utf8'));
  for (const { z, x, y } of requests) {
    const tile = await archive.getZxy(z, x, y);
    if (!tile) { console.log(JSON.stringify({ z, x, y, found: false })); continue; }
    const bytes = new Uint8Array(tile.data);
    const decoded = new VectorTile(new PbfReader(bytes));
    const layers = {};
    for (const [name, layer] of Object.entries(decoded.layers)) {
      const features = [];
      for (let i = 0; i < layer.length; i++) {
        const feature = layer.feature(i);
        const rings = feature.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y]));
        features.push({ id: feature.id, type: feature.type, properties: feature.properties, rings });
      }
      layers[name] = { extent: layer.extent, version: layer.version, features };
    }
    console.log(JSON.stringify({ z, x, y, found: true, bytes: Buffer.from(bytes).toString('base64'), layers }));
  }
} else {
  console.error('usage: node read-tiles.mjs header|tiles ARCHIVE [REQUESTS.json]');
  process.exit(2);
}
