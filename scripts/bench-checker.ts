/**
 * Budgets of the eligibility checker, as figures (not a pass/fail test):
 * - JavaScript the /check/ page loads: every script it references and every chunk those import,
 *   raw and gzipped (budget: the /check/ JavaScript limit of scripts/lib/budgets.ts, 25 KB gzipped);
 * - the policy data a visit downloads, gzipped file by file as a server sends it: on /check/, the
 *   bundle of every line (while the catalogue is small) against the index and every line's own
 *   file; on the packet and letter pages, the bundle against the index and the files of the line
 *   shown (its LCDs, and for the letter of a Medicare Advantage line every LCD), per line;
 * - time to re-evaluate every policy after an input change, in Chromium: an `input` event on a
 *   field, which reads the form, validates it, runs evaluateAll over every current line and
 *   updates the result cards, measured with performance.now over many changes (budget: < 5 ms).
 *
 *   npm run build && npm run bench:checker [-- --iterations 400] [--no-write]
 *
 * Writes its figures to docs/benchmarks.generated.md (not with --no-write).
 */
import { limitsFor } from './lib/budgets.ts';
import { benchReport } from './lib/bench-report.ts';
import { countOption, parseFlags } from './lib/flags.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isMedicareAdvantage } from '../src/lib/appeal/letter.ts';
import { encodeFragment } from '../src/lib/checker/fragment.ts';
import { bundleFile, withRequired, type CheckerIndex } from '../src/lib/checker/split.ts';
import { baselinePatient } from '../src/lib/compare/baseline.ts';
import { launchBrowser } from './lib/browser.ts';
import { measurePage } from './lib/dist-files.ts';
import { serveStatic } from './lib/static-server.ts';

const dist = 'dist';
const { values } = parseFlags('bench:checker', {
  iterations: { type: 'string', default: '400' },
  write: { type: 'boolean', default: true },
});
const iterations = countOption('bench:checker', 'iterations', values.iterations);
const budgetKb = limitsFor('/check/').limits.js! / 1024;
const budgetMs = 5;

if (!existsSync(join(dist, 'check/index.html'))) {
  console.error('dist/check/index.html is missing: run `npm run build` first.');
  process.exit(1);
}
const report = benchReport('bench:checker', { preformatted: true });

/** Every JS file the checker page loads: its module scripts and, transitively, their static imports. */
const checkerScripts = measurePage(dist, '/check/').assets.filter((path) => path.endsWith('.js'));

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows = checkerScripts.map((path) => {
  const bytes = readFileSync(join(dist, path));
  return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), {
  raw: 0,
  gzip: 0,
});
/** The policy data: the index, the line files (a visit loads those that apply) and, while the catalogue is small, the bundle of every line. */
const dataDir = join(dist, 'data/checker');
const index = readFileSync(join(dataDir, 'index.json'));
const lineFiles = new Map(
  readdirSync(join(dataDir, 'lines')).map((f) => [
    f.replace(/\.json$/, ''),
    readFileSync(join(dataDir, 'lines', f)),
  ]),
);
const bundle = existsSync(join(dataDir, bundleFile))
  ? readFileSync(join(dataDir, bundleFile))
  : undefined;
const sum = (files: Iterable<Buffer>, size: (b: Buffer) => number) =>
  [...files].reduce((a, b) => a + size(b), 0);
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

report.line('Checker JavaScript (/check/):');
for (const r of rows) report.line(`  ${r.path}  ${kb(r.raw)} raw, ${kb(r.gzip)} gzipped`);
report.line(
  `  total: ${kb(total.raw)} raw, ${kb(total.gzip)} gzipped (budget ${budgetKb} KB gzipped: ${total.gzip <= budgetKb * 1024 ? 'within' : 'OVER'})`,
);
report.line(
  `Policy data (fetched, not script): /data/checker/index.json ${kb(index.length)} raw, ${kb(gz(index))} gzipped; ${lineFiles.size} line files /data/checker/lines/*.json ${kb(sum(lineFiles.values(), (b) => b.length))} raw, ${kb(sum(lineFiles.values(), gz))} gzipped (largest ${kb(Math.max(...[...lineFiles.values()].map(gz)))}); ${bundle ? `/data/checker/${bundleFile} ${kb(bundle.length)} raw, ${kb(gz(bundle))} gzipped` : `no /data/checker/${bundleFile} (above the threshold: pages load per line)`}`,
);
reportVisits();

/** What a visit to /check/ and to the packet or letter downloads, with the bundle and per line. */
function reportVisits(): void {
  const parsed = JSON.parse(index.toString('utf8')) as CheckerIndex;
  const entries = parsed.lines;
  const lcds = parsed.lcdCandidates.map((c) => c.id);
  /** The index and the files of `ids` with the LCDs they may defer to. */
  const perLine = (ids: readonly string[]) =>
    gz(index) +
    sum(
      withRequired(parsed, ids).map((id) => lineFiles.get(id)!),
      gz,
    );
  const range = (sizes: number[]) => {
    const sorted = [...sizes].sort((a, b) => a - b);
    return `${kb(sorted[0]!)} to ${kb(sorted.at(-1)!)}, median ${kb(sorted[Math.floor(sorted.length / 2)]!)}`;
  };
  report.line(
    `Policy data a visit downloads (gzipped, each file on its own), at ${entries.length} lines:`,
  );
  const check = perLine(entries.map((l) => l.id));
  report.line(
    bundle
      ? `  /check/ (every line shown): the bundle ${kb(gz(bundle))}; per-line files instead ${kb(check)} (the index and ${entries.length} line files)`
      : `  /check/: the index ${kb(gz(index))}, then the files of the lines that apply`,
  );
  const packet = entries.map((l) => perLine([l.id]));
  const letter = entries.map((l) => perLine([l.id, ...(isMedicareAdvantage(l) ? lcds : [])]));
  const same = bundle
    ? `the bundle ${kb(gz(bundle))} (the same file as /check/, so cached after it)`
    : '';
  report.line(
    `  packet, straight from a link: ${same ? `${same}; ` : ''}per line ${range(packet)} (the index, the line and its LCDs)`,
  );
  report.line(
    `  letter, straight from a link: ${same ? `${same}; ` : ''}per line ${range(letter)} (and every LCD for a Medicare Advantage line)`,
  );
  report.line('  (both pages also load /data/checker/evidence.json; the letter /data/appeal.json)');
}

const facts = baselinePatient();
const site = await serveStatic(dist, { port: 0 });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(new URL(`check/#${encodeFragment(facts)}`, site.url).href);
  await page.waitForSelector('[data-line="cohere-ma"][data-outcome="meets"]');
  const lines = await page.locator('[data-line]').count();
  const times = await page.evaluate((n) => {
    const field = document.querySelector<HTMLInputElement>('#f-ageYears')!;
    const samples: number[] = [];
    for (let i = 0; i < n + 20; i++) {
      // Alternate between values that change outcomes (17 fails Cohere's age rule) and back.
      field.value = i % 2 === 0 ? '17' : '52';
      const start = performance.now();
      field.dispatchEvent(new Event('input', { bubbles: true }));
      const elapsed = performance.now() - start;
      if (i >= 20) samples.push(elapsed); // the first changes warm up the JIT
    }
    return samples;
  }, iterations);
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  report.line(
    `Re-evaluating all ${lines} result cards (policy lines and the trials' and guidelines' criteria) after an input change (Chromium, ${iterations} changes):`,
  );
  report.line(
    `  median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, mean ${mean.toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms (budget ${budgetMs} ms: ${at(0.95) < budgetMs ? 'within' : 'OVER'})`,
  );
  report.line('  (performance.now in a page without cross-origin isolation is rounded to 0.1 ms.)');
} finally {
  await browser.close();
  site.server.close();
}
report.save(values.write);
