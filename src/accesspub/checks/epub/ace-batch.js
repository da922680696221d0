// DAISY Ace as a service: one Node process with one browser for every EPUB it is given (Ace alone would
// start Chromium per EPUB). Usage: node ace-batch.js NODE_MODULES; then one line per EPUB on stdin,
// "EPUB<TAB>OUTDIR", answered by one JSON line on stdout: {"epub", "report"} or {"epub", "error"}.
// Sequential: two EPUBs at once in one browser measured no faster on 2 cores.
// Ace injects the unminified axe.js (1.3 MB) into every content document; its minified twin from the same
// package is the same code and costs Chromium 40 % less CPU per EPUB (1.3 -> 0.77 CPU-s for the sample).
'use strict';
const path = require('path');
const readline = require('readline');
const [nodeModules] = process.argv.slice(2);
const ace = require(path.join(nodeModules, '@daisy/ace-core'));
const runner = require(path.join(nodeModules, '@daisy/ace-axe-runner-puppeteer'));
const winston = require(path.join(nodeModules, 'winston'));
winston.add(new winston.transports.Console({ silent: true }));

let launched = false;
const minified = (script) =>
  (path.basename(script) === 'axe.js' ? path.join(path.dirname(script), 'axe.min.js') : script);
const shared = Object.assign(Object.create(runner), {
  launch: async () => { if (!launched) { await runner.launch(); launched = true; } },
  close: async () => {},
  run: (url, scripts, contents, basedir) => runner.run(url, scripts.map(minified), contents, basedir),
});

const jobs = [];
let busy = false;
let ended = false;

async function next() {
  if (busy) return;
  busy = true;
  while (jobs.length) {
    const [epub, out] = jobs.shift().split('\t');
    try {
      await ace(epub, { cwd: process.cwd(), outdir: out, tmpdir: `${out}-tmp`, lang: 'en',
                        silent: true, initLogger: false }, shared);
      process.stdout.write(JSON.stringify({ epub, report: path.join(out, 'report.json') }) + '\n');
    } catch (err) {
      process.stdout.write(JSON.stringify({ epub, error: String((err && err.message) || err) }) + '\n');
    }
  }
  busy = false;
  if (ended) await stop();
}

async function stop() {
  if (launched) { launched = false; await runner.close(); }
  process.exit(0);
}

const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => { if (line.trim()) { jobs.push(line); next(); } });
input.on('close', () => { ended = true; if (!busy) stop(); });
