import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDraft, draftFromFacts } from '../../../src/lib/checker/draft.ts';
import {
  factControl,
  textFromValue,
  valueFromText,
  type ScalarControl,
} from '../../../src/lib/checker/controls.ts';
import { PatientFacts } from '../../../src/lib/facts/schema.ts';
import { vignette } from '../../helpers/content.ts';

describe('validating the checker form field by field', () => {
  it('passes a whole valid chart through unchanged, and the result fits PatientFacts', () => {
    const facts = vignette('V01-baseline');
    const result = validateDraft(draftFromFacts(facts));
    expect(result.problems).toEqual([]);
    expect(result.facts).toEqual(facts);
    expect(PatientFacts.safeParse(result.facts).success).toBe(true);
  });

  it.each([
    ['ageYears', 150, 'Age: expected at most 120 years (got 150).'],
    ['ageYears', -1, 'Age: expected at least 0 years (got -1).'],
    ['ageYears', 52.5, 'Age: expected a whole number (got 52.5).'],
    ['bmi', 9.5, 'BMI: expected at least 10 kg/m² (got 9.5).'],
    ['bmi', 95, 'BMI: expected at most 90 kg/m² (got 95).'],
    ['tScore', -7, 'DEXA T-score: expected at least -6 SD (got -7).'],
    ['tScore', 4.5, 'DEXA T-score: expected at most 4 SD (got 4.5).'],
    [
      'conservativeCareWeeks',
      -2,
      'Duration of non-surgical management: expected at least 0 weeks (got -2).',
    ],
    ['painDurationMonths', 'six', 'Duration of low back pain: expected a number (got "six").'],
    ['odi', 101, 'ODI: expected at most 100 (got 101).'],
  ] as const)('explains %s = %j as "%s"', (key, value, message) => {
    expect(validateDraft({ [key]: value }).problems).toEqual([{ path: key, message }]);
  });

  it('treats an invalid field as undocumented and keeps every other field', () => {
    const { facts, problems } = validateDraft({
      ageYears: 150,
      bmi: 29,
      pregnant: false,
      tScore: -0.8,
    });
    expect(facts).toEqual({ bmi: 29, pregnant: false, tScore: -0.8 });
    expect(problems.map((p) => p.path)).toEqual(['ageYears']);
  });

  it('checks list rows field by field: millimetres must not be negative', () => {
    const { facts, problems } = validateDraft({
      spondylolisthesis: [{ level: 'L4', mm: -2, correlates: true }],
    });
    expect(facts).toEqual({ spondylolisthesis: [{ level: 'L4', correlates: true }] });
    expect(problems).toEqual([
      {
        path: 'spondylolisthesis[0].mm',
        message: 'Spondylolisthesis, row 1: Slip: expected at least 0 mm (got -2).',
      },
    ]);
  });

  it('keeps an empty list as documented "none", distinct from undocumented', () => {
    expect(validateDraft({ spondylolisthesis: [] }).facts).toEqual({ spondylolisthesis: [] });
    expect(validateDraft({}).facts).toEqual({});
  });
});

describe('reading what was typed into a control', () => {
  const number = factControl('tScore') as ScalarControl;
  it('reads numbers, including a typographic minus and a decimal comma', () => {
    expect(valueFromText(number, '-2.5')).toBe(-2.5);
    expect(valueFromText(number, '−2,5')).toBe(-2.5);
    expect(valueFromText(number, ' 3 ')).toBe(3);
  });
  it('reads back every number it writes, exponents included (an imported 1e-7)', () => {
    expect(valueFromText(number, textFromValue(1e-7))).toBe(1e-7);
    expect(valueFromText(number, '2.5E+1')).toBe(25);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(valueFromText(number, textFromValue(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
  it('questions "1,200" (a thousand and two hundred, or 1.2?) instead of reading it as 1.2', () => {
    expect(valueFromText(number, '1,200')).toBe('1,200');
    expect(valueFromText(number, '1,20')).toBe(1.2);
  });
  it('keeps text that is not a number as text, and reads an empty field as undocumented', () => {
    expect(valueFromText(number, '2.5.1')).toBe('2.5.1');
    expect(valueFromText(number, '1e400')).toBe('1e400');
    expect(valueFromText(number, '  ')).toBeUndefined();
  });
  it('maps choice text back to typed options (Modic type 1 is the number 1)', () => {
    const control = factControl('modicChanges');
    const type =
      control.kind === 'list' ? control.fields.find((f) => f.key === 'type')!.control : undefined;
    expect(valueFromText(type!, '1')).toBe(1);
    expect(valueFromText(factControl('pregnant') as ScalarControl, 'false')).toBe(false);
  });
  it('derives each control from the catalogue schema', () => {
    expect(factControl('ageYears')).toEqual({ kind: 'number', integer: true, min: 0, max: 120 });
    expect(factControl('bmi')).toEqual({ kind: 'number', integer: false, min: 10, max: 90 });
    expect(factControl('pregnant')).toEqual({ kind: 'boolean' });
    expect(factControl('painSeverity')).toEqual({
      kind: 'choice',
      options: ['none', 'mild', 'moderate', 'severe'],
    });
    expect(factControl('healthPlan')).toEqual({ kind: 'text', maxLength: 80 });
    expect(factControl('otherConservativeCare')).toEqual({ kind: 'text', maxLength: 200 });
    expect(factControl('plannedLevels')).toMatchObject({
      kind: 'list',
      item: 'plannedLevel',
      maxItems: 12,
    });
  });
});
