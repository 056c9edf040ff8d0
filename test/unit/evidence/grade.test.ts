import { describe, expect, it } from 'vitest';
import { certaintyOf, certaintySymbols } from '../../../src/lib/evidence/grade.ts';

const step = (levels: 1 | 2) => ({
  domain: 'risk-of-bias' as const,
  levels,
  reason: 'r',
  citations: [{ source: 's', section: 'x' }],
});
const up = (levels: 1 | 2) => ({ ...step(levels), domain: 'large-effect' as const });

describe('GRADE certainty from the editors’ reasons', () => {
  it('starts randomised evidence at high and non-randomised at low', () => {
    expect(certaintyOf({ start: 'randomised', downgrades: [], upgrades: [] })).toBe('high');
    expect(certaintyOf({ start: 'observational', downgrades: [], upgrades: [] })).toBe('low');
  });

  it('rates down one level per serious and two per very serious reason', () => {
    expect(certaintyOf({ start: 'randomised', downgrades: [step(1)], upgrades: [] })).toBe(
      'moderate',
    );
    expect(certaintyOf({ start: 'randomised', downgrades: [step(1), step(1)], upgrades: [] })).toBe(
      'low',
    );
    expect(certaintyOf({ start: 'randomised', downgrades: [step(2), step(1)], upgrades: [] })).toBe(
      'very-low',
    );
  });

  it('never goes below very low or above high', () => {
    expect(certaintyOf({ start: 'observational', downgrades: [step(2)], upgrades: [] })).toBe(
      'very-low',
    );
    expect(certaintyOf({ start: 'observational', downgrades: [], upgrades: [up(2), up(1)] })).toBe(
      'high',
    );
  });

  it('marks each level with its four symbols', () => {
    expect(certaintySymbols('low')).toBe('⊕⊕◯◯');
    expect(certaintySymbols('high')).toBe('⊕⊕⊕⊕');
  });
});
