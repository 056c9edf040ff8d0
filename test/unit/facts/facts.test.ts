/** The patient facts format: its JSON Schema, its error messages and its catalogue. */
import { describe, expect, it } from 'vitest';
import { describeFactIssues } from '../../../src/lib/facts/errors.ts';
import { facts, itemFields, type FactKey } from '../../../src/lib/facts/catalog.ts';
import { factDescriptions } from '../../../src/lib/facts/descriptions.ts';
import { patientFactsJsonSchema } from '../../../src/lib/facts/json-schema.ts';
import { PatientFacts } from '../../../src/lib/facts/schema.ts';
import { numericRange } from '../../../src/lib/facts/ranges.ts';

describe('patient facts JSON Schema', () => {
  const schema = patientFactsJsonSchema() as {
    properties: Record<string, Record<string, unknown>>;
    additionalProperties: unknown;
    required?: unknown;
  };
  it('describes every fact with its label, description and form group', () => {
    for (const [key, spec] of Object.entries(facts)) {
      expect(schema.properties[key], key).toMatchObject({
        title: spec.label,
        description: factDescriptions[key as FactKey],
      });
      if (spec.unit) expect(schema.properties[key]!['x-unit']).toBe(spec.unit);
    }
  });
  it('rejects unknown keys and requires nothing (absent = undocumented)', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required ?? []).toEqual([]);
  });
  it('carries the numeric ranges of the zod schema', () => {
    expect(schema.properties.ageYears).toMatchObject({ minimum: 0, maximum: 120, type: 'integer' });
    expect(schema.properties.tScore).toMatchObject({ minimum: -6, maximum: 4 });
  });
});

describe('catalogue', () => {
  it('gives every numeric fact a range and a unit', () => {
    for (const [key, spec] of Object.entries(facts)) {
      if ((spec.schema as { _zod: { def: { type: string } } })._zod.def.type !== 'number') continue;
      const range = numericRange(spec.schema);
      expect(range.min, key).toBeTypeOf('number');
      expect(range.max, key).toBeTypeOf('number');
      expect(spec.unit, key).toBeTruthy();
    }
  });
  it('names a missing-documentation phrase for every fact and item field', () => {
    for (const spec of Object.values(facts)) expect(spec.document.length).toBeGreaterThan(5);
    for (const item of Object.values(itemFields))
      for (const spec of Object.values<{ document: string }>(item))
        expect(spec.document.length).toBeGreaterThan(5);
  });
});

describe('fact error messages', () => {
  const problems = (data: unknown) => {
    const result = PatientFacts.safeParse(data);
    return result.success
      ? []
      : describeFactIssues(result.error.issues, data).map(({ path, message }) => ({
          path,
          message,
        }));
  };
  it.each([
    [{ ageYears: 121 }, 'ageYears', 'expected a whole number from 0 to 120 (years), got 121'],
    [{ ageYears: 30.5 }, 'ageYears', 'expected a whole number from 0 to 120 (years), got 30.5'],
    [{ bmi: 9 }, 'bmi', 'expected a number from 10 to 90 (kg/m²), got 9'],
    [{ tScore: 4.5 }, 'tScore', 'expected a number from -6 to 4 (SD), got 4.5'],
    [
      { conservativeCareWeeks: -1 },
      'conservativeCareWeeks',
      'expected a number from 0 to 5200 (weeks), got -1',
    ],
    [
      { painSeverity: 'awful' },
      'painSeverity',
      'expected one of "none", "mild", "moderate", "severe", got "awful"',
    ],
    [{ pregnant: 'yes' }, 'pregnant', 'expected true or false, got "yes"'],
    [{ modicChanges: [{ type: 4 }] }, 'modicChanges[0].type', 'expected one of 1, 2, 3, got 4'],
    [{ plannedLevels: 'L4' }, 'plannedLevels', 'expected a list, got "L4"'],
    [
      { bmi: '<script>alert(1)</script>' },
      'bmi',
      'expected a number from 10 to 90 (kg/m²), got "<script>alert(1)</script>"',
    ],
    [
      { healthPlan: 'x'.repeat(200) },
      'healthPlan',
      `expected text of at most 80 characters, got "${'x'.repeat(36)}…`,
    ],
  ])('explains %j', (data, path, message) => {
    expect(problems(data)).toContainEqual({ path, message });
  });
  it('names each unknown key', () => {
    expect(problems({ ageYaers: 50 })).toEqual([
      { path: 'ageYaers', message: expect.stringContaining('unknown fact') as unknown },
    ]);
  });
  it('limits lists to 12 items', () => {
    expect(
      problems({ plannedLevels: Array.from({ length: 13 }, () => ({ level: 'L4' })) })[0],
    ).toMatchObject({ path: 'plannedLevels' });
  });
});
