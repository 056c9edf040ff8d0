/**
 * Content-Security-Policy gate over every built page (rules in scripts/lib/csp.ts). Exits 1
 * with one line per problem: `page: problem`.
 *
 *   node scripts/check-csp.ts [--dist dist]
 */
import { existsSync, readFileSync } from 'node:fs';
import { cspProblems } from './lib/csp.ts';
import { fileFor, htmlPages } from './lib/dist-files.ts';

/** Pagefind searches in WebAssembly: only the search page may compile it. */
const wasmPages = [/^\/search\/$/];

const args = process.argv.slice(2);
const dist = args.includes('--dist') ? args[args.indexOf('--dist') + 1]! : 'dist';
if (!existsSync(`${dist}/index.html`)) {
  console.error(`CSP check: ${dist}/index.html is missing. Run \`npm run build\` first.`);
  process.exit(1);
}
const pages = htmlPages(dist);
const problems = pages.flatMap((path) =>
  cspProblems(readFileSync(fileFor(dist, path), 'utf8'), path, { wasmPages }).map(
    (p) => `${path}: ${p}`,
  ),
);
if (problems.length > 0) {
  console.error(
    `Content-Security-Policy check failed: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`,
  );
  console.error(problems.map((p) => `  ${p}`).join('\n'));
  process.exit(1);
}
console.log(
  `Content-Security-Policy check passed: ${pages.length} pages, each with a CSP <meta>, no unhashed inline script and no third-party origin.`,
);
