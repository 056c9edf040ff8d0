/** Ask only what matters: conditional facts wait for their condition; one count per result. */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../src/lib/engine/evaluate.ts';
import type { EvaluablePolicy } from '../../../src/lib/engine/types.ts';
import { isAsked } from '../../../src/lib/facts/catalog.ts';
import type { PatientFacts } from '../../../src/lib/facts/schema.ts';
import { loadContent, vignette } from '../../helpers/content.ts';

let lines: EvaluablePolicy[];
beforeAll(async () => {
  lines = (await loadContent()).current;
});

const cohere = (facts: PatientFacts) =>
  evaluateAll(lines, facts).find((e) => e.policy === 'cohere-ma')!;

describe('conditional facts', () => {
  it.each([
    ['devicePrecautionsDocumented', 'implantedDevice', true],
    ['treatmentObjectiveStated', 'advancedSystemicDisease', true],
    ['anesthesiaNecessityDocumented', 'anesthesia', 'general'],
    ['psychiatricPoorlyControlled', 'majorPsychiatricDisease', true],
    ['cognitiveTherapySessions', 'cognitiveTherapy', 'tried'],
  ] as const)('%s is asked only once %s holds', (fact, condition, value) => {
    expect(isAsked(fact, {})).toBe(false);
    expect(isAsked(fact, { [condition]: value })).toBe(true);
    expect(isAsked('ageYears', {})).toBe(true);
  });

  it('are not listed as missing until their condition holds', () => {
    const missing = cohere(vignette('V02-seed-000-patient')).missing.join(' ');
    expect(missing).toContain('whether there is an implanted electronic device');
    expect(missing).not.toContain('precautions planned for the implanted device');
    expect(missing).not.toContain('objective of treatment');
    const withDevice = cohere({ ...vignette('V02-seed-000-patient'), implantedDevice: true });
    expect(withDevice.missing.join(' ')).toContain('precautions planned for the implanted device');
  });
});

describe('one count per result', () => {
  it('counts the facts to document, the same number the checklist lists', () => {
    const result = cohere(vignette('V02-seed-000-patient'));
    expect(result.outcome).toBe('needs-documentation');
    expect(result.summary).toBe(
      `Nothing documented fails, but ${result.missing.length} facts need documenting.`,
    );
  });
});
