/**
 * The computed figures of the summary of findings against examples worked by hand (the arithmetic
 * is in each comment) and one published example (Newcombe 1998, Statistics in Medicine 17:873,
 * table II: 56/70 against 48/80, method 10 interval 0.0524 to 0.3339).
 */
import { describe, expect, it } from 'vitest';
import {
  absoluteFromRelativeRisk,
  numberNeededToTreat,
  percentageDifference,
  proportionPer100,
  riskDifferencePer100,
  roundComputed,
  wilsonInterval,
  zeroEventUpperLimitPer100,
} from '../../../src/lib/evidence/absolute.ts';

describe('risk differences per 100 patients', () => {
  it("reproduces Newcombe's published hybrid score interval", () => {
    const d = riskDifferencePer100({ events: 56, total: 70 }, { events: 48, total: 80 });
    expect(d.value).toBeCloseTo(20, 6);
    expect(d.ci![0]).toBeCloseTo(5.24, 2);
    expect(d.ci![1]).toBeCloseTo(33.39, 2);
  });

  it('gives INTRACEPT’s 3-month 15-point responders as 48.5 more per 100 (31.0 to 61.7)', () => {
    // 45/65 = 69.23%, 11/53 = 20.75%; 69.23 − 20.75 = 48.48 per 100.
    const d = riskDifferencePer100({ events: 45, total: 65 }, { events: 11, total: 53 });
    expect(roundComputed(d.value)).toBe(48.5);
    expect(roundComputed(d.ci![0])).toBe(31);
    expect(roundComputed(d.ci![1])).toBe(61.7);
  });

  it('subtracts percentages when no counts are known, and gives no interval', () => {
    // 75.6 − 55.3 = 20.3
    const d = percentageDifference(75.6, 55.3);
    expect(d.value).toBeCloseTo(20.3, 6);
    expect(d.ci).toBeUndefined();
  });

  it('keeps Wilson’s interval inside 0 to 1 even with no events', () => {
    // Wilson for 0/10: centre (0 + 3.84/20)/(1 + 3.84/10) = 0.1388, half-width the same: [0, 0.2775].
    const [lower, upper] = wilsonInterval(0, 10);
    expect(lower).toBe(0);
    expect(upper).toBeCloseTo(0.2775, 3);
  });

  it('refuses impossible counts with a message naming them', () => {
    expect(() => wilsonInterval(5, 3)).toThrow(/5 of 3/);
  });
});

describe('absolute effects from a relative risk', () => {
  it('applies Conger 2021’s ratio against sham to SMART’s sham responder rate', () => {
    // 55.3 × (1.38 − 1) = 21.01; 55.3 × 0.10 = 5.53; 55.3 × 0.73 = 40.37.
    const d = absoluteFromRelativeRisk(55.3, 1.38, [1.1, 1.73]);
    expect(roundComputed(d.value)).toBe(21);
    expect(roundComputed(d.ci![0])).toBe(5.5);
    expect(roundComputed(d.ci![1])).toBe(40.4);
  });

  it('gives fewer patients per 100 for a ratio below one', () => {
    expect(absoluteFromRelativeRisk(40, 0.75).value).toBeCloseTo(-10, 6);
  });
});

describe('numbers needed to treat', () => {
  it('rounds up, and turns the difference’s interval into an NNT interval', () => {
    // 100 / 48.48 = 2.06 → 3; 100 / 61.68 = 1.62 → 2; 100 / 30.98 = 3.23 → 4.
    const nnt = numberNeededToTreat({ value: 48.48, ci: [30.98, 61.68] });
    expect(nnt).toEqual({
      direction: 'benefit',
      value: 3,
      ci: { kind: 'same-side', limits: [2, 4] },
    });
  });

  it('gives NNT 5 (3 to 19) for the sham comparison', () => {
    // 100 / 21.01 = 4.76 → 5; 100 / 40.37 = 2.48 → 3; 100 / 5.53 = 18.08 → 19.
    expect(numberNeededToTreat({ value: 21.014, ci: [5.53, 40.369] })).toEqual({
      direction: 'benefit',
      value: 5,
      ci: { kind: 'same-side', limits: [3, 19] },
    });
  });

  it('writes an interval that crosses no difference as benefit to infinity to harm', () => {
    // 100 / 10 = 10; benefit limit 100 / 25 = 4; harm limit 100 / 5 = 20.
    expect(numberNeededToTreat({ value: 10, ci: [-5, 25] })).toEqual({
      direction: 'benefit',
      value: 10,
      ci: { kind: 'spans-zero', benefit: 4, harm: 20 },
    });
  });

  it('calls a difference favouring the comparator a number needed to harm', () => {
    expect(numberNeededToTreat({ value: -20 })).toEqual({ direction: 'harm', value: 5 });
  });

  it('gives no number when there is no difference', () => {
    expect(numberNeededToTreat({ value: 0 })).toEqual({ direction: 'none' });
  });
});

describe('rates per 100 for harms', () => {
  it('gives the exact upper limit when no event occurred', () => {
    // 1 − 0.025^(1/100) = 1 − e^(ln 0.025 / 100) = 1 − e^(−0.03689) = 0.0362.
    expect(zeroEventUpperLimitPer100(100)).toBeCloseTo(3.62, 2);
    // 1 − 0.025^(1/147) = 0.0248: close to, and above, the rule of three (3/147 = 0.0204).
    expect(roundComputed(zeroEventUpperLimitPer100(147))).toBe(2.5);
    expect(zeroEventUpperLimitPer100(147)).toBeGreaterThan(300 / 147);
  });

  it('refuses a denominator that is not a whole positive number', () => {
    expect(() => zeroEventUpperLimitPer100(0)).toThrow(/positive whole number/);
  });

  it('gives nine fractures among 118 patients as 7.6 per 100 (4.1 to 13.9)', () => {
    // 9 / 118 = 0.0763; Wilson: centre (0.0763 + 0.0163)/(1.0326) = 0.0897, half 0.0490.
    const p = proportionPer100(9, 118);
    expect(roundComputed(p.value)).toBe(7.6);
    expect(roundComputed(p.ci![0])).toBe(4.1);
    expect(roundComputed(p.ci![1])).toBe(13.9);
  });
});
