/**
 * Benchmark figures have one home: docs/benchmarks.generated.md. Each benchmark script prints its
 * report and writes the same text into its own section of that file (between marker comments),
 * leaving the other benchmarks' sections as they were, so the figures in the docs are always the
 * ones a script last measured, with the machine and the date, and never typed by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** The benchmarks, in the order their sections appear. */
export const benchmarks = ['bench:engine', 'bench:checker', 'bench:site', 'bench:scale'] as const;
export type BenchmarkName = (typeof benchmarks)[number];

export const generatedFile = 'docs/benchmarks.generated.md';

const preamble = `# Benchmark figures (generated)

Written by the benchmark scripts (\`npm run bench:engine\`, \`bench:checker\`, \`bench:site\`,
\`bench:scale\`); each replaces only its own section. Do not edit by hand: run the script again.
What each benchmark measures and its targets: [benchmarks.md](benchmarks.md).
`;

const start = (name: BenchmarkName) => `<!-- ${name}: start -->`;
const end = (name: BenchmarkName) => `<!-- ${name}: end -->`;

/**
 * `doc` with the section of `name` replaced by `body` (or added, in the order of `benchmarks`).
 * Pure, so the tests can check that other sections are kept.
 */
export function replaceSection(doc: string, name: BenchmarkName, body: string): string {
  const sections = new Map<BenchmarkName, string>();
  for (const other of benchmarks) {
    const from = doc.indexOf(start(other));
    const to = doc.indexOf(end(other));
    if (from >= 0 && to > from) sections.set(other, doc.slice(from, to + end(other).length));
  }
  sections.set(name, `${start(name)}\n${body.trim()}\n${end(name)}`);
  const ordered = benchmarks.flatMap((b) => sections.get(b) ?? []);
  return `${preamble}\n${ordered.join('\n\n')}\n`;
}

/** The line every section starts with: when, on what. */
export function machineLine(date = new Date()): string {
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  return `Measured ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC on Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, load average ${load} (1, 5, 15 min) at the start.`;
}

/**
 * A benchmark's report: `line` prints and keeps a line; `save` writes the kept lines as the
 * benchmark's section (unless `write` is false, e.g. for a trial run with other options).
 * `preformatted` reports are plain text, kept in a code block; the others are Markdown.
 */
export function benchReport(name: BenchmarkName, options: { preformatted?: boolean } = {}) {
  const lines: string[] = [];
  const header = machineLine();
  console.log(`${name}: ${header}\n`);
  return {
    line(text = '') {
      console.log(text);
      lines.push(text);
    },
    save(write: boolean, file = generatedFile) {
      if (!write) return;
      const text = lines.join('\n').trim();
      const body = options.preformatted ? `\`\`\`text\n${text}\n\`\`\`` : text;
      let doc = '';
      try {
        doc = readFileSync(file, 'utf8');
      } catch {
        // First run: the file is created.
      }
      writeFileSync(file, replaceSection(doc, name, `## ${name}\n\n${header}\n\n${body}`));
      console.error(`${name}: figures written to ${file}`);
    },
  };
}
