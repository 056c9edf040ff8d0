/**
 * Search finds codes and numbers (issue 12): a reader who types a CPT code, an LCD or billing
 * article number, a payer's policy number or a coding term lands first on the policy, LCD or
 * matrix page that uses it, before AI-answer sources and claims that merely mention it. The
 * table is the specification; a ranking change that breaks a row fails here.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './harness.ts';

const env = useSite();

/** Any policy or LCD page, or the criteria matrix: the pages that apply a code. */
const policyOrMatrix = /^\/(policies\/[^/]+|compare)\/$/;

/** Query → the first result expected: an exact path, or a pattern of acceptable paths. */
const expectedFirst: [query: string, first: string | RegExp][] = [
  ['64628', policyOrMatrix],
  ['64629', policyOrMatrix],
  ['CPT 64628', policyOrMatrix],
  ['L39420', '/policies/lcd-l39420/'],
  ['L39642', '/policies/lcd-l39642/'],
  ['L39644', '/policies/lcd-l39644/'],
  ['A59468', '/policies/lcd-l39644/'],
  ['CPB 0016', '/policies/aetna-cpb-0016/'],
  ['0016', '/policies/aetna-cpb-0016/'],
  ['097', '/policies/mgb-097-2026-01/'],
  ['15-01-004', '/policies/highmark-15-01-004/'],
  ['KX modifier', '/policies/lcd-l39644/'],
  ['Modic type 3', '/compare/'],
];

/** The result paths in the order shown, once the live region has announced the search. */
async function firstResults(page: Page, query: string): Promise<string[]> {
  await page.goto(new URL(`/search/?q=${encodeURIComponent(query)}`, env.site.url).href);
  await page.waitForFunction(
    () => (document.querySelector('#search-status')?.textContent ?? '') !== '',
  );
  return page.$$eval('#search-results li h3 a', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
}

describe('search for codes and numbers', () => {
  it('puts the policy, LCD or matrix page that uses each code first', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const rows: string[] = [];
    const wrong: string[] = [];
    for (const [query, first] of expectedFirst) {
      const results = await firstResults(page, query);
      const ok =
        results[0] !== undefined &&
        (typeof first === 'string' ? results[0] === first : first.test(results[0]));
      rows.push(
        `${ok ? 'ok  ' : 'MISS'} ${query.padEnd(14)} → ${results.slice(0, 3).join(', ') || '(none)'}`,
      );
      if (!ok)
        wrong.push(
          `"${query}": expected ${String(first)} first, got ${results.slice(0, 3).join(', ') || 'nothing'}`,
        );
    }
    await context.close();
    console.log(`[search]\n${rows.join('\n')}`);
    expect(wrong).toEqual([]);
  });
});
