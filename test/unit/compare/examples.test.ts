/**
 * Example patients are generated from whatever rules two lines have, not per concept: two
 * made-up policies with made-up thresholds get the threshold itself as the witness, the values
 * around it as the series, and the engine's outcomes.
 */
import { describe, expect, it } from 'vitest';
import { affectedPatients } from '../../../src/lib/compare/examples.ts';
import { conceptCondition, conceptOccurrences } from '../../../src/lib/compare/rules.ts';
import { contradictions } from '../../../src/lib/facts/implications.ts';
import type { EvaluablePolicy } from '../../../src/lib/engine/types.ts';
import type { CriterionNode } from '../../../src/lib/schema/criteria.ts';

const citation = { source: 'made-up', section: 'Criteria' };
const line = (id: string, criteria: CriterionNode): EvaluablePolicy => ({
  id,
  policyId: id,
  owner: { kind: 'payer-line', payer: 'made-up' },
  policyName: id.toUpperCase(),
  label: 'Members',
  productLines: ['commercial'],
  position: 'covered-with-criteria',
  citation,
  criteria,
  completeness: 'complete',
  advisories: [],
  caveats: [],
  criteriaCaveats: [],
});
const exclusion = (id: string, concept: string, child: CriterionNode): CriterionNode => ({
  kind: 'not',
  id: `no-${id}`,
  label: 'Exclusion',
  child: { ...child, concept, citation } as CriterionNode,
});
const ctxFor = (a: EvaluablePolicy, b: EvaluablePolicy) => ({
  byId: new Map([a, b].map((l) => [l.id, l])),
  names: new Map([a, b].map((l) => [l.id, l.policyName])),
});
const rule = (l: EvaluablePolicy) => conceptCondition(conceptOccurrences(l.criteria));

describe('affectedPatients', () => {
  it('finds the patient at one policy’s threshold whom only the other rules out, with the values around both thresholds', () => {
    const a = line(
      'plan-a',
      exclusion('bmi', 'bmi', {
        kind: 'compare',
        id: 'bmi-a',
        label: 'BMI over 40',
        fact: 'bmi',
        op: 'gt',
        value: 40,
      }),
    );
    const b = line(
      'plan-b',
      exclusion('bmi', 'bmi', {
        kind: 'compare',
        id: 'bmi-b',
        label: 'BMI over 35',
        fact: 'bmi',
        op: 'gt',
        value: 35,
      }),
    );
    const [witness, ...rest] = affectedPatients(
      a,
      b,
      'bmi',
      rule(a),
      rule(b),
      { bmi: 29 },
      ctxFor(a, b),
    );
    expect(rest).toEqual([]);
    expect(witness!.rulesOut).toBe('b');
    expect(witness!.sentence).toBe(
      'PLAN-B rules out a patient with BMI 40 kg/m²; PLAN-A does not (outcome: meets criteria).',
    );
    expect(witness!.patients.map((p) => [p.changes, p.a.outcome, p.b.outcome])).toEqual([
      ['BMI 34.9 kg/m²', 'meets', 'meets'],
      ['BMI 35 kg/m²', 'meets', 'meets'],
      ['BMI 35.1 kg/m²', 'meets', 'fails'],
      ['BMI 39.9 kg/m²', 'meets', 'fails'],
      ['BMI 40 kg/m²', 'meets', 'fails'],
      ['BMI 40.1 kg/m²', 'fails', 'fails'],
    ]);
    expect(witness!.patients[witness!.witness]!.changes).toBe('BMI 40 kg/m²');
  });

  it('builds list items from the item fields a rule reads, and names a rule only one policy has', () => {
    const a = line(
      'plan-a',
      exclusion('slip', 'spondylolisthesis', {
        kind: 'some',
        id: 'slip-a',
        label: 'Slip of 3 mm or more',
        fact: 'spondylolisthesis',
        where: {
          kind: 'compare',
          id: 'slip-a-mm',
          label: '3 mm or more',
          fact: 'mm',
          op: 'gte',
          value: 3,
        },
      }),
    );
    const b = line('plan-b', {
      kind: 'compare',
      id: 'adult',
      label: 'Adult',
      concept: 'minimum-age',
      citation,
      fact: 'ageYears',
      op: 'gte',
      value: 18,
    });
    const witnesses = affectedPatients(
      a,
      b,
      'spondylolisthesis',
      rule(a),
      undefined,
      { ageYears: 40, spondylolisthesis: [] },
      ctxFor(a, b),
    );
    const w = witnesses[0]!;
    expect(w.rulesOut).toBe('a');
    expect(w.patients[w.witness]!.changes).toBe('spondylolisthesis (slip 3 mm)');
    expect([w.patients[w.witness]!.a.outcome, w.patients[w.witness]!.b.outcome]).toEqual([
      'fails',
      'meets',
    ]);
  });

  it('finds no one when the rules agree everywhere', () => {
    const a = line('plan-a', {
      kind: 'compare',
      id: 'adult',
      label: 'Adult',
      concept: 'minimum-age',
      citation,
      fact: 'ageYears',
      op: 'gte',
      value: 18,
    });
    const b = line(
      'plan-b',
      exclusion('minor', 'minimum-age', {
        kind: 'compare',
        id: 'minor',
        label: 'Minor',
        fact: 'ageYears',
        op: 'lt',
        value: 18,
      }),
    );
    expect(
      affectedPatients(a, b, 'minimum-age', rule(a), rule(b), { ageYears: 40 }, ctxFor(a, b)),
    ).toEqual([]);
  });

  it('never emits a patient whose facts contradict each other, and judges each as the engine does', () => {
    const predominant = line(
      'plan-a',
      exclusion('primary', 'radicular-symptoms', {
        kind: 'compare',
        id: 'primary-radicular',
        label: 'Radicular pain as the predominant pattern',
        fact: 'predominantPain',
        op: 'in',
        value: ['radicular'],
      }),
    );
    const anyRadicular = line(
      'plan-b',
      exclusion('any', 'radicular-symptoms', {
        kind: 'compare',
        id: 'any-radicular',
        label: 'Any radicular pain',
        fact: 'radicularPain',
        op: 'eq',
        value: true,
      }),
    );
    const sessions = line('plan-c', {
      kind: 'compare',
      id: 'cbt-sessions',
      label: 'Three CBT sessions',
      concept: 'conservative-care-modalities',
      citation,
      fact: 'cognitiveTherapySessions',
      op: 'gte',
      value: 3,
    });
    const tried = line('plan-d', {
      kind: 'compare',
      id: 'cbt-tried',
      label: 'Cognitive therapy tried or contraindicated',
      concept: 'conservative-care-modalities',
      citation,
      fact: 'cognitiveTherapy',
      op: 'in',
      value: ['tried', 'contraindicated'],
    });
    const baseline = {
      predominantPain: 'axial',
      radicularPain: false,
      cognitiveTherapy: 'tried',
      cognitiveTherapySessions: 4,
    } as const;
    const cases = [
      [predominant, anyRadicular, 'radicular-symptoms'],
      [sessions, tried, 'conservative-care-modalities'],
    ] as const;
    for (const [a, b, concept] of cases) {
      const witnesses = affectedPatients(a, b, concept, rule(a), rule(b), baseline, ctxFor(a, b));
      expect(witnesses.length, concept).toBeGreaterThan(0);
      for (const p of witnesses.flatMap((w) => w.patients))
        expect(contradictions(p.facts), `${concept}: ${p.changes}`).toEqual([]);
    }
    // A predominant radicular pattern is radicular pain: only the rule on any radicular pain
    // tells the two apart, for a patient with radicular pain that is not predominant.
    const [w] = affectedPatients(
      predominant,
      anyRadicular,
      'radicular-symptoms',
      rule(predominant),
      rule(anyRadicular),
      baseline,
      ctxFor(predominant, anyRadicular),
    );
    expect(w!.rulesOut).toBe('b');
    expect(w!.patients[w!.witness]!.facts).toMatchObject({
      radicularPain: true,
      predominantPain: 'axial',
    });
  });
});
