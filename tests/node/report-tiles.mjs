// Opens a ParkGis report whose big layers are drawn from the embedded vector-tile archive (report --tile-over) in
// headless Chromium (Debian's, driven by playwright-core) with every request that is not file:, data: or blob:
// aborted and recorded; zooms to a park; reads back, per tiled layer, the painted pixels of its canvas tiles and the
// distinct features the page's tile query finds over the map; then clicks a point where a feature of the tiled layer
// LAYER (default parcels) is the topmost feature and returns the popup.
// Usage: node report-tiles.mjs INDEX_HTML SCREENSHOT_PNG [LAYER [ZOOM]]   Prints one JSON object on stdout.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [page_, shot, clickLayer = 'parcels', zoomText = '14'] = process.argv.slice(2);
const executablePath = process.env.PARKGIS_CHROMIUM || '/usr/bin/chromium';
const userDataDir = mkdtempSync(join(tmpdir(), 'parkgis-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const result = { requests: [], consoleErrors: [], dialogs: [] };
try {
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    result.requests.push(url);
    return route.abort();
  });
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => result.consoleErrors.push(String(e)));
  page.on('dialog', async (d) => { result.dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(pathToFileURL(resolve(page_)).href);
  await page.waitForFunction(() => window.parkgisReport && window.parkgisReport.ready, null, { timeout: 30000 });
  const settle = async () => {
    await page.waitForFunction(() => window.parkgisReport.tilesReady(), null, { timeout: 30000 });
    await page.waitForTimeout(300);
  };
  await settle();
  result.featureCounts = await page.evaluate(() => window.parkgisReport.featureCounts);
  result.tiledLayers = await page.evaluate(() => window.parkgisReport.tiledLayers.map((t) => t.name));
  result.parkLabels = await page.evaluate(() => [...document.querySelectorAll('.pg-park-label')].map((e) => e.textContent));
  result.inlinePaths = await page.evaluate(() => document.querySelectorAll('#map svg path.leaflet-interactive').length);

  // Zoom to the park whose label is first in the page (at z14 unless told).
  await page.evaluate((zoom) => {
    const map = window.parkgisReport.map;
    const box = document.querySelector('.pg-park-label').getBoundingClientRect();
    const origin = document.getElementById('map').getBoundingClientRect();
    const at = map.containerPointToLatLng([box.left + box.width / 2 - origin.left, box.top + box.height / 2 - origin.top]);
    map.setView(at, zoom, { animate: false });
  }, Number(zoomText));
  await settle();

  // Painted pixels of each tiled layer's canvases, and the colours most painted.
  result.pixels = await page.evaluate(() => {
    const out = {};
    for (const t of window.parkgisReport.tiledLayers) {
      let painted = 0;
      const colours = {};
      document.querySelectorAll('.leaflet-' + t.pane + '-pane canvas').forEach((canvas) => {
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] === 0) continue;
          painted++;
          const hex = '#' + [data[i], data[i + 1], data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('');
          colours[hex] = (colours[hex] || 0) + 1;
        }
      });
      out[t.name] = { painted, canvases: document.querySelectorAll('.leaflet-' + t.pane + '-pane canvas').length,
        top: Object.entries(colours).sort((a, b) => b[1] - a[1]).slice(0, 3).map((e) => e[0]) };
    }
    return out;
  });

  // The page's tile query over a grid of points: distinct features per tiled layer, and a point whose topmost
  // feature is a tiled parcel (and no inline feature lies above it).
  const probe = await page.evaluate((clickLayer) => {
    const report = window.parkgisReport;
    const map = report.map;
    const size = map.getSize();
    const seen = {};
    let clickPoint = null;
    for (let i = 1; i < 60; i++) {
      for (let j = 1; j < 40; j++) {
        const x = (size.x * i) / 60, y = (size.y * j) / 40;
        const found = report.queryTiled(...(() => { const ll = map.containerPointToLatLng([x, y]); return [ll.lng, ll.lat]; })());
        found.forEach((f) => { (seen[f.layer] = seen[f.layer] || new Set()).add(JSON.stringify(f.properties)); });
        if (!clickPoint && found.length > 0 && found[0].layer === clickLayer) {
          const origin = document.getElementById('map').getBoundingClientRect();
          const hit = document.elementFromPoint(origin.left + x, origin.top + y);
          const hitPane = hit && hit.closest && hit.closest('.leaflet-pane');
          const inlineAbove = hit && hit.classList.contains('leaflet-interactive') && Number(hitPane.style.zIndex) > 0
            && Number(hitPane.style.zIndex) > Number(document.querySelector('.leaflet-' + report.tiledLayers.find((t) => t.name === clickLayer).pane + '-pane').style.zIndex);
          if (!inlineAbove && !(hit && hit.closest('.leaflet-control, .leaflet-tooltip'))) {
            clickPoint = { x: origin.left + x, y: origin.top + y, expected: found[0].properties };
          }
        }
      }
    }
    const counts = {};
    Object.keys(seen).forEach((k) => { counts[k] = seen[k].size; });
    return { counts, clickPoint };
  }, clickLayer);
  result.queried = probe.counts;
  result.clickPoint = probe.clickPoint;
  if (probe.clickPoint) {
    await page.mouse.click(probe.clickPoint.x, probe.clickPoint.y);
    await page.waitForSelector('.leaflet-popup-content', { timeout: 5000 });
    result.popup = await page.evaluate(() => document.querySelector('.leaflet-popup-content').innerText);
  }
  await page.screenshot({ path: shot, fullPage: false });
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await context.close();
}
console.log(JSON.stringify(result));
