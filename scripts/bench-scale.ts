/**
 * Scale benchmark: how the build grows with the number of policies. For each size N (default
 * 100 and 1,000) it copies src/content into a temporary folder, adds N synthetic, schema-valid
 * policies over N/10 synthetic payers (scripts/lib/synthetic-policies.ts), builds that folder with the real build
 * (scripts/build.ts, content check + astro build + pagefind) into its own output and cache, and
 * prints build time per step, peak memory, pages by kind and output size, then the ratio between
 * the sizes and which step grows faster than the policy count.
 *
 * Pairwise comparison pages (/compare/<a>/<b>/) are counted separately: whatever
 * src/lib/compare/ decides to pre-render shows up there, so the benchmark works before and after
 * that code exists, and a build that would not finish is stopped at --timeout and reported.
 *
 *   node scripts/bench-scale.ts [--sizes 100,1000] [--timeout 900] [--keep] [--no-write]
 *
 * Writes its figures to docs/benchmarks.generated.md (not with --no-write).
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { readAllContent } from '../src/loaders/content-files.ts';
import { formatErrors, validateContent } from '../src/lib/content/validate.ts';
import { checkPage } from './lib/budgets.ts';
import { htmlPages, kb, measurePage } from './lib/dist-files.ts';
import {
  ruleTemplates,
  syntheticPayerCount,
  syntheticPayers,
  syntheticPolicies,
} from './lib/synthetic-policies.ts';
import { benchReport } from './lib/bench-report.ts';
import { countOption, parseFlags } from './lib/flags.ts';

const { values } = parseFlags('bench:scale', {
  sizes: { type: 'string', default: '100,1000' },
  timeout: { type: 'string', default: '900' },
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
  n: number;
  policies: number;
  seconds?: number;
  steps: Record<string, number>;
  peakTreeMb: number;
  peakProcessMb: number;
  pages: Record<string, number>;
  distMb: number;
  largest: { path: string; html: number }[];
  overBudget: string[];
  error?: string;
}

const report = benchReport('bench:scale');
report.line(
  `Templates: ${templates.length} cited rules over ${new Set(templates.map((t) => t.concept)).size} concepts from ${realPolicies} real policies.\n`,
);

const runs: Run[] = [];
for (const n of sizes) runs.push(await benchmark(n));
if (!keep) rmSync(WORK, { recursive: true, force: true });

// Report.
const fmt = (v: number | undefined, digits = 1) => (v === undefined ? '–' : v.toFixed(digits));
const stepNames = ['content check', 'astro build', 'pagefind'];
report.line('\n### Results\n');
report.line(
  '| Synthetic | Policies | Pages | Pairwise pages | Build s | Content check s | Astro build s | Pagefind s | Peak RSS, process tree MB | Peak RSS, largest process MB | dist MB |',
);
report.line(
  '| --------: | -------: | ----: | -------------: | ------: | --------------: | ------------: | ---------: | ------------------------: | ---------------------------: | ------: |',
);
for (const r of runs)
  report.line(
    `| ${r.n} | ${r.policies} | ${total(r.pages)} | ${r.pages['compare pairs'] ?? 0} | ${r.error ? `${r.error}` : fmt(r.seconds)} | ${stepNames.map((s) => fmt(r.steps[s])).join(' | ')} | ${fmt(r.peakTreeMb, 0)} | ${fmt(r.peakProcessMb, 0)} | ${fmt(r.distMb)} |`,
  );
for (const r of runs) {
  report.line(
    `\nN = ${r.n}: pages by kind: ${Object.entries(r.pages)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  );
  report.line(
    `  Largest pages (gzipped HTML): ${r.largest.map((p) => `${p.path} ${kb(p.html)}`).join(', ')}.`,
  );
  if (r.overBudget.length)
    report.line(`  Over the per-page size budgets: ${r.overBudget.join('; ')}.`);
}

const [small, large] = [runs[0], runs[runs.length - 1]];
if (small && large && small !== large && small.seconds && large.seconds) {
  const ratio = (a: number | undefined, b: number | undefined) => (a && b ? b / a : undefined);
  const sizeRatio = large.n / small.n;
  const policyRatio = large.policies / small.policies;
  report.line(
    `\n### Growth from N = ${small.n} to N = ${large.n} (${sizeRatio}× the synthetic policies, ${policyRatio.toFixed(2)}× all policies)\n`,
  );
  report.line('| Measure | Ratio |');
  report.line('| ------- | ----: |');
  report.line(`| Build time | ${fmt(ratio(small.seconds, large.seconds), 2)} |`);
  for (const s of stepNames)
    report.line(`| ${s} | ${fmt(ratio(small.steps[s], large.steps[s]), 2)} |`);
  report.line(`| Peak RSS (process tree) | ${fmt(ratio(small.peakTreeMb, large.peakTreeMb), 2)} |`);
  report.line(`| Pages | ${fmt(ratio(total(small.pages), total(large.pages)), 2)} |`);
  report.line(
    `| Pairwise pages | ${small.pages['compare pairs'] ? fmt(ratio(small.pages['compare pairs'], large.pages['compare pairs']), 2) : 'none built'} |`,
  );
  report.line(`| dist size | ${fmt(ratio(small.distMb, large.distMb), 2)} |`);
  const perPolicy = (large.seconds - small.seconds) / (large.n - small.n);
  report.line(
    `\nMarginal cost: ${(perPolicy * 1000).toFixed(0)} ms of build per added policy; fixed cost about ${Math.max(0, small.seconds - perPolicy * small.policies).toFixed(1)} s.`,
  );
  const faster = stepNames.filter((s) => (ratio(small.steps[s], large.steps[s]) ?? 0) > sizeRatio);
  report.line(
    faster.length
      ? `Growing faster than the policy count: ${faster.join(', ')}.`
      : 'No step grows faster than the policy count.',
  );
  const buildRatio = large.seconds / small.seconds;
  report.line('\n### Targets\n');
  if (large.n === 1000)
    report.line(
      `- ${large.seconds < 120 ? 'MET   ' : 'MISSED'} 1,000 policies build in < 120 s: ${large.seconds.toFixed(1)} s`,
    );
  report.line(
    `- ${buildRatio <= 10 ? 'MET   ' : 'MISSED'} about linear growth, ratio ≤ 10: ${buildRatio.toFixed(2)}`,
  );
} else if (large?.error) {
  report.line(`\n### Targets\n\n- MISSED N = ${large.n}: ${large.error}`);
}
const pairsSmall = small?.pages['compare pairs'] ?? 0;
const pairsLarge = large?.pages?.['compare pairs'] ?? 0;
if (pairsSmall > 0 && pairsLarge === pairsSmall && large && !large.error) {
  // The same count at both sizes: the build caps pre-rendered pairs (defaultMaxPairs / BVN_MAX_PAIRS).
  report.line(
    `\nPages under /compare/<a>/<b>/ (pairs, views, version diffs): ${pairsSmall} at both sizes: the build's pair cap holds, so pairwise pages add a constant, not N².`,
  );
} else if (pairsSmall > 0 && small) {
  const perPair = pairsSmall / ((small.policies * (small.policies - 1)) / 2);
  report.line(
    `\nPairwise pages at N = ${small.n}: ${pairsSmall} (${(perPair * 100).toFixed(0)}% of all pairs of ${small.policies} policies). At that share, 1,000 synthetic policies would pre-render about ${Math.round((perPair * (1000 + realPolicies) * (999 + realPolicies)) / 2).toLocaleString('en')} pairwise pages.`,
  );
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
  mkdirSync(dir, { recursive: true });
  cpSync('src/content', content, { recursive: true });
  const payers = syntheticPayers({ count: syntheticPayerCount(n) });
  for (const [id, payer] of payers)
    writeFileSync(
      join(content, 'payers', `${id}.yaml`),
      `# Generated by scripts/bench-scale.ts for the scale benchmark; not a real payer.\n${stringify(payer)}`,
    );
  const generated = syntheticPolicies({
    count: n,
    templates,
    payerIds: [...real.content.payers.keys(), ...payers.keys()],
  });
  for (const [id, policy] of generated)
    writeFileSync(
      join(content, 'policies', `${id}.yaml`),
      `# Generated by scripts/bench-scale.ts for the scale benchmark; not a real policy.\n${stringify(policy, { aliasDuplicateObjects: false })}`,
    );
  // The generated content must pass the same check as real content, or the benchmark measures nothing.
  const check = validateContent(await readAllContent(process.cwd(), content));
  if (check.errors.length > 0) {
    console.error(
      `bench:scale: generated content for N = ${n} is invalid:\n${formatErrors(check.errors.slice(0, 20))}`,
    );
    process.exit(1);
  }
  const policies = check.content.policies.size;
  process.stdout.write(`N = ${n}: ${policies} policies in ${content}; building… `);

  const out = join(dir, 'dist');
  const child = spawn('node', ['scripts/build.ts', '--out', out], {
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

  const run: Run = {
    n,
    policies,
    steps: {},
    peakTreeMb: peakTree / 1024,
    peakProcessMb: peakProcess / 1024,
    pages: {},
    distMb: 0,
    largest: [],
    overBudget: [],
  };
  if (timedOut || status !== 0) {
    run.error = timedOut
      ? `did not finish in ${timeoutSeconds} s`
      : `build failed (exit ${status})`;
    console.log(run.error);
    if (!timedOut) console.error(stderr.split('\n').slice(-20).join('\n'));
    return run;
  }
  run.seconds = seconds;
  for (const m of stdout.matchAll(/(content check|astro build|pagefind) ([\d.]+) s/g))
    run.steps[m[1]!] = Number(m[2]);
  const pages = htmlPages(out);
  for (const page of pages) {
    const kind = /^\/compare\/[^/]+\/[^/]+\/$/.test(page)
      ? 'compare pairs'
      : /^\/policies\/synthetic-/.test(page)
        ? 'synthetic policy pages'
        : `${page.split('/')[1] || 'home'} pages`;
    run.pages[kind] = (run.pages[kind] ?? 0) + 1;
  }
  // Weigh the pages whose size depends on the number of policies (and a sample of the others).
  const weighed = pages.filter(
    (p) => !/^\/(policies\/synthetic-|compare\/[^/]+\/[^/]+\/)/.test(p) || p.endsWith('-0001/'),
  );
  const weights = weighed.map((p) => measurePage(out, p));
  run.largest = [...weights]
    .sort((a, b) => b.html - a.html)
    .slice(0, 3)
    .map((w) => ({ path: w.path, html: w.html }));
  run.overBudget = weights
    .flatMap((w) => checkPage(w))
    .map((f) => `${f.path} ${f.measure} ${kb(f.actual)} > ${kb(f.limit)}`);
  run.distMb = folderBytes(out) / 1024 / 1024;
  console.log(`${seconds.toFixed(1)} s, ${pages.length} pages.`);
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
