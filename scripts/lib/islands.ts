/**
 * The interactive islands: the only pages allowed to run script (principle 5: zero JavaScript on
 * content pages). The static gate fails a script anywhere else; the size budgets
 * (scripts/lib/budgets.ts) say how much each island may load; the browser tests visit every one.
 */
import { elements, isActiveScript, type HtmlDocument } from './html.ts';

export const islandPages: readonly RegExp[] = [
  /^\/check\//, // the eligibility checker and its appeal packet
  /^\/search\/$/, // pagefind search
  /^\/bibliography\/export\/$/, // the citation basket
  /^\/compare\/pair\/$/, // any two policy lines compared in the browser
];

export function isIsland(path: string): boolean {
  return islandPages.some((re) => re.test(path));
}

/** Pages allowed `'wasm-unsafe-eval'`: pagefind searches in WebAssembly on the search page only. */
export const wasmPages: readonly RegExp[] = [/^\/search\/$/];

/** A script on a content page, if any. */
export function scriptProblems(doc: HtmlDocument, path: string): string[] {
  if (isIsland(path)) return [];
  const scripts = elements(doc).filter(isActiveScript).length;
  return scripts > 0
    ? [
        `${scripts} script element${scripts === 1 ? '' : 's'} on a content page (only islands may run script)`,
      ]
    : [];
}
