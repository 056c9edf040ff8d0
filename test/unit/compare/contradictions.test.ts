/**
 * The contradictions the editors' research found between Cohere (cohere-ma) and MGB commercial
 * (mgb-commercial), as far as they are encoded, must come out of the computed comparison, and
 * the example patients generated for them must get the outcomes the two policies' texts imply.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  diffLines,
  type ConceptComparison,
  type LineDiff,
} from '../../../src/lib/compare/pairs.ts';
import type { Witness } from '../../../src/lib/compare/examples.ts';
import { loadContent, vignette } from '../../helpers/content.ts';
import { contradictions, factImplications } from '../../../src/lib/facts/implications.ts';

let diff: LineDiff;
const concept = (id: string): ConceptComparison => {
  const found = diff.concepts.find((c) => c.concept.id === id);
  if (!found) throw new Error(`no comparison for concept ${id}`);
  return found;
};
/** The example patient whose changed facts match `pattern`, across a concept's witnesses. */
const example = (witnesses: readonly Witness[], pattern: RegExp) => {
  const found = witnesses.flatMap((w) => w.patients).find((p) => pattern.test(p.changes));
  if (!found)
    throw new Error(
      `no example matching ${pattern}; have: ${witnesses.flatMap((w) => w.patients.map((p) => p.changes)).join(' / ')}`,
    );
  return found;
};

beforeAll(async () => {
  const { lines, byId } = await loadContent();
  diff = diffLines(byId.get('cohere-ma')!, byId.get('mgb-commercial')!, {
    all: lines,
    baseline: vignette('V01-baseline'),
    baselineName: 'V01',
  });
});

describe('Cohere MA v3 compared with MGB 097 commercial', () => {
  it('finds minimum age 18 against 25', () => {
    const c = concept('minimum-age');
    expect(c.status).toBe('differs');
    expect(c.differences.join(' ')).toMatch(
      /Cohere MA v3 requires ≥ 18 years; MGB [^;]+ requires ≥ 25 years/,
    );
  });

  it('finds spondylolisthesis ≥ 2 mm when it correlates against > 2 mm at any level', () => {
    const c = concept('spondylolisthesis');
    expect(c.status).toBe('differs');
    const words = c.differences.join(' ');
    expect(words).toMatch(/slip: Cohere MA v3 ≥ 2 mm; MGB [^;]+ > 2 mm/);
    expect(words).toMatch(
      /correlates with the predominant complaint: Cohere MA v3 yes; MGB [^;]+ any/,
    );
    expect(c.a.rules[0]!.words).toBe(
      'Excludes any spondylolisthesis: slip ≥ 2 mm and correlates with the predominant complaint',
    );
    expect(c.b.rules[0]!.words).toBe('Excludes any spondylolisthesis: slip > 2 mm');
  });

  it('finds spondylolysis at L3–S1 against any level', () => {
    const c = concept('spondylolysis');
    expect(c.status).toBe('differs');
    expect(c.differences.join(' ')).toMatch(/vertebra: Cohere MA v3 L3 to S1; MGB [^;]+ any/);
  });

  it('finds prior surgery at the treated level with the discectomy exception against any prior surgery', () => {
    const c = concept('prior-surgery');
    expect(c.status).toBe('differs');
    const words = c.differences.join(' ');
    expect(words).toMatch(/at a planned level: Cohere MA v3 yes; MGB [^;]+ any/);
    expect(words).toMatch(
      /operation: Cohere MA v3 unless discectomy or laminectomy; MGB [^;]+ any/,
    );
  });

  it('finds the disc protrusion > 5 mm exclusion only in Cohere, where MGB’s public criteria are silent', () => {
    const c = concept('disc-protrusion');
    expect(c.status).toBe('only-a');
    expect(c.b.status).toBe('not-public');
  });

  it('finds Cohere’s behavioural health assessment against MGB’s psychiatric exclusion', () => {
    const c = concept('behavioral-health');
    expect(c.status).toBe('differs');
    expect(c.a.rules.map((r) => r.words)).toEqual([
      'Requires behavioural health assessment recorded',
    ]);
    expect(c.b.rules[0]!.words).toMatch(
      /^Excludes major psychiatric disease and psychiatric disease poorly controlled and psychiatric contribution suspected/,
    );
  });

  it('finds the concurrent-procedures exclusion only in MGB', () => {
    const c = concept('concurrent-procedures');
    expect(c.status).toBe('only-b');
    expect(c.a.status).toBe('not-addressed');
  });

  it('finds BMI > 40 in both, the same', () => {
    const c = concept('bmi');
    expect(c.status).toBe('same');
    expect(c.a.rules[0]!.words).toBe('Excludes BMI > 40 kg/m²');
    expect(c.witnesses).toEqual([]);
  });

  it('counts every concept once and says so at the top', () => {
    const { same, differs } = diff.counts;
    expect(same + differs + diff.counts['only-a'] + diff.counts['only-b']).toBe(
      diff.concepts.length,
    );
    expect(diff.summary[1]).toContain(`${differs} differ`);
    expect(
      diff.summary.some((s) =>
        /^Cohere MA v3 rules out a patient with spondylolisthesis \(slip 2 mm, correlates with the predominant complaint\); MGB .* does not/.test(
          s,
        ),
      ),
    ).toBe(true);
  });
});

describe('who is affected (examples generated from the criteria and evaluated by the engine)', () => {
  it('a correlating 2.0 mm spondylolisthesis fails Cohere and goes to non-public review under MGB; 2.1 mm fails both; 1.9 mm fails neither', () => {
    const witnesses = concept('spondylolisthesis').witnesses;
    const at = (mm: string) =>
      example(witnesses, new RegExp(`slip ${mm} mm, correlates with the predominant complaint\\)`));
    expect([at('2').a.outcome, at('2').b.outcome]).toEqual(['fails', 'needs-proprietary-review']);
    expect([at('2.1').a.outcome, at('2.1').b.outcome]).toEqual(['fails', 'fails']);
    expect([at('1.9').a.outcome, at('1.9').b.outcome]).toEqual([
      'meets',
      'needs-proprietary-review',
    ]);
    expect(at('2').differs).toBe(true);
  });

  it('an 18-year-old meets Cohere and fails MGB; at 25 MGB goes to non-public review', () => {
    const witnesses = concept('minimum-age').witnesses;
    expect(example(witnesses, /^age 18 years$/).a.outcome).toBe('meets');
    expect(example(witnesses, /^age 18 years$/).b.outcome).toBe('fails');
    expect(example(witnesses, /^age 17 years$/).a.outcome).toBe('fails');
    expect(example(witnesses, /^age 25 years$/).b.outcome).toBe('needs-proprietary-review');
  });

  it('spondylolysis above L3 is excluded by MGB only', () => {
    const p = example(concept('spondylolysis').witnesses, /vertebra: L2, correlates/);
    expect([p.a.outcome, p.b.outcome]).toEqual(['meets', 'fails']);
  });

  it('a discectomy at the level more than 6 months ago with radicular pain resolved passes Cohere and fails MGB', () => {
    const p = example(
      concept('prior-surgery').witnesses,
      /operation: discectomy, at a planned level, months ago 6.1 months, radicular pain resolved/,
    );
    expect([p.a.outcome, p.b.outcome]).toEqual(['meets', 'fails']);
  });

  it('a correlating 5.1 mm protrusion at L3–S1 fails Cohere only; 5 mm fails neither', () => {
    const witnesses = concept('disc-protrusion').witnesses;
    expect(example(witnesses, /size 5.1 mm/).a.outcome).toBe('fails');
    expect(example(witnesses, /size 5.1 mm/).b.outcome).toBe('needs-proprietary-review');
    expect(example(witnesses, /size 5 mm/).a.outcome).toBe('meets');
  });

  it('no behavioural health assessment fails Cohere only; concurrent procedures fail MGB only', () => {
    const noAssessment = example(
      concept('behavioral-health').witnesses,
      /behavioural health assessment recorded: no/,
    );
    expect([noAssessment.a.outcome, noAssessment.b.outcome]).toEqual([
      'fails',
      'needs-proprietary-review',
    ]);
    const concurrent = example(
      concept('concurrent-procedures').witnesses,
      /^other procedures in the same session$/,
    );
    expect([concurrent.a.outcome, concurrent.b.outcome]).toEqual(['meets', 'fails']);
  });

  it('builds every example from the V01 baseline, changing only the facts it names', () => {
    const baseline = vignette('V01-baseline') as Record<string, unknown>;
    for (const c of diff.concepts)
      for (const p of c.witnesses.flatMap((w) => w.patients)) {
        const facts = p.facts as Record<string, unknown>;
        // A fact filled in because another implies it (0 sessions of a therapy not tried) is not a change of its own.
        const implied = new Set<string>(
          factImplications
            .filter((i) => i.when.in?.includes(facts[i.when.fact] as never))
            .map((i) => i.then.fact),
        );
        const changed = Object.keys({ ...baseline, ...facts }).filter(
          (k) => !implied.has(k) && JSON.stringify(facts[k]) !== JSON.stringify(baseline[k]),
        );
        expect(changed.length, `${c.concept.id}: ${p.changes}`).toBeLessThanOrEqual(4);
        if (p.changes === 'as the baseline') expect(changed).toEqual([]);
      }
  });

  it('shows radicular pain as MGB’s exclusion of any radicular pain, never a predominant radicular pattern without radicular pain', () => {
    const c = concept('radicular-symptoms');
    const patients = c.witnesses.flatMap((w) => w.patients);
    for (const p of patients) expect(contradictions(p.facts), p.changes).toEqual([]);
    expect(c.witnesses.map((w) => w.sentence).join(' ')).not.toMatch(
      /Cohere MA v3 rules out a patient with predominant pain pattern: radicular; MGB/,
    );
    const witness = c.witnesses.find((w) => w.rulesOut === 'b')!;
    expect(witness.sentence).toMatch(/^MGB [^;]+ rules out a patient with radicular pain present/);
  });

  it('lists no item twice in any example patient', () => {
    for (const c of diff.concepts)
      for (const p of c.witnesses.flatMap((w) => w.patients))
        for (const [fact, value] of Object.entries(p.facts))
          if (Array.isArray(value)) {
            const items = value.map((item) => JSON.stringify(item));
            expect(new Set(items).size, `${c.concept.id}: ${fact} in ${p.changes}`).toBe(
              items.length,
            );
          }
  });

  it('links each failed criterion of an example to its anchor on the policy page', () => {
    const p = example(
      concept('spondylolisthesis').witnesses,
      /slip 2 mm, correlates with the predominant complaint\)/,
    );
    expect(p.a.reasons[0]!.href).toMatch(
      /^\/policies\/cohere-ma-v3\/#cohere-ma--spondylolisthesis-2mm(-repeated)?$/,
    );
  });
});
