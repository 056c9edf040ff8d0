import { beforeAll, describe, expect, it } from 'vitest';
import { exclusionFacts } from '../../../src/lib/checker/exclusions.ts';
import type { EvaluablePolicy } from '../../../src/lib/engine/types.ts';
import { evaluateAll } from '../../../src/lib/engine/evaluate.ts';
import { loadContent, vignette } from '../../helpers/content.ts';

let lines: EvaluablePolicy[];
beforeAll(async () => {
  lines = (await loadContent()).current;
});

describe('"none of these documented as present"', () => {
  it('offers only the imaging and history groups', () => {
    expect(Object.keys(exclusionFacts(lines)).sort()).toEqual(['history', 'imaging']);
  });

  it('sets exclusions read from the criteria to no, none or an empty list', () => {
    const { history = [], imaging = [] } = exclusionFacts(lines);
    const byKey = new Map([...history, ...imaging].map((f) => [f.key, f.absent]));
    expect(byKey.get('osteoporosis')).toBe(false);
    expect(byKey.get('spinalMalignancy')).toBe(false);
    expect(byKey.get('spineInfection')).toBe('none');
    expect(byKey.get('substanceUseDisorder')).toBe('none');
    expect(byKey.get('priorLumbarSurgery')).toEqual([]);
    expect(byKey.get('spondylolisthesis')).toEqual([]);
    // Required absent although stated as an indication ("no other vertebral pathology").
    expect(byKey.get('otherVertebralPathology')).toBe(false);
  });

  it('never sets a fact whose presence a criterion requires, nor a number', () => {
    const keys = Object.values(exclusionFacts(lines))
      .flat()
      .map((f) => f.key);
    for (const key of [
      'behavioralHealthAssessment',
      'treatmentObjectiveStated',
      'devicePrecautionsDocumented',
      'mriReport',
      'modicChanges',
      'plannedLevels',
      'tScore',
    ])
      expect(keys).not.toContain(key);
  });

  it('never makes an outcome worse for a patient with none of the exclusions (V01 with the action applied)', () => {
    const facts = vignette('V01-baseline') as Record<string, unknown>;
    const filled = { ...facts };
    for (const f of Object.values(exclusionFacts(lines)).flat()) filled[f.key] ??= f.absent;
    expect(evaluateAll(lines, filled).map((e) => e.outcome)).toEqual(
      evaluateAll(lines, facts).map((e) => e.outcome),
    );
  });
});
