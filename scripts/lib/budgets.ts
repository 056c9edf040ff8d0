/**
 * Size budgets for the built site, in gzipped bytes, and the pure check that applies them.
 * `npm run test:budgets` fails when a page or the search library exceeds its budget; the
 * figures themselves are printed by `npm run bench:site`.
 *
 * Why these numbers: Starlight's own CI budgets (≤ 7 kB HTML per page, ≤ 16.75 kB CSS), loosened
 * to ≤ 15 kB HTML per page for this site's bigger tables; ≤ 27.5 kB for the checker island; pagefind's
 * own "closer to 100kB" payload for most sites; 14 KB of HTML + CSS for first paint in one round
 * trip (about ten TCP segments of an initial congestion window); and no JavaScript on content
 * pages. docs/testing.md explains each budget.
 */
import type { PageWeight } from './dist-files.ts';

const KB = 1024;

export interface Limits {
  /** Gzipped HTML of the page. */
  html?: number;
  /** Gzipped CSS the page links. */
  css?: number;
  /** Gzipped JavaScript the page runs on load (0: no script at all). */
  js?: number;
  /** Gzipped HTML and CSS together: what the first paint needs. */
  htmlPlusCss?: number;
}

export interface PageBudget {
  /** Which URL paths the limits apply to. */
  match: RegExp;
  limits: Limits;
  /** Why the limit is what it is (printed with a failure). */
  why: string;
}

/** Later entries override earlier ones for the limits they set. */
export const pageBudgets: readonly PageBudget[] = [
  {
    match: /^/,
    limits: { html: 15 * KB, css: 6 * KB, js: 0 },
    why: 'every page: HTML ≤ 15 KB, one small stylesheet, and no JavaScript on content pages',
  },
  {
    match: /^\/$|^\/studies\/[^/]+\/$/,
    limits: { htmlPlusCss: 14 * KB },
    why: 'home and study pages paint in one round trip: HTML + CSS ≤ 14 KB',
  },
  {
    match: /^\/compare\/(views\/[^/]+\/)?$/,
    limits: { html: 40 * KB },
    why: 'the criteria matrix is one table of every concept × every current policy (a view holds some of its columns), plus its grouped print copy; 40 KB keeps it under a second on a slow 3G link',
  },
  {
    match: /^\/compare\/evidence\/(page\/\d+\/)?$/,
    limits: { html: 40 * KB },
    why: 'payers against the evidence is the matrix again, every payer rule of 20 policy lines a page with its provenance; the matrix’s 40 KB',
  },
  {
    match: /^\/check\//,
    limits: { js: 27.5 * KB, css: 10 * KB },
    why: 'the eligibility checker is an island: its script (engine + form) ≤ 27.5 KB (25 KB until the engine gained its compiled status evaluator, about 1 KB, which decides every outcome; 27 KB until it read the bundle of every line, 0.3 KB, which cuts the policy data of a visit at 15 lines from 53 KB to 13 KB)',
  },
  {
    match: /^\/check\/$/,
    limits: { html: 20 * KB },
    why: 'the checker page holds the whole fact form in HTML (43 groups, every fact any policy asks; 7.6 KB of the 15.5 KB measured when the letter links were added); its result cards are drawn from the line data, so the page does not grow with the catalogue ≤ 20 KB',
  },
  {
    match: /^\/check\/packet\/$/,
    limits: { js: 27.5 * KB },
    why: 'the appeal packet island: its model is shared with the letter page (one more file, about 0.4 KB), the engine carries its compiled status evaluator (about 1 KB) and it reads the bundle of every line (0.3 KB) ≤ 27.5 KB',
  },
  {
    match: /^\/check\/letter\/$/,
    limits: { js: 35 * KB },
    why: 'the appeal letter is an island: the engine and the packet model plus the letter model and its cited guide (31 KB when it was added) ≤ 35 KB',
  },
  {
    match: /^\/bibliography\/$/,
    limits: { html: 30 * KB },
    why: 'the bibliography lists every source (65 today), each with its AMA reference and export links',
  },
  {
    match: /^\/bibliography\/export\/$/,
    limits: { js: 4 * KB },
    why: 'the citation basket is an island: its script joins the chosen sources’ citation files',
  },
  {
    match: /^\/compare\/pair\/$/,
    limits: { js: 42 * KB },
    why: 'the browser pair page is an island: its own script (the form and the DOM renderer, 2.2 KB) and the worker it starts, which carries the comparison (diff, example patients, the engine and the fact catalogue; 37.4 KB when it was added) ≤ 42 KB; the worker is counted as loaded on load, though it starts only once a pair is chosen',
  },
  {
    match: /^\/search\//,
    limits: { js: 6 * KB },
    why: 'the search island’s own script; pagefind itself loads only when search is used and has its own budget',
  },
];

/** Files fetched on first use of search: pagefind's API, its worker, the WebAssembly and the index metadata. */
export const pagefindLibrary =
  /^pagefind\/(pagefind\.js|pagefind-worker\.js|wasm\.en\.pagefind|pagefind-entry\.json|pagefind\.en_[^/]+\.pf_meta)$/;
/** Pagefind's own figure for most sites ("closer to 100kB"), index chunks included; the library alone must fit. */
export const pagefindLibraryBudget = 100 * KB;

/** The limits that apply to one page. */
export function limitsFor(
  path: string,
  budgets: readonly PageBudget[] = pageBudgets,
): { limits: Limits; why: Partial<Record<keyof Limits, string>> } {
  const limits: Limits = {};
  const why: Partial<Record<keyof Limits, string>> = {};
  for (const budget of budgets) {
    if (!budget.match.test(path)) continue;
    for (const [key, value] of Object.entries(budget.limits) as [keyof Limits, number][]) {
      limits[key] = value;
      why[key] = budget.why;
    }
  }
  return { limits, why };
}

/** One exceeded limit. */
export interface BudgetFailure {
  path: string;
  measure: keyof Limits;
  actual: number;
  limit: number;
  why: string;
}

/** Every limit a page exceeds. */
export function checkPage(
  weight: PageWeight,
  budgets: readonly PageBudget[] = pageBudgets,
): BudgetFailure[] {
  const { limits, why } = limitsFor(weight.path, budgets);
  const actual: Record<keyof Limits, number> = {
    html: weight.html,
    css: weight.css,
    js: weight.js,
    htmlPlusCss: weight.html + weight.css,
  };
  const failures: BudgetFailure[] = [];
  for (const [measure, limit] of Object.entries(limits) as [keyof Limits, number][]) {
    // A zero JS budget means no script element at all, not merely a tiny one.
    const value =
      measure === 'js' && limit === 0 && weight.scripts > 0
        ? Math.max(actual.js, 1)
        : actual[measure];
    if (value > limit)
      failures.push({ path: weight.path, measure, actual: value, limit, why: why[measure] ?? '' });
  }
  return failures;
}
