/** Which lines the checker shows first: the member's, from the plan facts. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicySummary } from '../../../src/lib/checker/data.ts';
import { knownPayer, memberLines } from '../../../src/lib/checker/member.ts';
import type { EvaluablePolicy } from '../../../src/lib/engine/types.ts';
import { loadContent } from '../../helpers/content.ts';

let lines: EvaluablePolicy[];
let policies: Record<string, PolicySummary>;
beforeAll(async () => {
  const { content, current: all } = await loadContent();
  lines = all;
  policies = Object.fromEntries(
    [...content.policies].map(([id, p]) => {
      const payer = content.payers.get(p.payer)!;
      return [
        id,
        {
          title: p.title,
          version: p.version,
          payer: { name: payer.name, shortName: payer.shortName },
        },
      ];
    }),
  );
});

describe('the member’s lines', () => {
  it('are every line alike when no plan fact is documented', () => {
    expect(memberLines(lines, { ageYears: 55 }, policies)).toBeUndefined();
  });

  it('are the product line’s lines: Medicare Advantage is Cohere, Kaiser WA Medicare and MGB', () => {
    expect(memberLines(lines, { productLine: 'medicare-advantage' }, policies)).toEqual([
      'cohere-ma',
      'kaiser-wa-medicare',
      'mgb-medicare-advantage',
    ]);
  });

  it('narrow to the plan when its name is one BVN Atlas knows, written in any case', () => {
    expect(knownPayer('mass general brigham health plan', policies)?.name).toBe(
      'Mass General Brigham Health Plan',
    );
    expect(
      memberLines(
        lines,
        { healthPlan: 'Mass General Brigham Health Plan', productLine: 'medicaid' },
        policies,
      ),
    ).toEqual(['mgb-masshealth']);
    expect(knownPayer('Brigham', policies)).toBeUndefined();
  });

  it('fall back to the product’s lines when the plan has no policy for that product', () => {
    expect(
      memberLines(lines, { healthPlan: 'Aetna', productLine: 'medicare-advantage' }, policies),
    ).toEqual(['cohere-ma', 'kaiser-wa-medicare', 'mgb-medicare-advantage']);
  });

  it('for Original Medicare, keep the LCD known for the state of care, or every LCD when none is', () => {
    const ffs = (state?: string) =>
      memberLines(
        lines,
        { productLine: 'medicare-ffs', ...(state ? { state } : {}) } as never,
        policies,
      );
    expect(ffs()).toEqual(['lcd-l39420', 'lcd-l39642', 'lcd-l39644']);
    expect(ffs('MA')).toEqual(['lcd-l39420', 'lcd-l39642', 'lcd-l39644']);
    const wa = ffs('WA')!;
    expect(wa.length).toBe(1);
  });
});
