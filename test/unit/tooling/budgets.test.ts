import { describe, expect, it } from 'vitest';
import { checkPage, limitsFor, pageBudgets } from '../../../scripts/lib/budgets.ts';
import type { PageWeight } from '../../../scripts/lib/dist-files.ts';

const KB = 1024;
const weight = (path: string, w: Partial<PageWeight> = {}): PageWeight => ({
  path,
  html: 3 * KB,
  css: 2 * KB,
  js: 0,
  scripts: 0,
  assets: [],
  ...w,
});

describe('size budgets', () => {
  it('passes a small content page with no script', () => {
    expect(checkPage(weight('/policies/cohere-ma-v3/'))).toEqual([]);
  });

  it('fails a content page that carries any script, however small', () => {
    const failures = checkPage(weight('/policies/cohere-ma-v3/', { scripts: 1, js: 0 }));
    expect(failures).toMatchObject([{ measure: 'js', limit: 0 }]);
  });

  it('fails a page whose HTML exceeds 15 KB, saying by how much', () => {
    expect(checkPage(weight('/about/', { html: 15 * KB + 1 }))).toMatchObject([
      { measure: 'html', actual: 15 * KB + 1, limit: 15 * KB },
    ]);
  });

  it('holds the home and study pages to HTML + CSS ≤ 14 KB, but not other pages', () => {
    const heavy = { html: 12 * KB, css: 3 * KB };
    expect(checkPage(weight('/', heavy)).map((f) => f.measure)).toEqual(['htmlPlusCss']);
    expect(checkPage(weight('/studies/smart-2018/', heavy)).map((f) => f.measure)).toEqual([
      'htmlPlusCss',
    ]);
    expect(checkPage(weight('/studies/', heavy))).toEqual([]);
    expect(checkPage(weight('/policies/x/', heavy))).toEqual([]);
  });

  it('lets the islands run script within their own budgets', () => {
    expect(checkPage(weight('/search/', { scripts: 1, js: 2 * KB }))).toEqual([]);
    expect(checkPage(weight('/search/', { scripts: 1, js: 7 * KB }))).toMatchObject([
      { measure: 'js', limit: 6 * KB },
    ]);
    expect(checkPage(weight('/check/', { scripts: 1, js: 20 * KB }))).toEqual([]);
    expect(checkPage(weight('/check/', { scripts: 1, js: 28 * KB }))).toMatchObject([
      { measure: 'js', limit: 27.5 * KB },
    ]);
    // The letter carries the packet model and its own: a larger budget for that page only.
    expect(checkPage(weight('/check/letter/', { scripts: 1, js: 32 * KB }))).toEqual([]);
    expect(checkPage(weight('/check/packet/', { scripts: 1, js: 32 * KB }))).toMatchObject([
      { measure: 'js', limit: 27.5 * KB },
    ]);
    expect(checkPage(weight('/bibliography/export/', { scripts: 1, js: 1 * KB }))).toEqual([]);
    expect(checkPage(weight('/bibliography/export/', { scripts: 1, js: 5 * KB }))).toMatchObject([
      { measure: 'js', limit: 4 * KB },
    ]);
    // The bibliography itself lists every source (a larger HTML budget) and runs no script.
    expect(checkPage(weight('/bibliography/', { html: 20 * KB }))).toEqual([]);
    expect(checkPage(weight('/bibliography/', { html: 30 * KB + 1 }))).toMatchObject([
      { measure: 'html', limit: 30 * KB },
    ]);
    expect(checkPage(weight('/bibliography/', { scripts: 1, js: 1 * KB }))).toMatchObject([
      { measure: 'js', limit: 0 },
    ]);
  });

  it('gives the matrix a larger HTML budget but not pairwise pages', () => {
    expect(limitsFor('/compare/').limits.html).toBe(40 * KB);
    expect(limitsFor('/compare/views/product-line-qhp/').limits.html).toBe(40 * KB);
    expect(limitsFor('/compare/views/').limits.html).toBe(15 * KB);
    expect(limitsFor('/check/').limits.html).toBe(20 * KB);
    expect(limitsFor('/check/packet/').limits.html).toBe(15 * KB);
    expect(limitsFor('/compare/cohere-ma-v3/mgb-097-2026-01/').limits.html).toBe(15 * KB);
    expect(limitsFor('/compare/cohere-ma-v3/mgb-097-2026-01/').limits.js).toBe(0);
  });

  it('explains every limit', () => {
    for (const budget of pageBudgets) expect(budget.why.length).toBeGreaterThan(20);
  });
});
