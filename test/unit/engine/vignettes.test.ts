/** The acceptance vignettes: every case gets its expected determination under every policy it names. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../../src/lib/engine/evaluate.ts';
import { PatientFacts } from '../../../src/lib/facts/schema.ts';
import { loadContent, vignettes } from '../../helpers/content.ts';

const expected = parse(
  readFileSync(new URL('../../fixtures/vignettes/expected.yaml', import.meta.url), 'utf8'),
) as Record<
  string,
  { narrative: string; expected: Record<string, string>; evidence?: Record<string, string> }
>;

describe('vignettes', () => {
  it('has a facts file for every expected case and an expectation for every facts file', () => {
    expect(
      vignettes()
        .map((v) => v.id)
        .sort(),
    ).toEqual(Object.keys(expected).sort());
  });

  for (const vignette of vignettes()) {
    describe(vignette.id, () => {
      it('is valid patient facts', () => {
        expect(PatientFacts.safeParse(vignette.facts).success).toBe(true);
      });
      for (const [policy, outcome] of Object.entries(expected[vignette.id]?.expected ?? {})) {
        it(`is ${outcome} under ${policy}`, async () => {
          const { byId } = await loadContent();
          const result = evaluatePolicy(byId.get(policy)!, vignette.facts, { policies: byId });
          expect(result.outcome).toBe(outcome);
        });
      }
      for (const [set, outcome] of Object.entries(expected[vignette.id]?.evidence ?? {})) {
        it(`is ${outcome} against ${set}`, async () => {
          const { byId, evidenceById } = await loadContent();
          const result = evaluatePolicy(evidenceById.get(set)!, vignette.facts, { policies: byId });
          expect(result.outcome).toBe(outcome);
        });
      }
    });
  }

  it('states an expected result against every encoded criteria set for every vignette', async () => {
    const { evidence } = await loadContent();
    for (const v of vignettes())
      expect(Object.keys(expected[v.id]?.evidence ?? {}).sort(), v.id).toEqual(
        evidence.map((l) => l.id).sort(),
      );
  });
});

describe('vignette explanations', () => {
  const run = async (id: string, policy: string) => {
    const { byId } = await loadContent();
    return evaluatePolicy(byId.get(policy)!, vignettes().find((v) => v.id === id)!.facts, {
      policies: byId,
    });
  };
  const concepts = (findings: { concept?: string }[]) => findings.map((f) => f.concept);

  it('names the age criterion when mgb-commercial fails a 19-year-old', async () => {
    expect(concepts((await run('V03-age-19', 'mgb-commercial')).failed)).toEqual(['minimum-age']);
  });
  it('names the BMI exclusion under both plans for BMI 45', async () => {
    expect(concepts((await run('V04-bmi-45', 'cohere-ma')).failed)).toEqual(['bmi']);
    expect(concepts((await run('V04-bmi-45', 'mgb-commercial')).failed)).toEqual(['bmi']);
  });
  it('names pregnancy under both plans', async () => {
    expect(concepts((await run('V05-pregnancy', 'cohere-ma')).failed)).toEqual(['pregnancy']);
    expect(concepts((await run('V05-pregnancy', 'mgb-commercial')).failed)).toEqual(['pregnancy']);
  });
  it('names concurrent procedures under mgb-commercial', async () => {
    expect(
      concepts((await run('V07-concurrent-medial-branch-ablation', 'mgb-commercial')).failed),
    ).toEqual(['concurrent-procedures']);
  });
  it('asks cohere-ma for the behavioural health assessment and nothing else in V06', async () => {
    const result = await run('V06-no-behavioral-health-assessment', 'cohere-ma');
    expect(concepts(result.undocumented)).toEqual(['behavioral-health']);
    expect(result.missing).toEqual([
      'Document a behavioural health assessment (formal or informal) in the chart, with details or resources on interventions to reduce the risks it finds.',
    ]);
  });
  it('lists what seed 000’s chart lacks under cohere-ma', async () => {
    const result = await run('V02-seed-000-patient', 'cohere-ma');
    const missing = concepts(result.undocumented);
    for (const concept of [
      'pain-duration',
      'pain-severity',
      'functional-deficit',
      'conservative-care-modalities',
      'behavioral-health',
      'bmi',
      'pregnancy',
    ])
      expect(missing).toContain(concept);
    expect(result.failed).toEqual([]);
  });
  it('asks mgb-commercial whether the seed-000 patient’s leg pain is radicular', async () => {
    const result = await run('V02-seed-000-patient', 'mgb-commercial');
    expect(result.missing).toContain('Document whether any radicular pain is present.');
  });
});
