import { describe, expect, it } from 'vitest';
import { searchFacets } from '../../../src/lib/search/facets.ts';
import type { Guideline } from '../../../src/lib/schema/guideline.ts';
import type { Payer } from '../../../src/lib/schema/payer.ts';
import type { Policy } from '../../../src/lib/schema/policy.ts';

const payer = (shortName: string) =>
  ({
    name: shortName,
    shortName,
    kind: 'health-plan',
    description: 'x',
    lastReviewed: '2026-01-01',
  }) as Payer;
const policy = (payerId: string, ...lines: Policy['lines'][number]['productLines'][]) =>
  ({ payer: payerId, lines: lines.map((productLines) => ({ productLines })) }) as unknown as Policy;
const payers = new Map([
  ['mgb', payer('MGB Health Plan')],
  ['cohere', payer('Cohere')],
  ['aetna', payer('Aetna')],
]);

describe('search facets', () => {
  const facets = searchFacets({
    policies: [
      policy('mgb', ['commercial', 'qhp'], ['medicaid']),
      policy('cohere', ['medicare-advantage']),
      policy('mgb', ['commercial']),
    ],
    payers,
    guidelines: [
      { stance: 'recommends' } as Guideline,
      { stance: 'insufficient-evidence' } as Guideline,
    ],
  });
  const facet = (param: string) => facets.find((f) => f.param === param)!;

  it('always offers the four kinds of page, in a fixed order', () => {
    expect(facet('kind').options.map((o) => o.value)).toEqual([
      'policy',
      'guideline',
      'study',
      'claim',
    ]);
  });

  it('offers only payers that issued a policy, by the short name the policy pages index, once each', () => {
    expect(facet('payer').options.map((o) => o.value)).toEqual(['Cohere', 'MGB Health Plan']);
  });

  it('offers product lines in the words the policy pages index, under the filter name "product line"', () => {
    expect(facet('line').filter).toBe('product line');
    expect(facet('line').options.map((o) => o.value)).toEqual([
      'Commercial',
      'Medicaid',
      'Medicare Advantage',
      'Qualified Health Plan',
    ]);
  });

  it('offers guideline stances in words', () => {
    expect(facet('stance').options.map((o) => o.value)).toEqual([
      'Insufficient evidence',
      'Recommends',
    ]);
  });

  it('leaves out a facet with no values', () => {
    expect(searchFacets({ policies: [], payers, guidelines: [] }).map((f) => f.param)).toEqual([
      'kind',
    ]);
  });
});
