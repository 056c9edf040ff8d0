import { describe, expect, it } from 'vitest';
import {
  exportFactsFile,
  maxFileBytes,
  parseFactsFile,
} from '../../../src/lib/checker/import-file.ts';
import { vignette } from '../../helpers/content.ts';

describe('importing a facts file (the CLI format)', () => {
  it('accepts a vignette fixture as it is', () => {
    const text = JSON.stringify(vignette('V06-no-behavioral-health-assessment'));
    expect(parseFactsFile(text)).toEqual({
      ok: true,
      facts: vignette('V06-no-behavioral-health-assessment'),
    });
  });

  it('accepts the $schema pointer that exported files carry, and export → import round-trips', () => {
    const facts = vignette('V01-baseline');
    const text = exportFactsFile(facts, 'https://example.org/schema/patient-facts.json');
    expect((JSON.parse(text) as { $schema?: string }).$schema).toBe(
      'https://example.org/schema/patient-facts.json',
    );
    const result = parseFactsFile(text);
    expect(result.ok && result.facts).toEqual({
      $schema: 'https://example.org/schema/patient-facts.json',
      ...facts,
    });
  });

  it('refuses a file that is not JSON, saying so', () => {
    const result = parseFactsFile('ageYears: 52', 'chart.yaml');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^chart\.yaml is not valid JSON/);
  });

  it('names the field and what was expected for each problem', () => {
    const result = parseFactsFile(
      JSON.stringify({
        ageYears: 150,
        pregnant: 'no',
        modicChanges: [{ level: 'L9', type: 1 }],
        diagnosis: 'VLBP',
      }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      'ageYears (Age): expected at most 120 years, got 150.',
      'pregnant (Pregnant): expected yes or no, got "no".',
      'modicChanges[0].level (Modic changes, row 1, Vertebral body): expected one of T11, T12, L1, L2, L3, L4, L5, S1, S2, got "L9".',
      '"diagnosis" in the file is not a field of the patient facts format.',
    ]);
  });

  it('refuses a JSON value that is not an object of facts', () => {
    const result = parseFactsFile('[{"ageYears": 52}]');
    expect(!result.ok && result.errors).toEqual([
      'The file: expected a row of fields (a JSON object of facts), got a list.',
    ]);
  });

  it('refuses an oversized file before parsing it', () => {
    const result = parseFactsFile(`{"healthPlan": "${'x'.repeat(maxFileBytes)}"}`, 'big.json');
    expect(!result.ok && result.errors[0]).toMatch(
      /^big\.json is 200 KB; a patient facts file is at most 200 KB\.$/,
    );
  });
});
