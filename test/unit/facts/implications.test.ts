/**
 * Implications between facts: declared once, applied by the engine only to undocumented facts,
 * and contradictions named with both fields.
 */
import { describe, expect, it } from 'vitest';
import {
  applyImplications,
  contradictions,
  factImplications,
  impliedFacts,
} from '../../../src/lib/facts/implications.ts';
import { facts as catalogue } from '../../../src/lib/facts/catalog.ts';
import { type PatientFacts } from '../../../src/lib/facts/schema.ts';

describe('fact implications', () => {
  it('name only facts of the catalogue, with values their schemas allow', () => {
    for (const rule of factImplications) {
      const when = catalogue[rule.when.fact];
      const then = catalogue[rule.then.fact];
      for (const value of rule.when.in ?? [])
        expect(when.schema.safeParse(value).success, `${rule.id} when ${String(value)}`).toBe(true);
      for (const value of [...rule.then.in, rule.then.value])
        expect(then.schema.safeParse(value).success, `${rule.id} then ${String(value)}`).toBe(true);
      expect(rule.then.in).toContain(rule.then.value);
    }
  });

  it('fills in radicular pain from a predominant radicular pattern', () => {
    expect(applyImplications({ predominantPain: 'radicular' })).toEqual({
      predominantPain: 'radicular',
      radicularPain: true,
    });
    expect(impliedFacts({ predominantPain: 'radicular' })).toEqual([
      expect.objectContaining({
        fact: 'radicularPain',
        value: true,
        from: { fact: 'predominantPain', value: 'radicular' },
      }),
    ]);
  });

  it('fills in neurogenic claudication from a predominant claudication pattern', () => {
    expect(applyImplications({ predominantPain: 'neurogenic-claudication' })).toMatchObject({
      neurogenicClaudication: true,
    });
  });

  it('fills in 0 sessions for cognitive therapy not tried, and "tried" from sessions attended', () => {
    expect(applyImplications({ cognitiveTherapy: 'not-tried' })).toMatchObject({
      cognitiveTherapySessions: 0,
    });
    expect(applyImplications({ cognitiveTherapySessions: 3 })).toMatchObject({
      cognitiveTherapy: 'tried',
    });
    expect(applyImplications({ cognitiveTherapySessions: 0 })).toEqual({
      cognitiveTherapySessions: 0,
    });
  });

  it('invents nothing beyond what follows: an axial pattern says nothing about radicular pain', () => {
    const facts: PatientFacts = { predominantPain: 'axial', cognitiveTherapy: 'tried' };
    expect(applyImplications(facts)).toBe(facts);
    expect(impliedFacts({})).toEqual([]);
  });

  it('never replaces a documented value', () => {
    const facts: PatientFacts = { predominantPain: 'radicular', radicularPain: false };
    expect(applyImplications(facts)).toBe(facts);
  });

  it('names both fields of a contradiction, once per pair', () => {
    const found = contradictions({
      predominantPain: 'radicular',
      radicularPain: false,
      cognitiveTherapy: 'not-tried',
      cognitiveTherapySessions: 2,
    });
    expect(found.map((c) => c.paths)).toEqual([
      ['predominantPain', 'radicularPain'],
      ['cognitiveTherapy', 'cognitiveTherapySessions'],
    ]);
    expect(found[0]!.message).toBe(
      'Predominant pain pattern (predominantPain) “radicular” contradicts Radicular pain present (radicularPain) “no”: radicular pain as the predominant pattern is radicular pain present.',
    );
  });

  it('finds a predominant claudication pattern beside "no neurogenic claudication"', () => {
    expect(
      contradictions({
        predominantPain: 'neurogenic-claudication',
        neurogenicClaudication: false,
      }).map((c) => c.paths),
    ).toEqual([['predominantPain', 'neurogenicClaudication']]);
  });

  it('finds the same vertebral body planned twice', () => {
    const found = contradictions({
      plannedLevels: [{ level: 'L4' }, { level: 'L5' }, { level: 'L4', ablatedBefore: false }],
    });
    expect(found.map((c) => c.paths)).toEqual([
      ['plannedLevels[0].level', 'plannedLevels[2].level'],
    ]);
  });

  it('finds nothing in consistent facts, radicular pain that is present but not predominant included', () => {
    expect(
      contradictions({
        predominantPain: 'axial',
        radicularPain: true,
        cognitiveTherapy: 'contraindicated',
        cognitiveTherapySessions: 1,
        plannedLevels: [{ level: 'L4' }, { level: 'L5' }],
      }),
    ).toEqual([]);
  });
});
