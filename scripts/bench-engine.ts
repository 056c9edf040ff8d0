/**
 * Engine benchmark (prints figures; not a test): policy evaluations per second over every
 * current policy line with random valid patients, and the time to evaluate all lines for one
 * patient (median and 99th percentile). Targets: ≥ 100,000 evaluations/s, < 1 ms per patient.
 *
 *   npm run bench:engine [-- --patients 2000 --rounds 5] [--no-write]
 *
 * Writes its figures to docs/benchmarks.generated.md (not with --no-write).
 */
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { loadCompiledContent } from '../src/loaders/content-files.ts';
import { evaluateAll } from '../src/lib/engine/evaluate.ts';
import { baselinePatient } from '../src/lib/compare/baseline.ts';
import { arbitraryFacts, arbitraryNear } from './lib/arbitrary-facts.ts';
import { benchReport } from './lib/bench-report.ts';
import { countOption, parseFlags } from './lib/flags.ts';

const { values } = parseFlags('bench:engine', {
  patients: { type: 'string', default: '2000' },
  rounds: { type: 'string', default: '5' },
  write: { type: 'boolean', default: true },
});
const patientsCount = countOption('bench:engine', 'patients', values.patients);
const rounds = countOption('bench:engine', 'rounds', values.rounds);
const report = benchReport('bench:engine', { preformatted: true });

const { lines } = await loadCompiledContent(fileURLToPath(new URL('..', import.meta.url)));
const current = lines.filter((l) => !l.id.includes('@'));
const byId = new Map(lines.map((l) => [l.id, l]));
const patients = fc.sample(fc.oneof(arbitraryFacts, arbitraryNear(baselinePatient())), {
  numRuns: patientsCount,
  seed: 20261125,
});

// As the checker and the CLI do: every current line for one patient in one call.
const evaluateEveryLine = (facts: (typeof patients)[number]) =>
  evaluateAll(current, facts, byId).length;

// Warm up the JIT before measuring.
for (const p of patients.slice(0, 200)) evaluateEveryLine(p);

const perPatient: number[] = [];
let evaluations = 0;
const started = performance.now();
for (let r = 0; r < rounds; r++)
  for (const facts of patients) {
    const t0 = performance.now();
    evaluations += evaluateEveryLine(facts);
    perPatient.push(performance.now() - t0);
  }
const seconds = (performance.now() - started) / 1000;
perPatient.sort((a, b) => a - b);
const pct = (q: number) =>
  perPatient[Math.min(perPatient.length - 1, Math.floor(q * perPatient.length))]!;
const rate = evaluations / seconds;
const p99 = pct(0.99);

const rows: [string, string, string][] = [
  ['policy lines evaluated per patient', String(current.length), ''],
  ['patients × rounds', `${patients.length} × ${rounds}`, ''],
  [
    'evaluations per second',
    Math.round(rate).toLocaleString('en-US'),
    rate >= 100_000 ? 'meets ≥ 100,000' : 'MISSES ≥ 100,000',
  ],
  ['all lines for one patient, median', `${pct(0.5).toFixed(3)} ms`, ''],
  [
    'all lines for one patient, p99',
    `${p99.toFixed(3)} ms`,
    p99 < 1 ? 'meets < 1 ms' : 'MISSES < 1 ms',
  ],
];
const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, value, verdict] of rows)
  report.line(`${name.padEnd(width)}  ${value.padStart(12)}  ${verdict}`.trimEnd());
report.save(values.write);
