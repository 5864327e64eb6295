// Validates GeoJSON files with an independent validator (@placemarkio/check-geojson).
// Usage: node validate-geojson.mjs FILE...   Prints one JSON line per file; exit 1 when any file fails.
import { readFileSync } from 'node:fs';
import { getIssues } from '@placemarkio/check-geojson';

let failed = false;
for (const file of process.argv.slice(2)) {
  const issues = getIssues(readFileSync(file, 'utf8'));
  if (issues.length > 0) failed = true;
  console.log(JSON.stringify({ file, issues: issues.slice(0, 10).map((i) => i.message), count: issues.length }));
}
process.exit(failed ? 1 : 0);
