// DAISY Ace on many EPUBs in one Node process with one browser (Ace would start Chromium per EPUB).
// Usage: node ace-batch.js NODE_MODULES OUTDIR EPUB...  → OUTDIR/<n>/report.json; one JSON line per EPUB on stdout.
// Sequential: two EPUBs at once in one browser measured no faster on 2 cores.
'use strict';
const path = require('path');
const [nodeModules, outdir, ...epubs] = process.argv.slice(2);
const ace = require(path.join(nodeModules, '@daisy/ace-core'));
const runner = require(path.join(nodeModules, '@daisy/ace-axe-runner-puppeteer'));
const winston = require(path.join(nodeModules, 'winston'));
winston.add(new winston.transports.Console({ silent: true }));

let launched = false;
const shared = Object.assign(Object.create(runner), {
  launch: async () => { if (!launched) { await runner.launch(); launched = true; } },
  close: async () => {},
});

(async () => {
  for (const [n, epub] of epubs.entries()) {
    const out = path.join(outdir, String(n));
    try {
      await ace(epub, { cwd: process.cwd(), outdir: out, tmpdir: path.join(outdir, `tmp-${n}`), lang: 'en',
                        silent: true, initLogger: false }, shared);
      process.stdout.write(JSON.stringify({ epub, report: path.join(out, 'report.json') }) + '\n');
    } catch (err) {
      process.stdout.write(JSON.stringify({ epub, error: String((err && err.message) || err) }) + '\n');
    }
  }
  if (launched) await runner.close();
})();
