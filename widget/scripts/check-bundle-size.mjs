// Keeps the embed script small: businesses load it on every page of their site. The style sheet
// is bundled into widget.js as a string, so this one file is the widget's JS and CSS together;
// any other .js or .css file in the output would be loaded too, so it counts as well.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 20 * 1024;
const folder = fileURLToPath(new URL('../target/classes/static/', import.meta.url));
const bundle = folder + 'widget.js';

if (!existsSync(bundle)) {
  console.error(`Bundle size check: ${bundle} not found; did vite build run?`);
  process.exit(1);
}

const files = readdirSync(folder).filter((name) => /\.(m?js|css)$/.test(name));
let raw = 0;
let gzipped = 0;
for (const name of files) {
  const content = readFileSync(folder + name);
  raw += content.length;
  gzipped += gzipSync(content, { level: 9 }).length;
}
console.log(
  `widget (${files.join(', ')}): ${raw} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_BYTES} bytes gzipped, ` +
    `${BUDGET_BYTES - gzipped} left)`,
);

// Pages in other encodings than UTF-8 read a script without a charset in their own encoding.
const nonAscii = readFileSync(bundle).findIndex((byte) => byte > 0x7f);
if (nonAscii >= 0) {
  console.error(`Bundle check failed: widget.js has a non-ASCII byte at offset ${nonAscii}; it must be ASCII only.`);
  process.exit(1);
}

if (gzipped > BUDGET_BYTES) {
  console.error(`Bundle size check failed: the widget is ${gzipped} bytes gzipped, over the ${BUDGET_BYTES} byte budget.`);
  process.exit(1);
}
