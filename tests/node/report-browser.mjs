// Opens the ParkGis report in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core), checks
// the map drew its features, clicks a park and reads the popup, and saves a screenshot.
// Usage: node report-browser.mjs INDEX_HTML SCREENSHOT_PNG   Prints one JSON object on stdout.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [page_, shot] = process.argv.slice(2);
const executablePath = process.env.PARKGIS_CHROMIUM || '/usr/bin/chromium';
const userDataDir = mkdtempSync(join(tmpdir(), 'parkgis-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 1280, height: 1000 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const result = { requests: [], consoleErrors: [], dialogs: [] };
try {
  const page = await context.newPage();
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) result.requests.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => result.consoleErrors.push(String(e)));
  // A script injected through the data (alert, confirm…) would open a dialog: record and dismiss it.
  page.on('dialog', async (d) => { result.dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(pathToFileURL(resolve(page_)).href);
  await page.waitForFunction(() => window.parkgisReport && window.parkgisReport.ready, null, { timeout: 20000 });
  result.featureCounts = await page.evaluate(() => window.parkgisReport.featureCounts);
  result.paths = await page.evaluate(() => {
    const counts = {};
    document.querySelectorAll('#map svg path.leaflet-interactive').forEach((p) => {
      const layer = [...p.classList].find((c) => c.startsWith('pg-'));
      counts[layer] = (counts[layer] || 0) + 1;
    });
    return counts;
  });
  // Rendered, not blank: the drawn paths have real size on screen.
  result.parkBoxes = await page.evaluate(() => [...document.querySelectorAll('#map path.pg-parks')]
    .map((p) => p.getBoundingClientRect()).filter((r) => r.width > 2 && r.height > 2).length);
  // A point where a park is the topmost element, then a real mouse click there.
  const target = await page.evaluate(() => {
    for (const p of document.querySelectorAll('#map path.pg-parks')) {
      const r = p.getBoundingClientRect();
      for (let i = 1; i < 12; i++) for (let j = 1; j < 12; j++) {
        const x = r.left + (r.width * i) / 12, y = r.top + (r.height * j) / 12;
        if (document.elementFromPoint(x, y) === p) return { x, y };
      }
    }
    return null;
  });
  result.clicked = target;
  if (target) {
    await page.mouse.click(target.x, target.y);
    await page.waitForSelector('.leaflet-popup-content', { timeout: 5000 });
    result.popup = await page.locator('.leaflet-popup-content').innerText();
  }
  result.noSupply = await page.locator('#no-supply').count();
  result.tables = await page.locator('main table').count();
  await page.screenshot({ path: shot, fullPage: false });
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await context.close();
}
console.log(JSON.stringify(result));
