/**
 * Site benchmark: builds the site (timed), then prints, as Markdown tables,
 *   1. every page's gzipped HTML, CSS and JavaScript (what it loads before it can be used);
 *   2. Lighthouse scores (performance, accessibility, best practices, SEO) for the home page, the
 *      criteria matrix, a study page and the checker (and, as an extra, the search page), run with
 *      the lighthouse package against the system Chromium (mobile emulation, simulated slow 4G:
 *      Lighthouse's defaults), serving dist/ with scripts/serve.ts;
 *   3. the targets (docs/benchmarks.md), met or missed and by how much.
 * It prints figures and never fails on them: the gates that fail are `npm run test:budgets` and
 * the browser tests.
 *
 *   node scripts/bench-site.ts [--no-build] [--runs 3] [--json .tmp/bench-site.json] [--no-write]
 *
 * Writes its figures to docs/benchmarks.generated.md (not with --no-write).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { pagefindLibrary } from './lib/budgets.ts';
import { chromeArgs, chromePath } from './lib/browser.ts';
import { isIsland } from './lib/islands.ts';
import { serveStatic } from './lib/static-server.ts';
import { filesWeight, htmlPages, kb, measureSite, type PageWeight } from './lib/dist-files.ts';
import { benchReport } from './lib/bench-report.ts';
import { countOption, parseFlags } from './lib/flags.ts';

const { values } = parseFlags('bench:site', {
  build: { type: 'boolean', default: true },
  runs: { type: 'string', default: '3' },
  json: { type: 'string' },
  write: { type: 'boolean', default: true },
});
const runs = countOption('bench:site', 'runs', values.runs);
const jsonOut = values.json;
const report = benchReport('bench:site');
const DIST = 'dist';
const KB = 1024;

// 1. Build, timed from the outside (content check + astro build + pagefind + swap).
let buildSeconds: number | undefined;
if (values.build) {
  const started = performance.now();
  const build = spawnSync('node', ['scripts/build.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) {
    console.error('bench:site: the build failed; nothing to measure.');
    process.exit(1);
  }
  buildSeconds = (performance.now() - started) / 1000;
}
if (!existsSync(`${DIST}/index.html`)) {
  console.error('bench:site: dist/index.html is missing. Run without --no-build.');
  process.exit(1);
}

report.line(
  buildSeconds === undefined
    ? 'Build: not run (--no-build).\n'
    : `Build (content check, astro build, pagefind, swap): ${buildSeconds.toFixed(1)} s.\n`,
);

// 2. Page weights.
const weights = measureSite(DIST);
const pad = (s: string, n: number) => s.padEnd(n);
const num = (bytes: number) => (bytes / KB).toFixed(1).padStart(6);
const pathWidth = Math.max(...weights.map((w) => w.path.length), 4);
report.line('### Page weight (gzipped KB)\n');
report.line(`| ${pad('Page', pathWidth)} |   HTML |    CSS |     JS | HTML+CSS |`);
report.line(`| ${'-'.repeat(pathWidth)} | -----: | -----: | -----: | -------: |`);
for (const w of weights)
  report.line(
    `| ${pad(w.path, pathWidth)} | ${num(w.html)} | ${num(w.css)} | ${num(w.js)} | ${num(w.html + w.css).padStart(8)} |`,
  );
const library = filesWeight(DIST, pagefindLibrary);
const index = filesWeight(DIST, /^pagefind\/(index|fragment|filter)\//);
report.line(
  `\nPages: ${weights.length}; with JavaScript: ${
    weights
      .filter((w) => w.js > 0)
      .map((w) => w.path)
      .join(', ') || 'none'
  }.`,
);
report.line(
  `Pagefind, loaded on first use of /search/ only: library ${kb(library.bytes)} (${library.files.length} files); index ${kb(index.bytes)} in ${index.files.length} chunks, of which a search fetches only the ones its words and results need.\n`,
);

// 3. Lighthouse.
interface Scores {
  performance: number;
  accessibility: number;
  'best-practices': number;
  seo: number;
}
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const pages = htmlPages(DIST);
// The heaviest study page: the target is about the worst case, not whichever sorts first.
const study = weights
  .filter((w) => /^\/studies\/[^/]+\/$/.test(w.path))
  .sort((a, b) => b.html + b.css - (a.html + a.css))[0]?.path;
const targets: { label: string; path: string | undefined }[] = [
  { label: 'Home', path: '/' },
  { label: 'Criteria matrix', path: pages.includes('/compare/') ? '/compare/' : undefined },
  { label: 'Study page', path: study },
  { label: 'Checker', path: pages.includes('/check/') ? '/check/' : undefined },
  // Not one of the four pages with targets, but the other island page: measured so a regression shows.
  { label: 'Search (extra)', path: pages.includes('/search/') ? '/search/' : undefined },
];
const expectedPath: Record<string, string> = {
  'Criteria matrix': '/compare/',
  Checker: '/check/',
  'Study page': '/studies/<id>/',
};

const { server, url } = await serveStatic(DIST, { port: 0 });
const chrome = await chromeLauncher.launch({
  chromePath: chromePath(),
  // chrome-launcher adds its own temporary profile; headless and the quiet, offline flags as the browser tests use.
  chromeFlags: chromeArgs,
  logLevel: 'silent',
});
let lighthouseVersion = '';
const results: {
  label: string;
  path?: string;
  scores?: Scores;
  runs?: number[];
  error?: string;
  failing?: string[];
}[] = [];
try {
  for (const target of targets) {
    if (!target.path) {
      results.push({
        label: target.label,
        error: `missing: ${expectedPath[target.label]} is not built on this branch`,
      });
      continue;
    }
    const perfRuns: number[] = [];
    let scores: Scores | undefined;
    let failing: string[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(new URL(target.path, url).href, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...categories],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${target.path}`);
      const lhr = result.lhr;
      lighthouseVersion = lhr.lighthouseVersion;
      if (lhr.runtimeError)
        throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      const score = (c: (typeof categories)[number]) =>
        Math.round((lhr.categories[c]?.score ?? 0) * 100);
      perfRuns.push(score('performance'));
      scores = {
        performance: 0,
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
      };
      failing = Object.values(lhr.audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 1 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'manual' &&
            a.scoreDisplayMode !== 'notApplicable',
        )
        .filter((a) => a.scoreDisplayMode === 'binary' || (a.score ?? 1) < 0.9)
        .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    }
    const sorted = [...perfRuns].sort((a, b) => a - b);
    scores!.performance = sorted[Math.floor(sorted.length / 2)]!;
    results.push({ label: target.label, path: target.path, scores, runs: perfRuns, failing });
  }
} finally {
  chrome.kill();
  server.close();
}

report.line(
  `### Lighthouse ${lighthouseVersion} (mobile, simulated slow 4G; performance is the median of ${runs} run${runs === 1 ? '' : 's'})\n`,
);
report.line('| Page | Path | Performance | Accessibility | Best practices | SEO |');
report.line('| ---- | ---- | ----------: | ------------: | -------------: | --: |');
for (const r of results) {
  if (!r.scores) report.line(`| ${r.label} | ${r.error} | – | – | – | – |`);
  else
    report.line(
      `| ${r.label} | ${r.path} | ${r.scores.performance} (runs: ${r.runs!.join(', ')}) | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} |`,
    );
}
for (const r of results)
  if (r.failing?.length)
    report.line(`\n${r.label}: audits below full marks: ${r.failing.join(', ')}`);

// 4. Targets.
const byPath = new Map<string, PageWeight>(weights.map((w) => [w.path, w]));
const contentWithJs = weights.filter((w) => w.js > 0 && !isIsland(w.path));
const verdicts: string[] = [];
const verdict = (ok: boolean, text: string) =>
  verdicts.push(`- ${ok ? 'MET   ' : 'MISSED'} ${text}`);
verdict(
  contentWithJs.length === 0,
  `0 KB JavaScript on content pages${
    contentWithJs.length
      ? `: ${contentWithJs.map((w) => `${w.path} ${kb(w.js)}`).join(', ')}`
      : ` (${weights.length - weights.filter((w) => w.js > 0).length} of ${weights.length} pages; the islands are ${weights
          .filter((w) => w.js > 0)
          .map((w) => w.path)
          .join(', ')})`
  }`,
);
for (const path of ['/', study].filter((p): p is string => Boolean(p))) {
  const w = byPath.get(path)!;
  const total = w.html + w.css;
  verdict(
    total <= 14 * KB,
    `HTML+CSS ≤ 14 KB on ${path}: ${kb(total)}${total > 14 * KB ? ` (${kb(total - 14 * KB)} over)` : ` (${kb(14 * KB - total)} to spare)`}`,
  );
}
for (const r of results.filter((r) => !r.label.includes('(extra)'))) {
  if (!r.scores) {
    verdicts.push(`- n/a    Lighthouse on ${r.label}: ${r.error}`);
    continue;
  }
  verdict(
    r.scores.performance >= 98,
    `Lighthouse performance ≥ 98 on ${r.label} (${r.path}): ${r.scores.performance}`,
  );
  verdict(
    r.scores.accessibility === 100,
    `Lighthouse accessibility 100 on ${r.label} (${r.path}): ${r.scores.accessibility}`,
  );
}
report.line(`\n### Targets\n\n${verdicts.join('\n')}`);
report.line(
  `\nLoad average at the end: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}. Timings are noisy while other builds share the machine.`,
);

if (jsonOut) {
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        buildSeconds,
        weights,
        library: library.bytes,
        lighthouse: results,
      },
      null,
      2,
    ),
  );
}
report.save(values.write);
