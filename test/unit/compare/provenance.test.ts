/**
 * Provenance of payer rules against the trials' and guidelines' criteria: every label is computed
 * from the two rules by the engine, never stored, so changing a threshold changes the label.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { criteriaMatrix, type CriteriaMatrix } from '../../../src/lib/compare/matrix.ts';
import { matrixExportRows, toCsv } from '../../../src/lib/compare/export.ts';
import {
  compareRules,
  evidenceRules,
  matrixProvenance,
  provenanceFigures,
  provenanceKey,
  ruleProvenance,
  type RuleProvenance,
} from '../../../src/lib/compare/provenance.ts';
import { conceptOccurrences } from '../../../src/lib/compare/rules.ts';
import { conceptById } from '../../../src/lib/criteria/concepts.ts';
import type { EvaluablePolicy } from '../../../src/lib/engine/types.ts';
import type { CriterionNode } from '../../../src/lib/schema/criteria.ts';
import { loadContent } from '../../helpers/content.ts';

const citation = { source: 'made-up', section: 'Criteria' };

/** An exclusion of spondylolisthesis with the slip compared by `op` with `mm`. */
const slipExclusion = (op: 'gt' | 'gte', mm: number): CriterionNode => ({
  kind: 'not',
  id: 'no-slip',
  label: 'No slip',
  child: {
    kind: 'some',
    id: 'slip',
    concept: 'spondylolisthesis',
    label: 'Slip',
    fact: 'spondylolisthesis',
    citation,
    where: { kind: 'compare', id: 'slip-mm', label: 'Slip size', fact: 'mm', op, value: mm },
  },
});

const line = (
  id: string,
  criteria: CriterionNode,
  owner: EvaluablePolicy['owner'],
): EvaluablePolicy => ({
  id,
  policyId: id,
  owner,
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
const payer = (criteria: CriterionNode) =>
  line('plan', criteria, { kind: 'payer-line', payer: 'made-up' });
const trial = (criteria: CriterionNode) =>
  line('trial', criteria, { kind: 'trial-eligibility', study: 'made-up' });

/** The provenance of the payer's spondylolisthesis rule against one made-up trial. */
function slipProvenance(payerRule: CriterionNode, trialRule: CriterionNode): RuleProvenance {
  const occurrences = conceptOccurrences(payer(payerRule).criteria);
  return ruleProvenance(
    'plan',
    conceptById.get('spondylolisthesis')!,
    occurrences,
    'PLAN',
    evidenceRules([trial(trialRule)]),
  );
}

describe('provenance labels are computed from the rules', () => {
  it('calls a payer rule the same as a trial rule that behaves identically', () => {
    expect(slipProvenance(slipExclusion('gt', 2), slipExclusion('gt', 2)).label).toBe('same');
  });

  it('changes the label when the fixture’s threshold changes: ≥ 2 mm is stricter than > 2 mm', () => {
    const p = slipProvenance(slipExclusion('gte', 2), slipExclusion('gt', 2));
    expect(p.label).toBe('stricter');
    expect(p.summary).toBe('Stricter than TRIAL.');
    expect(p.matches[0]!.differences.join(' ')).toContain('≥ 2 mm');
    expect(p.matches[0]!.differences.join(' ')).toContain('> 2 mm');
  });

  it('calls a payer rule that excludes only slips over 3 mm looser than a trial’s over 2 mm', () => {
    expect(slipProvenance(slipExclusion('gt', 3), slipExclusion('gt', 2)).label).toBe('looser');
  });

  it('says “not in any trial or guideline read” when no set has a rule for the concept', () => {
    const bmi: CriterionNode = {
      kind: 'compare',
      id: 'bmi',
      concept: 'bmi',
      label: 'BMI',
      fact: 'bmi',
      op: 'lte',
      value: 40,
      citation,
    };
    const p = ruleProvenance(
      'plan',
      conceptById.get('bmi')!,
      conceptOccurrences(bmi),
      'PLAN',
      evidenceRules([trial(slipExclusion('gt', 2))]),
    );
    expect(p.label).toBe('no-basis');
    expect(p.summary).toBe('Not in any trial or guideline read.');
  });

  it('calls rules that each let through someone the other refuses different', () => {
    const correlating: CriterionNode = {
      kind: 'not',
      id: 'no-slip',
      label: 'No correlating slip',
      child: {
        kind: 'some',
        id: 'slip',
        concept: 'spondylolisthesis',
        label: 'Slip',
        fact: 'spondylolisthesis',
        citation,
        where: {
          kind: 'all',
          id: 'slip-item',
          label: 'Slip',
          children: [
            { kind: 'compare', id: 'mm', label: 'mm', fact: 'mm', op: 'gte', value: 2 },
            { kind: 'compare', id: 'c', label: 'c', fact: 'correlates', op: 'eq', value: true },
          ],
        },
      },
    };
    expect(compareRules(correlating, slipExclusion('gt', 2))).toBe('different');
  });
});

describe('provenance of the encoded payer policies', () => {
  let matrix: CriteriaMatrix;
  let provenance: Map<string, RuleProvenance>;
  const of = (line: string, concept: string) => provenance.get(provenanceKey(line, concept))!;
  const against = (p: RuleProvenance, set: string) => p.matches.find((m) => m.set === set)!;

  beforeAll(async () => {
    const { current, lines, evidence } = await loadContent();
    matrix = criteriaMatrix(current, lines);
    provenance = matrixProvenance(matrix, evidenceRules(evidence));
  });

  it('finds MGB’s spondylolisthesis > 2 mm the same as SMART’s and INTRACEPT’s', () => {
    const p = of('mgb-commercial', 'spondylolisthesis');
    expect(p.label).toBe('same');
    expect(against(p, 'smart-eligibility').relation).toBe('same');
    expect(against(p, 'intracept-eligibility').relation).toBe('same');
  });

  it('finds Cohere’s spondylolisthesis rule (≥ 2 mm, correlating) different from the trials’, and says how', () => {
    const p = of('cohere-ma', 'spondylolisthesis');
    expect(p.label).toBe('different');
    const words = against(p, 'smart-eligibility').differences.join(' ');
    expect(words).toContain('≥ 2 mm');
    expect(words).toContain('> 2 mm');
  });

  it('finds MGB’s “any previous lumbar surgery” the same as SMART’s restated rule and stricter than INTRACEPT’s', () => {
    const p = of('mgb-commercial', 'prior-surgery');
    expect(against(p, 'smart-eligibility').relation).toBe('same');
    expect(against(p, 'intracept-eligibility').relation).toBe('stricter');
    expect(p.label).toBe('same');
  });

  it('finds no basis in the evidence read for MGB’s concurrent-procedures rule or Cohere’s anaesthesia billing note', () => {
    expect(of('mgb-commercial', 'concurrent-procedures').label).toBe('no-basis');
    const note = of('cohere-ma', 'anesthesia');
    expect(note.billingNote).toBe(true);
    expect(note.label).toBe('no-basis');
  });

  it('puts each rule’s provenance in the export’s provenance column, and leaves it empty where there is no rule', () => {
    const rows = matrixExportRows(
      matrix,
      () => 'verified',
      (line, concept) => provenance.get(provenanceKey(line, concept)),
    );
    const row = (line: string, concept: string) =>
      rows.find((r) => r.line === line && r.concept === concept)!;
    expect(row('mgb-commercial', 'spondylolisthesis').provenance).toBe(
      'Same as the evidence: Same as INTRACEPT (eligibility); same as SMART (eligibility).',
    );
    expect(row('mgb-commercial', 'concurrent-procedures').provenance).toBe(
      'Not in any trial or guideline read.',
    );
    expect(row('mgb-masshealth', 'spondylolisthesis').provenance).toBe('');
    expect(toCsv(rows).split('\r\n')[0]).toMatch(/,provenance$/);
  });

  it('counts each line’s rules by label, without billing notes', () => {
    const figures = provenanceFigures(matrix, provenance);
    const cohere = figures.find((f) => f.line === 'cohere-ma')!;
    const { rules, ...labels } = cohere.counts;
    expect(Object.values(labels).reduce((a, b) => a + b, 0)).toBe(rules);
    expect(cohere.counts['no-basis']).toBeGreaterThan(0);
    expect(figures.some((f) => f.line === 'mgb-masshealth')).toBe(false);
  });
});
