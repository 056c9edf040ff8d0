/**
 * The checker's validation reports facts that contradict each other on both fields, naming both,
 * and reads neither until one is changed; a facts file with a contradiction is not imported.
 */
import { describe, expect, it } from 'vitest';
import { validateDraft } from '../../../src/lib/checker/draft.ts';
import { readFactsText } from '../../../src/lib/facts/read.ts';

describe('contradictory facts in the checker', () => {
  it('puts the message on both fields, names both, and leaves both undocumented', () => {
    const { facts, problems } = validateDraft({
      ageYears: 52,
      predominantPain: 'radicular',
      radicularPain: false,
    });
    expect(problems.map((p) => p.path)).toEqual(['predominantPain', 'radicularPain']);
    for (const p of problems) {
      expect(p.message).toContain('Predominant pain pattern (predominantPain)');
      expect(p.message).toContain('Radicular pain present (radicularPain)');
      expect(p.message).toContain('Both are treated as not documented until one is changed.');
    }
    expect(facts).toEqual({ ageYears: 52 });
  });

  it('reports a body planned twice on the rows concerned, keeping the rest of the list', () => {
    const { facts, problems } = validateDraft({
      plannedLevels: [
        { level: 'L4', ablatedBefore: false },
        { level: 'L4', ablatedBefore: false },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'plannedLevels[0].level',
      'plannedLevels[1].level',
    ]);
    expect(facts).toEqual({ plannedLevels: [{ ablatedBefore: false }, { ablatedBefore: false }] });
  });

  it('refuses a facts file whose facts contradict each other, naming both fields', () => {
    const result = readFactsText(
      JSON.stringify({ cognitiveTherapy: 'not-tried', cognitiveTherapySessions: 2 }),
      'chart.json',
    );
    expect(result).toEqual({
      ok: false,
      kind: 'contradiction',
      errors: [
        expect.stringMatching(
          /^cognitiveTherapy \/ cognitiveTherapySessions: Cognitive therapy \(cognitiveTherapy\).*Cognitive therapy sessions \(cognitiveTherapySessions\)/,
        ),
      ],
    });
  });
});
