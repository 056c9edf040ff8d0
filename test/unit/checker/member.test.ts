/** Which lines the checker shows first: the member's, from the plan facts. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  knownPayer,
  memberLines,
  resultPlan,
  showAllUpTo,
} from '../../../src/lib/checker/member.ts';
import { planSummary } from '../../../src/lib/checker/plan-summary.ts';
import { splitCheckerData, type LineEntry } from '../../../src/lib/checker/split.ts';
import { checkerData } from '../../helpers/content.ts';

let lines: LineEntry[];
beforeAll(async () => {
  lines = splitCheckerData(await checkerData()).index.lines;
});

describe('the member’s lines', () => {
  it('are every line alike when no plan fact is documented', () => {
    expect(memberLines(lines, { ageYears: 55 })).toBeUndefined();
  });

  it('are the product line’s lines: Medicare Advantage is Cohere, Kaiser WA Medicare and MGB', () => {
    expect(memberLines(lines, { productLine: 'medicare-advantage' })).toEqual([
      'cohere-ma',
      'kaiser-wa-medicare',
      'mgb-medicare-advantage',
    ]);
  });

  it('narrow to the plan when its name is one BVN Atlas knows, written in any case', () => {
    expect(knownPayer('mass general brigham health plan', lines)?.name).toBe(
      'Mass General Brigham Health Plan',
    );
    expect(
      memberLines(lines, {
        healthPlan: 'Mass General Brigham Health Plan',
        productLine: 'medicaid',
      }),
    ).toEqual(['mgb-masshealth']);
    expect(knownPayer('Brigham', lines)).toBeUndefined();
  });

  it('fall back to the product’s lines when the plan has no policy for that product', () => {
    expect(memberLines(lines, { healthPlan: 'Aetna', productLine: 'medicare-advantage' })).toEqual([
      'cohere-ma',
      'kaiser-wa-medicare',
      'mgb-medicare-advantage',
    ]);
  });

  it('for Original Medicare, keep the LCD known for the state of care, or every LCD when none is', () => {
    const ffs = (state?: string) =>
      memberLines(lines, { productLine: 'medicare-ffs', ...(state ? { state } : {}) } as never);
    expect(ffs()).toEqual(['lcd-l39420', 'lcd-l39642', 'lcd-l39644']);
    expect(ffs('MA')).toEqual(['lcd-l39420', 'lcd-l39642', 'lcd-l39644']);
    const wa = ffs('WA')!;
    expect(wa.length).toBe(1);
  });
});

/** `count` lines from `payers` payers, each line for one product, round robin; payer 0 is "Plan 0". */
function catalogue(count: number, payers: number): LineEntry[] {
  const products = ['commercial', 'medicaid', 'medicare-advantage'] as const;
  return Array.from({ length: count }, (_, i) => ({
    id: `line-${i}`,
    policyId: `policy-${i % payers}`,
    policyName: `Policy ${i % payers}`,
    label: `Members of ${products[i % 3]} plans`,
    payer: { name: `Plan ${i % payers}`, shortName: `P${i % payers}`, kind: 'health-plan' },
    productLines: [products[i % 3]!],
  }));
}

describe('which cards the checker renders', () => {
  it(`shows every line of a catalogue of up to ${showAllUpTo} lines, the member’s first`, () => {
    const today = resultPlan(lines, {});
    expect(today.main).toEqual(lines.map((l) => l.id));
    expect(today.notShown).toBe(0);
    const ma = resultPlan(lines, { productLine: 'medicare-advantage' });
    expect(ma.main).toEqual(['cohere-ma', 'kaiser-wa-medicare', 'mgb-medicare-advantage']);
    expect(ma.main.length + ma.other.length).toBe(lines.length);
  });

  it('above the limit, shows none until a plan fact is entered, and says how many lines exist', () => {
    const big = catalogue(3000, 400);
    const plan = resultPlan(big, { ageYears: 55 });
    expect(plan).toEqual({ main: [], other: [], member: undefined, notShown: 3000 });
    expect(planSummary(plan, 3000)).toMatch(/3000 policy lines.*health plan or coverage type/);
  });

  it('above the limit, counts a product’s lines from every payer when the plan is not documented', () => {
    const big = catalogue(3000, 400);
    const plan = resultPlan(big, { productLine: 'medicaid' });
    // The plan is undocumented, so every payer's Medicaid line may apply: counted, not dropped.
    expect(plan.member).toHaveLength(1000);
    expect(plan.main).toEqual([]);
    expect(plan.notShown).toBe(3000);
    expect(planSummary(plan, 3000)).toMatch(/^1000 of the 3000 policy lines apply.*narrow/);
  });

  it('above the limit, renders only the member’s lines once the plan narrows them', () => {
    const big = catalogue(3000, 400);
    const plan = resultPlan(big, { healthPlan: 'plan 7', productLine: 'commercial' });
    expect(plan.main.length).toBeGreaterThan(0);
    expect(plan.main.length).toBeLessThanOrEqual(showAllUpTo);
    for (const id of plan.main) {
      const line = big.find((l) => l.id === id)!;
      expect(line.payer.name).toBe('Plan 7');
      expect(line.productLines).toContain('commercial');
    }
    expect(plan.other).toEqual([]);
    expect(plan.notShown).toBe(3000 - plan.main.length);
    expect(planSummary(plan, 3000)).toMatch(/other \d+ of the 3000 policy lines .* not shown/);
  });
});
