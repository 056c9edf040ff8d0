/**
 * Medicare lines that pick an LCD by state: known, inferred or unknown per state; where it is
 * unknown whether an LCD covers the state, both readings, and an answer only where they agree.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../../src/lib/engine/evaluate.ts';
import { stateJurisdiction } from '../../../src/lib/engine/jurisdiction.ts';
import type { EvaluablePolicy, LcdCandidate } from '../../../src/lib/engine/types.ts';
import type { PatientFacts } from '../../../src/lib/facts/schema.ts';
import { baseline, loadContent } from '../../helpers/content.ts';

let byId: Map<string, EvaluablePolicy>;
beforeAll(async () => ({ byId } = await loadContent()));
const mgb = (facts: PatientFacts) =>
  evaluatePolicy(byId.get('mgb-medicare-advantage')!, facts, { policies: byId });

const jf: LcdCandidate = { id: 'lcd-jf', states: ['WA', 'OR'], verification: 'inference' };
const je: LcdCandidate = { id: 'lcd-je', states: ['CA'], verification: 'verified' };
const unread: LcdCandidate = { id: 'lcd-unread', states: [], verification: 'not-found' };

describe('stateJurisdiction', () => {
  it('is known where a verified state list names the state', () => {
    expect(stateJurisdiction('CA', [jf, je, unread])).toEqual({
      status: 'known',
      lcd: je,
      possible: [],
    });
  });

  it('is inferred where only an inferred list names it', () => {
    expect(stateJurisdiction('WA', [jf, je, unread])).toMatchObject({
      status: 'inferred',
      lcd: jf,
    });
  });

  it('is unknown elsewhere while an LCD’s states could not be read', () => {
    expect(stateJurisdiction('MA', [jf, je, unread])).toEqual({
      status: 'unknown',
      possible: [unread],
    });
  });

  it('is "no LCD" only when every candidate’s states are listed', () => {
    expect(stateJurisdiction('MA', [je])).toEqual({ status: 'known', possible: [] });
    expect(stateJurisdiction('MA', [jf, je])).toEqual({ status: 'inferred', possible: [] });
  });
});

describe('MGB Medicare Advantage by state of care', () => {
  it('answers "depends on which LCD applies" for a 22-year-old treated in Massachusetts', () => {
    const result = mgb({ ...baseline(), ageYears: 22, state: 'MA' });
    expect(result.outcome).toBe('depends-on-lcd');
    expect(result.branches).toEqual([
      { policy: 'lcd-l39420', outcome: 'meets' },
      { policy: 'mgb-medicare-advantage', outcome: 'fails' },
    ]);
    expect(result.summary).toMatch(/turns on whether L39420 covers MA/);
    expect(result.settle).toEqual([expect.stringMatching(/^Find whether L39420 applies in MA/)]);
    // The age rule that fails is MGB's own, and is shown as such.
    expect(result.failed.map((f) => f.concept)).toEqual(['minimum-age']);
    expect(result.summary).not.toMatch(/in this state/);
  });

  it('answers where both readings agree: BMI 45 in Massachusetts fails under both', () => {
    const result = mgb({ ...baseline(), bmi: 45, state: 'MA' });
    expect(result.outcome).toBe('fails');
    expect(result.summary).toMatch(
      /^Whether L39420 applies in MA is not known, but the outcome is the same/,
    );
  });

  it('applies the inferred LCD in Washington, with a caution', () => {
    const result = mgb({ ...baseline(), ageYears: 22, state: 'WA' });
    expect(result.outcome).toBe('meets');
    expect(result.appliedPolicy).toBe('lcd-l39642');
    expect(result.caveats.join(' ')).toMatch(/That L39642 applies in WA is the editors’ inference/);
  });

  it('with no state documented, evaluates every LCD (L39420 included) and never says "in this state"', () => {
    const agree = mgb({ ...baseline(), bmi: 45 });
    expect(agree.outcome).toBe('fails');
    expect(agree.branches?.map((b) => b.policy)).toEqual([
      'lcd-l39642',
      'lcd-l39644',
      'lcd-l39420',
      'mgb-medicare-advantage',
    ]);
    expect(agree.summary).not.toMatch(/in this state/);
    const open = mgb({ ...baseline(), ageYears: 22 });
    expect(open.outcome).toBe('needs-documentation');
    expect(open.missing[0]).toBe('Document the state where the procedure will be done.');
    expect(open.summary).not.toMatch(/in this state/);
  });
});
