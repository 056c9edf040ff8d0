/**
 * The matrix views and the by-payer listings: which lines each view shows, how a view too wide
 * for one page is split, and that at 3,000 generated policies every page stays within the bound
 * that keeps it within its size budget (the built pages are weighed by `npm run bench:scale`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  byPayer,
  pairEntriesByPayer,
  pairEntriesPerPage,
  policiesPerPage,
} from '../../../src/lib/compare/listings.ts';
import {
  fullMatrixFits,
  matrixPageColumns,
  matrixViews,
  viewLines,
  viewMenu,
  type MatrixView,
  type ViewLine,
} from '../../../src/lib/compare/views.ts';
import { compilePolicies, type PolicyEntry } from '../../../src/lib/engine/compile.ts';
import { splitIntoParts, partRange } from '../../../src/lib/format/parts.ts';
import type { Payer } from '../../../src/lib/schema/payer.ts';
import type { Policy } from '../../../src/lib/schema/policy.ts';
import {
  ruleTemplates,
  syntheticPayerCount,
  syntheticPayers,
  syntheticPolicies,
} from '../../../scripts/lib/synthetic-policies.ts';
import { loadContent } from '../../helpers/content.ts';

let content: Awaited<ReturnType<typeof loadContent>>;
let views: MatrixView[];
const view = (id: string) => views.find((v) => v.id === id)!;

beforeAll(async () => {
  content = await loadContent();
  views = matrixViews(viewLines(content.current, content.content.policies, content.content.payers));
}, 300_000);

describe('views of the real catalogue', () => {
  it('offers one view per payer type and product line that has lines', () => {
    const ids = views.map((v) => v.id);
    expect(ids).toContain('payer-type-medicare-contractor');
    expect(ids).toContain('product-line-medicare-advantage');
    expect(view('payer-type-medicare-contractor').lines).toEqual([
      'lcd-l39420',
      'lcd-l39642',
      'lcd-l39644',
    ]);
    expect(view('product-line-medicaid').lines).toEqual(['mgb-masshealth']);
    for (const v of views) expect(v.lines.length).toBeGreaterThan(0);
  });

  it('offers a view per state: the LCD of its contractor and the plans of payers selling there', () => {
    // Noridian JF's states (inferred) include Washington, where Kaiser Permanente Washington sells.
    const wa = view('state-wa');
    expect(wa.label).toBe('State: WA');
    expect(wa.lines).toContain('lcd-l39642');
    expect(wa.lines).toEqual(
      expect.arrayContaining(['kaiser-wa-medicare', 'kaiser-wa-non-medicare']),
    );
    expect(view('state-ma').lines.every((l) => l.startsWith('mgb-'))).toBe(true);
    // A national payer's lines apply everywhere and are in no state's view.
    expect(views.filter((v) => v.facet === 'state').flatMap((v) => v.lines)).not.toContain(
      'cohere-ma',
    );
  });

  it('offers a view per payer, named by the payer, with each current line in exactly one', () => {
    const payerViews = views.filter((v) => v.facet === 'payer');
    expect(view('payer-mgb-health-plan').label).toBe('Payer: Mass General Brigham Health Plan');
    expect(payerViews.flatMap((v) => v.lines).sort()).toEqual(
      content.current.map((l) => l.id).sort(),
    );
  });

  it('keeps the full matrix at /compare/ while every line fits on one page', () => {
    expect(content.current.length).toBeLessThanOrEqual(matrixPageColumns);
    expect(fullMatrixFits(content.current.length)).toBe(true);
    expect(fullMatrixFits(matrixPageColumns + 1)).toBe(false);
    for (const v of views) expect(v.part).toMatchObject({ index: 1, count: 1, id: v.id });
  });
});

describe('a view wider than one page', () => {
  const line = (i: number, payer: string): ViewLine => ({
    id: `line-${String(i).padStart(2, '0')}`,
    productLines: ['commercial'],
    payer: { id: payer.toLowerCase(), name: payer, kind: 'health-plan' },
    states: [],
  });
  // 45 lines, payers interleaved in the column order.
  const lines = Array.from({ length: 45 }, (_, i) => line(i, ['Zeta', 'Alpha', 'Mid'][i % 3]!));
  const parts = matrixViews(lines, 20).filter((v) => v.facet === 'payer-type');

  it('is split into parts of at most the given number of lines; the first keeps the view’s id', () => {
    expect(parts.map((p) => p.id)).toEqual([
      'payer-type-health-plan',
      'payer-type-health-plan-part-2',
      'payer-type-health-plan-part-3',
    ]);
    expect(parts.map((p) => p.lines.length)).toEqual([20, 20, 5]);
    expect(parts.flatMap((p) => p.lines).sort()).toEqual(lines.map((l) => l.id).sort());
    expect(partRange(parts[1]!.part, 'lines')).toBe('lines 21–40 of 45');
    expect(partRange(parts[2]!.part, 'lines')).toBe('lines 41–45 of 45');
  });

  it('keeps a payer’s lines together, payers in name order, columns in matrix order', () => {
    const payerOf = (id: string) => lines.find((l) => l.id === id)!.payer.name;
    expect(parts[0]!.lines.map(payerOf).sort()).toEqual(
      Array(15).fill('Alpha').concat(Array(5).fill('Mid')),
    );
    expect(parts[0]!.lines).toEqual([...parts[0]!.lines].sort());
  });

  it('is listed once in the menu, with its line and page counts', () => {
    const group = viewMenu(parts).find((g) => g.facet === 'payer-type')!;
    expect(group.views).toEqual([
      {
        facet: 'payer-type',
        id: 'payer-type-health-plan',
        name: 'Health plans',
        lines: 45,
        parts: 3,
      },
    ]);
  });

  it('cannot be split into parts of no lines', () => {
    expect(() => splitIntoParts('x', [1, 2], 0)).toThrow(/part size must be a whole number ≥ 1/);
  });
});

describe('the comparison pages at 3,000 generated policies', () => {
  let policies: PolicyEntry[];
  let payers: Map<string, Payer>;
  let pages: MatrixView[];
  let current: ReturnType<typeof compilePolicies>;

  beforeAll(() => {
    const templates = ruleTemplates(
      [...content.content.policies.values()].filter((p) => p.status === 'current'),
    );
    const synthetic = syntheticPayers({ count: syntheticPayerCount(3000) });
    payers = new Map([...content.content.payers, ...synthetic]);
    const generated = syntheticPolicies({ count: 3000, templates, payerIds: [...payers.keys()] });
    const all = new Map<string, Policy>([...content.content.policies, ...generated]);
    policies = [...all].map(([id, data]) => ({ id, data }));
    current = compilePolicies(policies).filter((l) => !l.id.includes('@'));
    pages = matrixViews(viewLines(current, all, payers));
    // Generating and compiling 3,000 policies takes seconds; only a hang should reach the limit.
  }, 300_000);

  it('shows /compare/ as the index of views, each view page at most matrixPageColumns lines', () => {
    expect(current.length).toBeGreaterThan(3000);
    expect(fullMatrixFits(current.length)).toBe(false);
    const widest = Math.max(...pages.map((p) => p.lines.length));
    expect(widest).toBe(matrixPageColumns);
    // Every line is in its payer type's view and its payer's view, once each.
    for (const facet of ['payer-type', 'payer'] as const)
      expect(pages.filter((p) => p.facet === facet).flatMap((p) => p.lines).length).toBe(
        current.length,
      );
  });

  it('lists a bounded number of views on the index: 5 types, 6 products, the states, the payers', () => {
    const menu = viewMenu(pages);
    const count = (facet: string) => menu.find((g) => g.facet === facet)!.views.length;
    expect(count('state')).toBeGreaterThan(45);
    expect(count('payer')).toBeGreaterThan(250);
    // About 40 bytes gzipped per entry: 500 entries stay far inside the index's 40 KB.
    expect(menu.flatMap((g) => g.views).length).toBeLessThan(500);
  });

  it('splits /policies/ by payer, each payer’s page at most policiesPerPage policies', () => {
    const listings = byPayer(
      policies,
      (p) => ({ id: p.data.payer, name: p.data.payer }),
      policiesPerPage,
    );
    expect(listings.length).toBeGreaterThan(250);
    expect(
      Math.max(...listings.flatMap((l) => l.parts.map((p) => p.items.length))),
    ).toBeLessThanOrEqual(policiesPerPage);
    // The busiest payer has more than one page, so the split is exercised.
    expect(Math.max(...listings.map((l) => l.parts.length))).toBeGreaterThan(1);
  });

  it('splits the pair index by payer, each page at most pairEntriesPerPage entries', () => {
    // The build pre-renders at most 780 pairs (src/data/comparison.ts), those sharing a product
    // line first in line-id order: at this size all of them involve the first line or two, so
    // the worst case is one line paired with 780 others, all listed under its payer.
    const [first, ...others] = [...current].sort((x, y) => x.id.localeCompare(y.id));
    const pairs = others.slice(0, 780).map((other) => [first!, other] as const);
    const policyOf = new Map(policies.map((p) => [p.id, p.data]));
    const listings = pairEntriesByPayer(
      pairs,
      (l) => ({ id: policyOf.get(l.policyId)!.payer, name: policyOf.get(l.policyId)!.payer }),
      (l) => l.id,
    );
    const sizes = listings.flatMap((l) => l.parts.map((p) => p.items.length));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2 * pairs.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(pairEntriesPerPage);
    expect(Math.max(...listings.map((l) => l.parts.length))).toBeGreaterThan(1);
  });
});
