// Opens the ParkGis report in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) with every
// request that is not file: or data: aborted and recorded, and reads back what a planner would see: the base
// boundaries and their labels, park labels, the legend's swatches against the drawn paths of each style, popups,
// the charts, and the print layout (A3 landscape). Saves screenshots.
// Usage: node report-browser.mjs INDEX_HTML SCREENSHOT_PNG [SHOT_FOLDER]   Prints one JSON object on stdout.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [page_, shot, shots] = process.argv.slice(2);
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
  // No network: any request that is not the page itself (file:) or inline (data:) is aborted and recorded.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    result.requests.push(url);
    return route.abort();
  });
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => result.consoleErrors.push(String(e)));
  // A script injected through the data (alert, confirm…) would open a dialog: record and dismiss it.
  page.on('dialog', async (d) => { result.dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(pathToFileURL(resolve(page_)).href);
  await page.waitForFunction(() => window.parkgisReport && window.parkgisReport.ready, null, { timeout: 20000 });
  result.featureCounts = await page.evaluate(() => window.parkgisReport.featureCounts);
  const countPaths = () => page.evaluate(() => {
    const counts = {};
    document.querySelectorAll('#map svg path').forEach((p) => {
      const layer = [...p.classList].find((c) => c.startsWith('pg-') && !c.startsWith('pg-s-'));
      if (layer) counts[layer] = (counts[layer] || 0) + 1;
    });
    return counts;
  });
  result.paths = await countPaths();
  result.baseLabels = await page.evaluate(() => [...document.querySelectorAll('.pg-district-label')].map((e) => e.textContent));
  result.parkLabels = await page.evaluate(() => [...document.querySelectorAll('.pg-park-label')].map((e) => e.textContent));
  // Rendered, not blank: the drawn paths have real size on screen.
  result.parkBoxes = await page.evaluate(() => [...document.querySelectorAll('#map path.pg-parks')]
    .map((p) => p.getBoundingClientRect()).filter((r) => r.width > 2 && r.height > 2).length);

  // Legend: switch every layer on, then compare each entry's swatch with the paths drawn in that style.
  await page.evaluate(() => document.querySelectorAll('.pg-legend-entry input').forEach((i) => { if (!i.checked) i.click(); }));
  result.pathsAllOn = await countPaths();
  result.legend = await page.evaluate(() => [...document.querySelectorAll('.pg-legend-entry[data-style]')].map((row) => {
    const key = row.getAttribute('data-style');
    const swatch = row.querySelector('.pg-swatch');
    const cls = key === 'district' ? 'pg-base' : 'pg-s-' + key.replace(':', '-');
    const path = document.querySelector('#map path.' + CSS.escape(cls));
    return {
      key, title: row.textContent,
      swatchStroke: swatch.getAttribute('data-stroke'), swatchFill: swatch.getAttribute('data-fill'),
      pathStroke: path ? path.getAttribute('stroke') : null,
      pathFill: path ? path.getAttribute('fill') : null,
    };
  }));
  // Back to the defaults (networks off).
  await page.evaluate(() => document.querySelectorAll('.pg-legend-entry.pg-legend-network input').forEach((i) => { if (i.checked) i.click(); }));

  // A point where an element of the selector is the topmost, then a real mouse click there; returns the popup.
  const clickOn = async (selector) => {
    const target = await page.evaluate((sel) => {
      for (const p of document.querySelectorAll(sel)) {
        const r = p.getBoundingClientRect();
        for (let i = 1; i < 12; i++) for (let j = 1; j < 12; j++) {
          const x = r.left + (r.width * i) / 12, y = r.top + (r.height * j) / 12;
          const hit = document.elementFromPoint(x, y);
          if (hit === p) return { x, y };
        }
      }
      return null;
    }, selector);
    if (!target) return null;
    await page.mouse.click(target.x, target.y);
    await page.waitForSelector('.leaflet-popup-content', { timeout: 5000 });
    await page.waitForTimeout(400); // the popup's auto-pan
    const popup = await page.evaluate(() => {
      const box = document.querySelector('.leaflet-popup').getBoundingClientRect();
      const zoom = document.querySelector('.leaflet-control-zoom').getBoundingClientRect();
      const overlaps = !(box.right <= zoom.left || box.left >= zoom.right || box.bottom <= zoom.top || box.top >= zoom.bottom);
      return { text: document.querySelector('.leaflet-popup-content').innerText, coversZoom: overlaps };
    });
    return { target, ...popup };
  };
  result.popup = await clickOn('#map path.pg-parks');
  if (shots && result.popup) await page.screenshot({ path: join(shots, 'report-popup.png') });
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.querySelectorAll('.leaflet-popup-close-button').forEach((b) => b.click()));
  result.conflictPopup = await clickOn('#map path.pg-conflicts');
  await page.evaluate(() => document.querySelectorAll('.leaflet-popup-close-button').forEach((b) => b.click()));
  // Zoomed in near the top-left corner: the popup must still leave the zoom buttons free.
  result.cornerPopup = await (async () => {
    const target = await page.evaluate(() => {
      const map = document.querySelector('#map').getBoundingClientRect();
      let best = null;
      for (const p of document.querySelectorAll('#map path.pg-parks, #map path.pg-conflicts')) {
        const r = p.getBoundingClientRect();
        const d = r.left - map.left + r.top - map.top;
        if (r.width > 4 && (!best || d < best.d)) best = { d, sel: p };
      }
      if (!best) return null;
      best.sel.classList.add('pg-test-corner');
      return true;
    });
    return target ? clickOn('#map path.pg-test-corner') : null;
  })();
  await page.evaluate(() => document.querySelectorAll('.leaflet-popup-close-button').forEach((b) => b.click()));

  result.noSupply = await page.locator('#no-supply').count();
  result.tables = await page.locator('main table').count();
  result.charts = await page.evaluate(() => {
    const out = {};
    document.querySelectorAll('.chart').forEach((el) => {
      out[el.id] = {
        drawn: !!el.querySelector('svg'),
        text: el.querySelector('svg') ? [...el.querySelectorAll('svg text')].map((t) => t.textContent).join('|') : el.textContent,
        data: (window.parkgisReport.charts || {})[el.id] || null,
      };
    });
    return out;
  });
  result.supplyHeadline = await page.evaluate(() => (document.getElementById('supply-headline') || {}).textContent || null);
  await page.screenshot({ path: shot, fullPage: false });
  if (shots) {
    await page.locator('#charts').screenshot({ path: join(shots, 'report-charts.png') });
  }

  // Print layout: A3 landscape, 8 mm margins → 404 × 281 mm of content (96 px per inch).
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: Math.round(404 / 25.4 * 96), height: Math.round(281 / 25.4 * 96) });
  await page.evaluate(() => window.parkgisReport.resize());
  await page.waitForTimeout(300);
  result.print = await page.evaluate(() => {
    const sheet = document.getElementById('sheet');
    const r = sheet.getBoundingClientRect();
    const legend = document.getElementById('legend');
    const part = (sel) => { const e = document.querySelector(sel); if (!e) return null; const b = e.getBoundingClientRect(); return { visible: b.width > 0 && b.height > 0, inside: b.left >= r.left - 1 && b.right <= r.right + 1 && b.top >= r.top - 1 && b.bottom <= r.bottom + 1 }; };
    return {
      widthMm: r.width / 96 * 25.4, heightMm: r.height / 96 * 25.4,
      overflows: sheet.scrollHeight > sheet.clientHeight + 1 || legend.scrollHeight > legend.clientHeight + 1,
      breakAfter: getComputedStyle(sheet).breakAfter,
      parts: { title: part('.sheet-title h1'), map: part('#map'), legend: part('#legend'), scale: part('.leaflet-control-scale'),
        north: part('.pg-north'), date: part('#made-on'), source: part('#data-source') },
    };
  });
  if (shots) await page.locator('#sheet').screenshot({ path: join(shots, 'report-print-sheet.png') });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  result.pdfBytes = pdf.length;
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await context.close();
}
console.log(JSON.stringify(result));
