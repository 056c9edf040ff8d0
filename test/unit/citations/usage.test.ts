import { describe, expect, it } from 'vitest';
import { citingPages } from '../../../src/lib/citations/usage.ts';

const content = {
  policies: [
    {
      id: 'p1',
      data: {
        shortName: 'P1',
        source: { source: 's1' },
        lines: [{ citation: { source: 's1' } }, { citation: { source: 's2' } }],
      },
    },
    { id: 'p2', data: { shortName: 'P2', nested: { deep: [{ source: 's2' }] } } },
  ],
  studies: [{ id: 'st', data: { shortName: 'ST', statements: [{ source: 's1' }] } }],
  guidelines: [],
  claims: [{ id: 'c1', data: { claim: 'A claim', claimant: 's3', citation: { source: 's1' } } }],
};

describe('pages citing a source', () => {
  it('counts every citation object, in policies, studies, guidelines and claims', () => {
    expect(citingPages('s1', content)).toEqual([
      { kind: 'policies', href: '/policies/p1/', title: 'P1', count: 2 },
      { kind: 'studies', href: '/studies/st/', title: 'ST', count: 1 },
      { kind: 'claims', href: '/claims/c1/', title: 'A claim', count: 1 },
    ]);
    expect(citingPages('s2', content).map((p) => [p.href, p.count])).toEqual([
      ['/policies/p1/', 1],
      ['/policies/p2/', 1],
    ]);
  });

  it('counts a claimant as a citation of its source, and knows uncited sources', () => {
    expect(citingPages('s3', content)).toEqual([
      { kind: 'claims', href: '/claims/c1/', title: 'A claim', count: 1 },
    ]);
    expect(citingPages('nowhere', content)).toEqual([]);
  });
});
