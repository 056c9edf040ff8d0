/**
 * Billing notes and cautions: reported with the result, with their citation, and never counted.
 * Cohere's indication 8 (anaesthesia) is a billing note for Cohere and every line that borrows
 * its criteria; a planned body with no Modic change at its endplates is a caution.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../../src/lib/engine/evaluate.ts';
import { evaluationText, shownAdvisories } from '../../../src/lib/format/evaluation-report.ts';
import type { EvaluablePolicy, Evaluation } from '../../../src/lib/engine/types.ts';
import type { PatientFacts } from '../../../src/lib/facts/schema.ts';
import { baseline, loadContent } from '../../helpers/content.ts';

let byId: Map<string, EvaluablePolicy>;
beforeAll(async () => ({ byId } = await loadContent()));
const evaluate = (line: string, facts: PatientFacts) =>
  evaluatePolicy(byId.get(line)!, facts, { policies: byId });
const advisory = (result: Evaluation, id: string) => result.advisories.find((a) => a.id === id);
const cohereAndBorrowers = [
  'cohere-ma',
  'lcd-l39420',
  'lcd-l39642',
  'lcd-l39644',
  'kaiser-wa-medicare',
];

describe('Cohere’s anaesthesia item as a billing note', () => {
  it.each(cohereAndBorrowers)(
    'never fails %s for moderate sedation without documented necessity, and says so with the citation',
    (line) => {
      const result = evaluate(line, {
        ...baseline(),
        anesthesia: 'moderate-sedation',
        anesthesiaNecessityDocumented: false,
      });
      expect(result.outcome).toBe('meets');
      expect(advisory(result, 'anesthesia-billing')).toMatchObject({
        role: 'billing-note',
        status: 'applies',
        citation: { source: 'cohere-bvn-v3', section: 'Indications', item: 8 },
      });
      expect(shownAdvisories(result).map((a) => a.id)).toContain('anesthesia-billing');
      expect(result.failed).toEqual([]);
    },
  );

  it('never asks for the anaesthesia to be documented', () => {
    const facts = baseline();
    delete facts.anesthesia;
    const result = evaluate('cohere-ma', facts);
    expect(result.outcome).toBe('meets');
    expect(result.missing.join(' ')).not.toMatch(/anaesthesia/);
    expect(advisory(result, 'anesthesia-billing')!.status).toBe('undocumented');
  });

  it('is clear for local anaesthesia with mild sedation', () => {
    expect(advisory(evaluate('cohere-ma', baseline()), 'anesthesia-billing')!.status).toBe('clear');
  });

  it('is printed as a billing note that never decides coverage, with its citation', () => {
    const result = evaluate('cohere-ma', { ...baseline(), anesthesia: 'general' });
    const text = evaluationText(result, 'Cohere MA v3', (id) => id);
    expect(text).toContain('MEETS CRITERIA');
    expect(text).toContain(
      'Billing note (never decides coverage) — Anaesthesia beyond local anaesthesia with mild sedation: Not documented;',
    );
    expect(text).toContain('[cohere-bvn-v3, Indications, item 8]');
  });
});

describe('a planned body with no Modic change at either endplate', () => {
  const s1Only = {
    modicChanges: [{ level: 'S1', endplate: 'superior', type: 2 }],
    plannedLevels: [
      { level: 'L3', ablatedBefore: false },
      { level: 'L4', ablatedBefore: false },
    ],
  } satisfies PatientFacts;

  it.each(cohereAndBorrowers)(
    '%s: a Modic 2 change at S1 only with L3 and L4 planned meets the letter, with a caution',
    (line) => {
      const result = evaluate(line, { ...baseline(), ...s1Only });
      expect(result.outcome).toBe('meets');
      const caution = advisory(result, 'modic-at-planned-bodies')!;
      expect(caution).toMatchObject({ role: 'caution', status: 'applies' });
      expect(shownAdvisories(result)).toContain(caution);
      expect(evaluationText(result, line, (id) => id)).toContain(
        'Caution (never decides coverage) — A planned vertebral body with no Modic change at either endplate',
      );
    },
  );

  it('cautions Highmark (its example ties the treated bodies to the changed endplates) and CAM 394 too', () => {
    for (const line of ['highmark', 'cam-394'])
      expect(
        advisory(evaluate(line, { ...baseline(), ...s1Only }), 'modic-at-planned-bodies'),
      ).toMatchObject({ status: 'applies' });
  });

  it('says nothing when every planned body has a change at one of its endplates', () => {
    const result = evaluate('cohere-ma', baseline());
    expect(advisory(result, 'modic-at-planned-bodies')!.status).toBe('clear');
    expect(shownAdvisories(result).map((a) => a.id)).toEqual(['anesthesia-billing']);
  });
});
