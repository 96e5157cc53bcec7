// Prints each HTML file given to PDF with one warm headless Chromium (Debian's), as a
// headless-browser report engine does, and prints the median time per file.
//   node benches/chromium-warm.mjs OUT_DIR ROUNDS FILE.html...
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { statSync } from 'node:fs';

const [outDir, rounds, ...files] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
for (const file of files) {
  const times = [];
  // …/out/CLIENT/PERIOD/report.html → OUT_DIR/CLIENT.pdf
  const out = join(outDir, file.split('/').slice(-3)[0] + '.pdf');
  for (let i = 0; i < Number(rounds); i++) {
    const t = process.hrtime.bigint();
    await page.goto('file://' + file, { waitUntil: 'load' });
    await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ file, median_ms: times[Math.floor(times.length / 2)], bytes: statSync(out).size }));
}
await browser.close();
