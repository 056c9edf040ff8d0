/**
 * Engine benchmark (prints figures; not a test). Three ways of evaluating the same rules, measured
 * interleaved in one process (each round runs each of them once, in a rotating order, so a busy
 * machine slows all of them alike):
 *
 *   compiled      the closures of src/lib/engine/compiled.ts: the outcome only (bulk work);
 *   interpreter   evaluatePolicy, its outcome read: the trace, findings, checklist, summary and
 *                 billing notes are worked out only when read, as a bulk run never does;
 *   read in full  evaluatePolicy with all of those read, as the checker reads each line it shows
 *                 (printed for the record; it has no goal here, bench:checker times the checker);
 *   json-logic    json-logic-js 2 on the same rules translated (scripts/lib/json-logic-rules.ts),
 *                 two-valued: an undocumented fact is json-logic's null.
 *
 * over every current policy line and, separately, Cohere MA's line alone (the largest tree), with
 * random valid patients. Then, as the checker does, every line for one patient in one call
 * (evaluateAll): median and 99th-percentile time.
 *
 * Goals: compiled ≥ 1,000,000 line evaluations/s; interpreter / json-logic ≥ 1;
 * evaluateAll ≥ 100,000 line evaluations/s and < 1 ms per patient at the 99th percentile.
 *
 *   npm run bench:engine [-- --patients 2000 --rounds 7] [--no-write]
 *
 * Writes its figures to docs/benchmarks.generated.md (not with --no-write).
 */
import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadCompiledContent } from '../src/loaders/content-files.ts';
import { evaluateAll, evaluatePolicy } from '../src/lib/engine/evaluate.ts';
import { compileLines } from '../src/lib/engine/compiled.ts';
import { applyImplications } from '../src/lib/facts/implications.ts';
import { baselinePatient } from '../src/lib/compare/baseline.ts';
import type { EvaluablePolicy, Evaluation, Outcome } from '../src/lib/engine/types.ts';
import type { PatientFacts } from '../src/lib/facts/schema.ts';
import { arbitraryFacts, arbitraryNear } from './lib/arbitrary-facts.ts';
import { lineRule } from './lib/json-logic-rules.ts';
import { benchReport } from './lib/bench-report.ts';
import { countOption, parseFlags } from './lib/flags.ts';

const { values } = parseFlags('bench:engine', {
  patients: { type: 'string', default: '2000' },
  rounds: { type: 'string', default: '7' },
  write: { type: 'boolean', default: true },
});
const patientsCount = countOption('bench:engine', 'patients', values.patients);
const rounds = countOption('bench:engine', 'rounds', values.rounds);
const report = benchReport('bench:engine', { preformatted: true });

const { lines } = await loadCompiledContent(fileURLToPath(new URL('..', import.meta.url)));
const current = lines.filter((l) => !l.id.includes('@'));
const byId = new Map(lines.map((l) => [l.id, l]));
const patients: PatientFacts[] = fc.sample(
  fc.oneof(arbitraryFacts, arbitraryNear(baselinePatient())),
  { numRuns: patientsCount, seed: 20261125 },
);
// json-logic is given the implied values ready-made, so it is not charged for working them out.
const withImplied = patients.map((p) => applyImplications(p));
const compiled = compileLines(byId);

interface Workload {
  name: string;
  lines: EvaluablePolicy[];
}
const cohere = byId.get('cohere-ma');
const workloads: Workload[] = [
  { name: `every current line (${current.length})`, lines: current },
  ...(cohere ? [{ name: 'Cohere MA line alone', lines: [cohere] }] : []),
];

type Contender = 'compiled' | 'interpreter' | 'json-logic' | 'read in full';
const contenders: Contender[] = ['compiled', 'interpreter', 'json-logic', 'read in full'];

/** Reads every lazily worked-out part of a result; returns a number from them. */
function readInFull(e: Evaluation): number {
  return (
    e.outcome.length +
    e.summary.length +
    e.failed.length +
    e.undocumented.length +
    e.missing.length +
    e.advisories.length +
    (e.trace ? e.trace.children.length : 0)
  );
}

/** One pass of a contender over every patient and line; returns a checksum so nothing is optimised away. */
function pass(contender: Contender, workload: Workload, rules: unknown[]): number {
  let sum = 0;
  const n = workload.lines.length;
  switch (contender) {
    case 'compiled':
      for (const facts of patients)
        for (let i = 0; i < n; i++) sum += compiled.outcome(workload.lines[i]!.id, facts).length;
      return sum;
    case 'interpreter':
      for (const facts of patients)
        for (let i = 0; i < n; i++)
          sum += evaluatePolicy(workload.lines[i]!, facts, { policies: byId }).outcome.length;
      return sum;
    case 'json-logic':
      for (const facts of withImplied)
        for (let i = 0; i < n; i++) sum += jsonLogic.apply(rules[i], facts) ? 1 : 2;
      return sum;
    case 'read in full':
      for (const facts of patients)
        for (let i = 0; i < n; i++)
          sum += readInFull(evaluatePolicy(workload.lines[i]!, facts, { policies: byId }));
      return sum;
  }
}

const rate = (evaluations: number, ms: number) => (evaluations / ms) * 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmtRate = (r: number) => Math.round(r).toLocaleString('en-US').padStart(11);

const loads: number[] = [];
for (const workload of workloads) {
  const rules = workload.lines.map((l) => lineRule(l, byId));
  const evaluations = patients.length * workload.lines.length;
  // Warm up the JIT on every contender before measuring.
  for (const c of contenders) pass(c, workload, rules);
  const rates: Record<Contender, number[]> = {
    compiled: [],
    interpreter: [],
    'json-logic': [],
    'read in full': [],
  };
  for (let r = 0; r < rounds; r++) {
    loads.push(loadavg()[0]!);
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(r + k) % contenders.length]!;
      const t0 = performance.now();
      pass(c, workload, rules);
      rates[c].push(rate(evaluations, performance.now() - t0));
    }
  }
  const m = Object.fromEntries(contenders.map((c) => [c, median(rates[c])])) as Record<
    Contender,
    number
  >;
  report.line(
    `${workload.name}: ${patients.length} patients × ${workload.lines.length} lines, ${rounds} interleaved rounds`,
  );
  report.line(`  line evaluations per second (median of rounds; slowest–fastest round)`);
  for (const c of contenders)
    report.line(
      `  ${c.padEnd(12)} ${fmtRate(m[c])}   (${fmtRate(Math.min(...rates[c])).trim()}–${fmtRate(Math.max(...rates[c])).trim()})`,
    );
  const ratio = m.interpreter / m['json-logic'];
  report.line(
    `  compiled ${m.compiled >= 1_000_000 ? 'meets' : 'MISSES'} ≥ 1,000,000/s; interpreter / json-logic = ${ratio.toFixed(2)}, ${ratio >= 1 ? 'meets' : 'MISSES'} ≥ 1`,
  );
  report.line('');
}

// The three agree where they should: the compiled outcome always; json-logic where the
// interpreter's answer does not turn on an undocumented fact.
const decided: Partial<Record<Outcome, boolean>> = {
  meets: true,
  'needs-proprietary-review': true,
  fails: false,
  'not-covered': false,
};
let same = 0;
let total = 0;
let decidedCount = 0;
let logicAgrees = 0;
patients.forEach((facts, p) => {
  for (const line of current) {
    const outcome = evaluatePolicy(line, facts, { policies: byId }).outcome;
    total++;
    if (compiled.outcome(line.id, facts) === outcome) same++;
    const expected = decided[outcome];
    if (expected === undefined) continue;
    decidedCount++;
    if (Boolean(jsonLogic.apply(lineRule(line, byId), withImplied[p])) === expected) logicAgrees++;
  }
});
report.line(
  `Agreement: the compiled outcome equals the interpreter's in ${same.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} line evaluations;`,
);
report.line(
  `json-logic (two-valued) agrees in ${logicAgrees.toLocaleString('en-US')} of the ${decidedCount.toLocaleString('en-US')} where the interpreter's outcome does not turn on an undocumented fact.`,
);
report.line('');

// The checker's use: every current line for one patient in one call.
const perPatient: number[] = [];
let evaluations = 0;
for (const p of patients.slice(0, 200)) evaluateAll(current, p, byId);
const started = performance.now();
for (let r = 0; r < 3; r++)
  for (const facts of patients) {
    const t0 = performance.now();
    evaluations += evaluateAll(current, facts, byId).length;
    perPatient.push(performance.now() - t0);
  }
const allRate = rate(evaluations, performance.now() - started);
perPatient.sort((a, b) => a - b);
const pct = (q: number) =>
  perPatient[Math.min(perPatient.length - 1, Math.floor(q * perPatient.length))]!;
report.line(`Every current line for one patient (evaluateAll, as the checker runs it):`);
report.line(
  `  ${fmtRate(allRate).trim()} line evaluations/s (${allRate >= 100_000 ? 'meets' : 'MISSES'} ≥ 100,000); median ${pct(0.5).toFixed(3)} ms, p99 ${pct(0.99).toFixed(3)} ms per patient (${pct(0.99) < 1 ? 'meets' : 'MISSES'} < 1 ms)`,
);
report.line('');
report.line(
  `Load average (1 min) during the interleaved rounds: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}; at the end ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}. The machine is shared: rates fall as the load rises, ratios much less.`,
);
report.save(values.write);
