import { describe, expect, it } from 'vitest';
import { isVerified, resolveOutcome, timepointText } from '../../../src/lib/charts/select.ts';
import { fixtureStudy, lookup, outcomeRef } from './fixtures.ts';

const studies = lookup({
  alpha: fixtureStudy('Alpha', [
    { id: 'a-3m', arm: 'bvna', months: 3, value: -20 },
    {
      id: 'diff',
      arm: 'between-arms',
      months: 3,
      value: -5,
      verification: 'inference',
      derivedFrom: { minuend: 'a-3m', subtrahend: 's-3m' },
    },
    { id: 's-3m', arm: 'sham', months: 3, value: -15, verification: 'seed-only' },
  ]),
});

describe('resolving chart data from study entries', () => {
  it('returns the row exactly as the entry holds it, with its arm and study names', () => {
    const d = resolveOutcome(studies, outcomeRef('alpha', 'a-3m'));
    expect(d.result.value).toBe(-20);
    expect(d.armLabel).toBe('Ablation');
    expect(d.armRole).toBe('treatment');
    expect(d.studyShortName).toBe('Alpha');
    expect(d.derived).toBe(false);
  });

  it('marks a derived row and labels a between-arms row', () => {
    const d = resolveOutcome(studies, outcomeRef('alpha', 'diff'));
    expect(d.derived).toBe(true);
    expect(d.armRole).toBe('between-arms');
    expect(isVerified(d)).toBe(false);
  });

  it('names the missing outcome and lists the ones the study has', () => {
    expect(() => resolveOutcome(studies, outcomeRef('alpha', 'nope'))).toThrow(
      /study "alpha" has no outcome "nope" \(expected one of: a-3m, diff, s-3m\)/,
    );
  });

  it('names a missing study', () => {
    expect(() => resolveOutcome(studies, outcomeRef('beta', 'a-3m'))).toThrow(/no study "beta"/);
  });

  it('writes timepoints in words, preferring the source’s own wording', () => {
    expect(timepointText({ months: 1 })).toBe('1 month');
    expect(timepointText({ months: 24 })).toBe('24 months');
    expect(timepointText({ months: 3, timepointNote: 'not stated' })).toBe('not stated');
  });
});
