import { describe, expect, it } from 'vitest';
import { relatedDocuments } from '../../../src/lib/citations/related.ts';
import { policyKeywords, policySearchTitle } from '../../../src/lib/search/keywords.ts';
import type { Policy } from '../../../src/lib/schema/policy.ts';
import type { Source } from '../../../src/lib/schema/source.ts';

const source = (fields: Partial<Source>) =>
  ({ type: 'webpage', title: 't', 'title-short': 'T', ...fields }) as Source;
const sources = [
  { id: 'cms-lcd-l1', data: source({ 'title-short': 'LCD L1', number: 'L1' }) },
  {
    id: 'cms-article-a2',
    data: source({ 'title-short': 'Article A2', number: 'A2', related: ['cms-lcd-l1'] }),
  },
  { id: 'other', data: source({ 'title-short': 'Other', related: ['cms-lcd-l9'] }) },
];
const policy = {
  title: 'Thermal destruction of the basivertebral nerve',
  shortName: 'LCD L1',
  policyNumber: 'L1',
  status: 'current',
  codes: { cpt: ['64628', '64629'], icd10: ['M54.51'] },
  searchTerms: ['KX modifier'],
} as Policy;

describe('search keywords of a policy page', () => {
  it('finds the documents that declare themselves part of a policy’s source', () => {
    expect(relatedDocuments('cms-lcd-l1', sources)).toEqual([
      { id: 'cms-article-a2', number: 'A2', title: 'Article A2' },
    ]);
    expect(relatedDocuments('cms-lcd-l9', sources).map((d) => d.id)).toEqual(['other']);
  });

  it('lists the name, number, codes, related documents and search terms of a current policy', () => {
    expect(policyKeywords(policy, relatedDocuments('cms-lcd-l1', sources))).toEqual([
      'LCD L1',
      'L1',
      'CPT 64628',
      '64628',
      'CPT 64629',
      '64629',
      'M54.51',
      'Article A2',
      'A2',
      'KX modifier',
    ]);
  });

  it('gives a superseded version none, so a number leads to the version in force', () => {
    expect(policyKeywords({ ...policy, status: 'superseded' }, [])).toEqual([]);
  });

  it('titles results with the short name, unless the title already holds it', () => {
    expect(policySearchTitle(policy)).toBe(
      'LCD L1: Thermal destruction of the basivertebral nerve',
    );
    expect(policySearchTitle({ shortName: 'CAM 394', title: 'CAM 394 policy' })).toBe(
      'CAM 394 policy',
    );
  });
});
