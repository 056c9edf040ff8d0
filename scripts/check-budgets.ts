/**
 * Size-budget gate: measures every page of dist/ (gzipped HTML, linked CSS, JavaScript run on
 * load) and pagefind's library, and exits 1 when any exceeds its budget (scripts/lib/budgets.ts).
 *
 *   node scripts/check-budgets.ts [--dist dist]
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pageBudgets, checkPage, pagefindLibrary, pagefindLibraryBudget } from './lib/budgets.ts';
import { filesWeight, kb, measureSite } from './lib/dist-files.ts';

const dist = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } }).values.dist;
if (!existsSync(`${dist}/index.html`)) {
  console.error(`Size budgets: ${dist}/index.html is missing. Run \`npm run build\` first.`);
  process.exit(1);
}

const weights = measureSite(dist);
const failures = weights.flatMap((w) => checkPage(w, pageBudgets));
const library = filesWeight(dist, pagefindLibrary);
const noJs = weights.filter((w) => w.scripts === 0).length;
const largest = [...weights].sort((a, b) => b.html - a.html)[0]!;

if (library.files.length === 0)
  failures.push({
    path: '/pagefind/',
    measure: 'js',
    actual: 0,
    limit: 0,
    why: 'pagefind did not write its library: the search page cannot work',
  });
else if (library.bytes > pagefindLibraryBudget)
  failures.push({
    path: '/pagefind/ (on first search)',
    measure: 'js',
    actual: library.bytes,
    limit: pagefindLibraryBudget,
    why: 'pagefind’s library (API, worker, WebAssembly, index metadata) ≤ 100 KB',
  });

if (failures.length > 0) {
  console.error(`Size budgets: ${failures.length} exceeded (gzipped bytes)\n`);
  for (const f of failures)
    console.error(
      f.measure === 'js' && f.limit === 0
        ? `  ${f.path}: runs JavaScript (${kb(f.actual)} gzipped) on a page that must have none — ${f.why}`
        : `  ${f.path}: ${f.measure} ${kb(f.actual)} > budget ${kb(f.limit)} (${f.actual - f.limit} bytes over) — ${f.why}`,
    );
  process.exit(1);
}
console.log(
  `Size budgets passed: ${weights.length} pages; ${noJs} carry no JavaScript; largest HTML ${largest.path} ${kb(largest.html)}; pagefind library ${kb(library.bytes)} of ${kb(pagefindLibraryBudget)}.`,
);
