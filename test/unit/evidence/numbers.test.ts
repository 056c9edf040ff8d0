import { describe, expect, it } from 'vitest';
import { formatReportedNumber, isReported } from '../../../src/lib/evidence/numbers.ts';
import { byStance, gradeReading } from '../../../src/lib/format/guidelines.ts';
import {
  outcomesInTimeOrder,
  responderNote,
  timepointLabel,
} from '../../../src/lib/format/studies.ts';

describe('formatting reported numbers', () => {
  it('shows an unknown number as "unknown", never as zero', () => {
    expect(formatReportedNumber({ value: null })).toBe('unknown');
    expect(isReported({ value: null })).toBe(false);
  });

  it('prints mean ± SD, CI and p with a true minus sign', () => {
    expect(formatReportedNumber({ value: -28.5, sd: 16.2, unit: 'points', p: '<0.001' })).toBe(
      '−28.5 ± 16.2 points, p < 0.001',
    );
    expect(formatReportedNumber({ value: -20.3, unit: 'points', ci95: [-25.9, -14.7] })).toBe(
      '−20.3 points (95% CI −25.9 to −14.7)',
    );
  });

  it('keeps one precision across a confidence interval and its estimate', () => {
    expect(formatReportedNumber({ value: 1.38, ci95: [1.1, 1.73] })).toBe(
      '1.38 (95% CI 1.10 to 1.73)',
    );
    expect(formatReportedNumber({ value: 65, unit: '%', ci95: [51, 78] })).toBe(
      '65% (95% CI 51 to 78)',
    );
  });

  it('prints a review’s range across studies when it reports no single estimate', () => {
    expect(formatReportedNumber({ value: null, unit: '%', range: [45, 63] })).toBe(
      'range 45 to 63%',
    );
    expect(isReported({ value: null, range: [45, 63] })).toBe(true);
    expect(formatReportedNumber({ value: 50, unit: '%', range: [45, 63] })).toBe(
      '50% (range 45 to 63%)',
    );
  });
});

describe('study and guideline wording', () => {
  it('names timepoints, with the source’s wording first', () => {
    expect(timepointLabel({ timepointMonths: 0 })).toBe('Baseline');
    expect(timepointLabel({ timepointMonths: 60 })).toBe('60 months');
    expect(
      timepointLabel({ timepointMonths: 3, timepointNote: 'timepoint not stated in the abstract' }),
    ).toBe('timepoint not stated in the abstract');
  });

  it('does not repeat a response threshold the outcome’s label already states', () => {
    const def = 'ODI improved by 10 points or more';
    expect(responderNote('ODI responders', def)).toBe(def);
    expect(responderNote(`Relative risk of success against sham, ${def}`, def)).toBeUndefined();
    expect(responderNote('ODI responders', undefined)).toBeUndefined();
  });

  it('sorts outcome rows by time and keeps the file order within a timepoint', () => {
    const rows = [
      { id: 'b', timepointMonths: 12 },
      { id: 'a', timepointMonths: 3 },
      { id: 'c', timepointMonths: 3 },
    ] as never[];
    expect(outcomesInTimeOrder(rows).map((r: { id: string }) => r.id)).toEqual(['a', 'c', 'b']);
  });

  it('reads a GRADE mapping in words, or nothing when none is defensible', () => {
    expect(gradeReading({ gradeMapping: { certainty: 'moderate', rationale: 'r' } })).toBe(
      'moderate certainty',
    );
    expect(
      gradeReading({
        gradeMapping: {
          certainty: 'very-low',
          recommendation: 'conditional-against',
          rationale: 'r',
        },
      }),
    ).toBe('conditional against, very low certainty');
    expect(gradeReading({})).toBeUndefined();
  });

  it('orders positions from most favourable to silent, newest first within a stance, undated last', () => {
    const entries = [
      { id: 'old', data: { stance: 'recommends', year: 2020 } },
      { id: 'none', data: { stance: 'not-addressed', year: 2025 } },
      { id: 'undated', data: { stance: 'recommends' } },
      { id: 'new', data: { stance: 'recommends', year: 2022 } },
    ] as never[];
    expect(byStance(entries).map((e: { id: string }) => e.id)).toEqual([
      'new',
      'old',
      'undated',
      'none',
    ]);
  });
});
