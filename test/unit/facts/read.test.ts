/** Reading a facts file: the one reader of the command line and the checker's import. */
import { describe, expect, it } from 'vitest';
import { exportFactsFile } from '../../../src/lib/checker/import-file.ts';
import { jsonDepth } from '../../../src/lib/facts/json.ts';
import { maxFactsBytes, maxProblems, readFactsText } from '../../../src/lib/facts/read.ts';
import { vignette } from '../../helpers/content.ts';

describe('reading a facts file', () => {
  it('accepts a vignette fixture as it is', () => {
    const text = JSON.stringify(vignette('V06-no-behavioral-health-assessment'));
    expect(readFactsText(text, 'v06.json')).toEqual({
      ok: true,
      facts: vignette('V06-no-behavioral-health-assessment'),
    });
  });

  it('accepts the $schema pointer that exported files carry, and export → read round-trips', () => {
    const facts = vignette('V01-baseline');
    const text = exportFactsFile(facts, 'https://example.org/schema/patient-facts.json');
    const result = readFactsText(text, 'x.json');
    expect(result.ok && result.facts).toEqual({
      $schema: 'https://example.org/schema/patient-facts.json',
      ...facts,
    });
  });

  it('ignores a UTF-8 byte-order mark, as editors on Windows write one', () => {
    expect(readFactsText(`\uFEFF{"ageYears": 55}`, 'bom.json')).toEqual({
      ok: true,
      facts: { ageYears: 55 },
    });
  });

  it('refuses a file that is not JSON, saying so', () => {
    const result = readFactsText('ageYears: 52', 'chart.yaml');
    expect(!result.ok && result.kind).toBe('file');
    expect(!result.ok && result.errors[0]).toMatch(/^chart\.yaml is not valid JSON/);
  });

  it('names the field, its label, what was expected and what was found for each problem', () => {
    const result = readFactsText(
      JSON.stringify({
        ageYears: 150,
        pregnant: 'no',
        modicChanges: [{ level: 'L9', type: 1 }],
        diagnosis: 'VLBP',
      }),
      'f.json',
    );
    expect(!result.ok && result.kind).toBe('schema');
    expect(!result.ok && result.errors).toEqual([
      'ageYears (Age): expected a whole number from 0 to 120 (years), got 150.',
      'pregnant (Pregnant): expected true or false, got "no".',
      'modicChanges[0].level (Modic changes, row 1, Vertebral body): expected one of "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2", got "L9".',
      'diagnosis: unknown fact (not in the patient facts schema, /schema/patient-facts.json).',
    ]);
  });

  it('refuses a JSON value that is not an object of facts', () => {
    const result = readFactsText('[{"ageYears": 52}]', 'f.json');
    expect(!result.ok && result.errors).toEqual([
      'f.json: expected a JSON object of patient facts (see /schema/patient-facts.json), got a list.',
    ]);
  });

  it('refuses an oversized file before parsing it', () => {
    const result = readFactsText(`{"healthPlan": "${'x'.repeat(maxFactsBytes)}"}`, 'big.json');
    expect(!result.ok && result.errors).toEqual([
      'big.json is 200 KB; a patient facts file is at most 200 KB.',
    ]);
  });

  it('refuses deep nesting before parsing it, without a stack trace', () => {
    const deep = `{"healthPlan":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(jsonDepth(deep)).toBeGreaterThan(8);
    expect(readFactsText(deep, 'deep.json')).toEqual({
      ok: false,
      kind: 'file',
      errors: ['deep.json is nested more than 8 levels deep (patient facts need 3).'],
    });
    // Brackets inside strings are text, not nesting.
    expect(jsonDepth('{"healthPlan": "[[[[[[[[[[[[[["}')).toBe(1);
  });

  it('names a number too large to read as it was written, not as null', () => {
    const result = readFactsText('{"bmi": 1e309}', 'f.json');
    expect(!result.ok && result.errors).toEqual([
      'bmi (BMI): expected a number from 10 to 90 (kg/m²), got 1e309, a number too large to read.',
    ]);
  });

  it(`lists at most ${maxProblems} problems, then says how many more`, () => {
    const keys = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, 1]));
    const result = readFactsText(JSON.stringify(keys), 'f.json');
    expect(!result.ok && result.errors).toHaveLength(maxProblems + 1);
    expect(!result.ok && result.errors.at(-1)).toBe(`…and ${3000 - maxProblems} more problems.`);
  });

  it('shows a long offending value briefly', () => {
    const result = readFactsText(JSON.stringify({ ageYears: 'x'.repeat(100_000) }), 'f.json');
    expect(!result.ok && result.errors[0]!.length).toBeLessThan(120);
  });

  it('refuses line breaks in free text, which could forge lines in the packet’s copies', () => {
    const result = readFactsText(JSON.stringify({ healthPlan: 'X\n# Injected' }), 'f.json');
    expect(!result.ok && result.errors[0]).toMatch(
      /^healthPlan \(Health plan\): expected one line of text \(no line breaks\)/,
    );
  });
});
