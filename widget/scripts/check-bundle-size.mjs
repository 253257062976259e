// Keeps the embed script small: businesses load it on every page of their site.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 30 * 1024;
const bundle = fileURLToPath(new URL('../target/classes/static/widget.js', import.meta.url));

if (!existsSync(bundle)) {
  console.error(`Bundle size check: ${bundle} not found; did vite build run?`);
  process.exit(1);
}

const raw = readFileSync(bundle);
const gzipped = gzipSync(raw, { level: 9 }).length;
console.log(`widget.js: ${raw.length} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_BYTES} bytes gzipped)`);

if (gzipped > BUDGET_BYTES) {
  console.error(`Bundle size check failed: widget.js is ${gzipped} bytes gzipped, over the ${BUDGET_BYTES} byte budget.`);
  process.exit(1);
}
