// Opens the map page of `parkgis serve` in headless Chromium (Debian's, driven by playwright-core; WebGL through
// SwiftShader), waits until MapLibre has drawn the vector tiles, and counts the rendered features of each tile layer
// with queryRenderedFeatures (distinct feature ids). Records every request that is not to the server.
// Usage: node serve-map.mjs SERVER_URL SCREENSHOT_PNG   Prints one JSON object on stdout.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [server, shot] = process.argv.slice(2);
const origin = new URL(server).origin;
const executablePath = process.env.PARKGIS_CHROMIUM || '/usr/bin/chromium';
const userDataDir = mkdtempSync(join(tmpdir(), 'parkgis-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 1920, height: 1200 },
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-quic',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const result = { foreignRequests: [], tileRequests: 0, tileFailures: [], consoleErrors: [] };
try {
  const page = await context.newPage();
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    if (new URL(url).origin !== origin) result.foreignRequests.push(url);
    if (url.includes('/tiles/')) result.tileRequests++;
  });
  page.on('response', (r) => { if (r.url().includes('/tiles/') && r.status() !== 200 && r.status() !== 204) result.tileFailures.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => result.consoleErrors.push(String(e)));
  await page.goto(origin + '/map');
  await page.waitForFunction(() => window.parkgisMap && window.parkgisMap.ready, null, { timeout: 60000 });
  result.error = await page.evaluate(() => window.parkgisMap.error);
  result.zoom = await page.evaluate(() => window.parkgisMap.map && window.parkgisMap.map.getZoom());
  result.rendered = await page.evaluate(() => {
    const map = window.parkgisMap.map;
    const ids = {};
    for (const f of map.queryRenderedFeatures()) {
      (ids[f.sourceLayer] = ids[f.sourceLayer] || new Set()).add(f.id);
    }
    return Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v.size]));
  });
  // Then zoomed in on a park (z14): the parcels, too small for z8, are drawn from the z14 tiles.
  await page.evaluate(() => new Promise((done) => {
    const map = window.parkgisMap.map;
    const park = map.queryRenderedFeatures().find((f) => f.sourceLayer === 'parks');
    let ring = park.geometry.coordinates;
    while (Array.isArray(ring[0][0])) ring = ring[0];
    const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length, lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
    map.once('idle', done);
    map.jumpTo({ center: [lon, lat], zoom: 14 });
  }));
  result.renderedZoomed = await page.evaluate(() => {
    const ids = {};
    for (const f of window.parkgisMap.map.queryRenderedFeatures()) (ids[f.sourceLayer] = ids[f.sourceLayer] || new Set()).add(f.id);
    return Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v.size]));
  });
  result.legend = await page.locator('#layers label').allInnerTexts();
  if (shot) await page.screenshot({ path: shot });
} catch (e) {
  result.error = String(e);
} finally {
  await context.close();
}
console.log(JSON.stringify(result));
