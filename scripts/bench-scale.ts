/**
 * Scale benchmark: how the build grows with the number of policy lines. For each size N (default
 * 100, 1,000 and 3,000 current lines) it copies src/content into a temporary folder, adds
 * synthetic, schema-valid policies over about N/10 synthetic payers
 * (scripts/lib/synthetic-policies.ts) until there are N lines,
 * builds that folder with the real build (scripts/build.ts: content check + astro build +
 * pagefind) into its own output and cache, and prints build time per step, peak memory, pages by
 * kind, the largest page of each kind and every page over its budget. Then it edits one policy
 * and builds again into the same output and cache: the time an editor waits. Last, the growth
 * between the sizes and issue 14's goals, met or missed. A build that would not finish is
 * stopped at --timeout and reported.
 *
 *   node scripts/bench-scale.ts [--sizes 100,1000,3000] [--timeout 1800] [--keep] [--no-write]
 *
 * Writes its figures to docs/benchmarks.generated.md (not with --no-write).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseData, readAllContent } from '../src/loaders/content-files.ts';
import { formatErrors, validateContent } from '../src/lib/content/validate.ts';
import { checkPage } from './lib/budgets.ts';
import { htmlPages, kb, measurePage } from './lib/dist-files.ts';
import { writeCatalogue } from './lib/synthetic-catalogue.ts';
import { ruleTemplates } from './lib/synthetic-policies.ts';
import { benchReport } from './lib/bench-report.ts';
import { countOption, parseFlags } from './lib/flags.ts';

const { values } = parseFlags('bench:scale', {
  sizes: { type: 'string', default: '100,1000,3000' },
  timeout: { type: 'string', default: '1800' },
  keep: { type: 'boolean', default: false },
  write: { type: 'boolean', default: true },
});
const sizes = values.sizes.split(',').map((n) => countOption('bench:scale', 'sizes', n.trim()));
const timeoutSeconds = countOption('bench:scale', 'timeout', values.timeout);
const keep = values.keep;
const WORK = '.tmp/bench-scale';

// The real content: its rules are the templates, its payers and sources what synthetic policies cite.
const real = validateContent(await readAllContent(process.cwd(), 'src/content'));
if (real.errors.length > 0) {
  console.error(
    `bench:scale: src/content does not pass the content check:\n${formatErrors(real.errors)}`,
  );
  process.exit(1);
}
const templates = ruleTemplates(
  [...real.content.policies.values()].filter((p) => p.status === 'current'),
);
const realPolicies = real.content.policies.size;

interface Run {
  /** Policy lines asked for. */
  n: number;
  /** Current policy lines built (real and synthetic; at least n). */
  lines: number;
  policies: number;
  seconds?: number;
  steps: Record<string, number>;
  peakTreeMb: number;
  peakProcessMb: number;
  pages: Record<string, number>;
  distMb: number;
  largest: { kind: string; path: string; html: number }[];
  overBudget: string[];
  error?: string;
  /** Seconds to build again after editing one policy (or why it failed). */
  rebuild?: number | string;
  rebuildSteps?: Record<string, number>;
  rebuildParsed?: number;
  /** Pages the partial rebuild carried forward (the rest it rendered). */
  rebuildCarried?: number;
}

const report = benchReport('bench:scale');
report.line(
  `Templates: ${templates.length} cited rules over ${new Set(templates.map((t) => t.concept)).size} concepts from ${realPolicies} real policies. Sizes count current policy lines (real lines first, then synthetic policies until the count is reached).\n`,
);

const runs: Run[] = [];
for (const n of sizes) runs.push(await benchmark(n));
if (!keep) rmSync(WORK, { recursive: true, force: true });

// Report.
const fmt = (v: number | undefined, digits = 1) => (v === undefined ? '–' : v.toFixed(digits));
const stepNames = ['content check', 'astro build', 'pagefind'];
report.line('\n### Results\n');
report.line(
  '| Lines | Policies | Pages | Pair pages | Build s | Content check s | Astro build s | Pagefind s | Peak RSS, process tree MB | Peak RSS, largest process MB | dist MB | Rebuild after one edit s | Files parsed on rebuild | Pages carried on rebuild |',
);
report.line(
  '| ----: | -------: | ----: | ---------: | ------: | --------------: | ------------: | ---------: | ------------------------: | ---------------------------: | ------: | -----------------------: | --------------------: | ---------------------: |',
);
for (const r of runs)
  report.line(
    `| ${r.lines} | ${r.policies} | ${total(r.pages)} | ${r.pages['pair page'] ?? 0} | ${r.error ? `${r.error}` : fmt(r.seconds)} | ${stepNames.map((s) => fmt(r.steps[s])).join(' | ')} | ${fmt(r.peakTreeMb, 0)} | ${fmt(r.peakProcessMb, 0)} | ${fmt(r.distMb)} | ${typeof r.rebuild === 'string' ? r.rebuild : fmt(r.rebuild)} | ${r.rebuildParsed ?? '–'} | ${r.rebuildCarried ?? '–'} |`,
  );
for (const r of runs) {
  if (r.error) continue;
  report.line(
    `\n${r.lines} lines: pages by kind: ${Object.entries(r.pages)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  );
  report.line(
    `  Largest page per kind (gzipped HTML): ${r.largest.map((p) => `${p.kind} ${p.path} ${kb(p.html)}`).join('; ')}.`,
  );
  report.line(
    r.overBudget.length
      ? `  Over the per-page size budgets (${r.overBudget.length}): ${r.overBudget.slice(0, 12).join('; ')}${r.overBudget.length > 12 ? '; …' : ''}.`
      : '  Every page within its size budget.',
  );
  if (r.rebuildSteps)
    report.line(
      `  Rebuild after one edit (--incremental), by step: ${[...stepNames, 'carry forward'].map((s) => `${s} ${fmt(r.rebuildSteps![s])} s`).join(', ')}.`,
    );
}

const [small, large] = [runs[0], runs[runs.length - 1]];
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? b / a : undefined);
if (small && large && small !== large && small.seconds && large.seconds) {
  const lineRatio = large.lines / small.lines;
  report.line(
    `\n### Growth from ${small.lines} to ${large.lines} lines (${lineRatio.toFixed(1)}×)\n`,
  );
  report.line('| Measure | Ratio |');
  report.line('| ------- | ----: |');
  report.line(`| Build time | ${fmt(ratio(small.seconds, large.seconds), 2)} |`);
  for (const s of stepNames)
    report.line(`| ${s} | ${fmt(ratio(small.steps[s], large.steps[s]), 2)} |`);
  report.line(`| Peak RSS (process tree) | ${fmt(ratio(small.peakTreeMb, large.peakTreeMb), 2)} |`);
  report.line(`| Pages | ${fmt(ratio(total(small.pages), total(large.pages)), 2)} |`);
  report.line(`| dist size | ${fmt(ratio(small.distMb, large.distMb), 2)} |`);
  const perLine = (large.seconds - small.seconds) / (large.lines - small.lines);
  report.line(
    `\nMarginal cost: ${(perLine * 1000).toFixed(0)} ms of build per added line; fixed cost about ${Math.max(0, small.seconds - perLine * small.lines).toFixed(1)} s.`,
  );
  const faster = stepNames.filter((s) => (ratio(small.steps[s], large.steps[s]) ?? 0) > lineRatio);
  report.line(
    faster.length
      ? `Growing faster than the line count: ${faster.join(', ')}.`
      : 'No step grows faster than the line count.',
  );
}
// The issue's goals (issue 14), for the largest size run.
if (large) {
  const goal = (met: boolean | undefined, text: string) =>
    report.line(`- ${met === undefined ? 'NOT MEASURED' : met ? 'MET   ' : 'MISSED'} ${text}`);
  report.line(`\n### Goals at ${large.lines} lines\n`);
  if (large.error) goal(false, `the build: ${large.error}`);
  else {
    goal(
      large.overBudget.length === 0,
      `every page within its size budget: ${large.overBudget.length} over`,
    );
    goal(large.seconds! <= 300, `build ≤ 5 minutes: ${fmt(large.seconds)} s`);
    goal(
      large.peakTreeMb <= 4096,
      `peak memory ≤ 4 GB: ${fmt(large.peakTreeMb, 0)} MB (process tree)`,
    );
    if (small && small !== large && small.seconds) {
      const r = ratio(small.seconds, large.seconds)!;
      goal(r <= 15, `build(${large.lines}) / build(${small.lines}) ≤ 15: ${fmt(r, 2)}`);
    }
    goal(
      typeof large.rebuild === 'number' ? large.rebuild <= 20 : false,
      `rebuild after one edited policy ≤ 20 s: ${typeof large.rebuild === 'number' ? `${fmt(large.rebuild)} s` : large.rebuild}`,
    );
  }
}
report.line(
  `\nLoad average at the end: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}. Timings are noisy while other builds share the machine.`,
);
report.save(values.write);

function total(pages: Record<string, number>): number {
  return Object.values(pages).reduce((a, b) => a + b, 0);
}

async function benchmark(n: number): Promise<Run> {
  const dir = join(WORK, `n-${n}`);
  const content = join(dir, 'content');
  rmSync(dir, { recursive: true, force: true });
  const { lines, written } = writeCatalogue({
    content,
    n,
    real: real.content,
    by: 'scripts/bench-scale.ts for the scale benchmark',
  });
  // The generated content must pass the same check as real content, or the benchmark measures nothing.
  const check = validateContent(await readAllContent(process.cwd(), content));
  if (check.errors.length > 0) {
    console.error(
      `bench:scale: generated content for N = ${n} is invalid:\n${formatErrors(check.errors.slice(0, 20))}`,
    );
    process.exit(1);
  }
  const policies = check.content.policies.size;
  process.stdout.write(
    `N = ${n}: ${lines} lines in ${policies} policies in ${content}; building… `,
  );

  const out = join(dir, 'dist');
  const run: Run = {
    n,
    lines,
    policies,
    pages: {},
    distMb: 0,
    largest: [],
    overBudget: [],
    ...(await build(content, dir, out)),
  };
  if (run.error) {
    console.log(run.error);
    return run;
  }
  const pages = htmlPages(out);
  // Weigh every page: the largest of each kind is what a budget would break first.
  const largest = new Map<string, { path: string; html: number }>();
  for (const page of pages) {
    const kind = pageKind(page);
    run.pages[kind] = (run.pages[kind] ?? 0) + 1;
    const weight = measurePage(out, page);
    if (weight.html > (largest.get(kind)?.html ?? -1))
      largest.set(kind, { path: page, html: weight.html });
    run.overBudget.push(
      ...checkPage(weight).map((f) => `${f.path} ${f.measure} ${kb(f.actual)} > ${kb(f.limit)}`),
    );
  }
  run.largest = [...largest].map(([kind, w]) => ({ kind, ...w })).sort((a, b) => b.html - a.html);
  run.distMb = folderBytes(out) / 1024 / 1024;
  console.log(`${run.seconds!.toFixed(1)} s, ${pages.length} pages.`);

  // Edit one policy (a synthetic one in the middle: a new version with a changed summary) and
  // build again into the same output with the same caches: what an editor waits for.
  const edited =
    written[Math.floor(written.length / 2)] ??
    join(content, 'policies', 'cohere-bvn-ablation.yaml');
  const policy = parseData(readFileSync(edited, 'utf8')) as { summary: string };
  policy.summary += ' Edited for the rebuild benchmark.';
  writeFileSync(edited, stringify(policy, { aliasDuplicateObjects: false }));
  process.stdout.write(`  rebuilding after editing ${edited.split('/').pop()}… `);
  const rebuild = await build(content, dir, out, true);
  run.rebuild = rebuild.error ?? rebuild.seconds;
  run.rebuildSteps = rebuild.steps;
  run.rebuildParsed = rebuild.parsed;
  run.rebuildCarried = rebuild.carried;
  console.log(
    rebuild.error ?? `${rebuild.seconds!.toFixed(1)} s (${rebuild.parsed ?? '?'} files parsed).`,
  );
  return run;
}

/** The kind of a page, for "largest page per kind". */
function pageKind(page: string): string {
  const fixed = /^\/compare\/(views|versions|evidence|pairs|pair)\//.exec(page);
  if (fixed) return `/compare/${fixed[1]}/…`;
  if (/^\/compare\/[^/]+\/[^/]+\/$/.test(page)) return 'pair page';
  if (/^\/policies\/synthetic-/.test(page)) return 'policy page (synthetic)';
  const parts = page.split('/').filter(Boolean);
  if (parts.length === 0) return 'home';
  if (parts.length === 1) return `/${parts[0]}/`;
  return `/${parts[0]}/…`;
}

interface BuildRun {
  seconds?: number;
  steps: Record<string, number>;
  /** Content files parsed by the content check (the rest came from the parse cache). */
  parsed?: number;
  /** Pages a partial build took unchanged from the last output. */
  carried?: number;
  peakTreeMb: number;
  peakProcessMb: number;
  error?: string;
}

/** Builds `content` into `out` with the real build script, sampling the process tree's memory. */
async function build(
  content: string,
  dir: string,
  out: string,
  incremental = false,
): Promise<BuildRun> {
  const args = ['scripts/build.ts', '--out', out, ...(incremental ? ['--incremental'] : [])];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      BVN_CONTENT_DIR: content,
      BVN_CACHE_DIR: join(dir, 'cache'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let peakTree = 0;
  let peakProcess = 0;
  const sampler = setInterval(() => {
    const rss = treeRss(child.pid!);
    peakTree = Math.max(peakTree, rss.total);
    peakProcess = Math.max(peakProcess, rss.largest);
  }, 200);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, timeoutSeconds * 1000);
  const started = performance.now();
  const status = await new Promise<number | null>((done) => child.on('close', done));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  clearTimeout(timer);
  const run: BuildRun = {
    steps: {},
    peakTreeMb: peakTree / 1024,
    peakProcessMb: peakProcess / 1024,
  };
  if (timedOut || status !== 0) {
    run.error = timedOut
      ? `did not finish in ${timeoutSeconds} s`
      : `build failed (exit ${status})`;
    if (!timedOut) console.error(stderr.split('\n').slice(-20).join('\n'));
    return run;
  }
  run.seconds = seconds;
  for (const m of stdout.matchAll(/(content check|astro build|carry forward|pagefind) ([\d.]+) s/g))
    run.steps[m[1]!] = Number(m[2]);
  const parsed = /\((\d+) files parsed/.exec(stdout)?.[1];
  if (parsed !== undefined) run.parsed = Number(parsed);
  const carried = /(\d+) pages carried forward/.exec(stdout)?.[1];
  if (carried !== undefined) run.carried = Number(carried);
  return run;
}

/** Resident memory (KB) of a process and its descendants, summed and largest, from /proc (Linux). */
function treeRss(pid: number): { total: number; largest: number } {
  let total = 0;
  let largest = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total += rss;
      largest = Math.max(largest, rss);
      for (const task of readdirSync(`/proc/${p}/task`))
        for (const child of readFileSync(`/proc/${p}/task/${task}/children`, 'utf8')
          .trim()
          .split(/\s+/)
          .filter(Boolean))
          visit(Number(child));
    } catch {
      /* the process ended between samples */
    }
  };
  if (existsSync('/proc')) visit(pid);
  return { total, largest };
}

function folderBytes(dir: string): number {
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const info = statSync(full);
    bytes += info.isDirectory() ? folderBytes(full) : info.size;
  }
  return bytes;
}
