/**
 * The pair page's content as view nodes, which the build and the browser both render: the node
 * builder, citations and badges, and what a pair page says for a pair compared rule by rule and
 * for a pair with a line that pays for no one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { baselineName, baselinePatient } from '../../../src/lib/compare/baseline.ts';
import {
  badgeNodes,
  citeNodes,
  ruleCitationNodes,
  type SourceLookup,
} from '../../../src/lib/compare/citation-nodes.ts';
import { pairPageView } from '../../../src/lib/compare/pair-view.ts';
import { diffLines } from '../../../src/lib/compare/pairs.ts';
import { el, nodeText, type ViewNode } from '../../../src/lib/compare/view-nodes.ts';
import type { EvaluablePolicy } from '../../../src/lib/engine/types.ts';
import { loadContent } from '../../helpers/content.ts';

const sources: SourceLookup = (id) =>
  ({
    policy: { title: 'Policy X', verification: 'verified' as const },
    summary: { title: 'Summary Y', verification: 'secondary' as const },
  })[id];

/** Every element's tag and attributes, depth first, for asserting structure. */
function elements(nodes: readonly ViewNode[]): string[] {
  return nodes.flatMap((n) =>
    typeof n === 'string'
      ? []
      : [
          `${n.tag}${Object.entries(n.attrs)
            .map(([k, v]) => ` ${k}=${v}`)
            .join('')}`,
          ...elements(n.children),
        ],
  );
}

describe('view nodes', () => {
  it('leave out missing attributes and children, and keep numbers as text', () => {
    const node = el('p', { id: 'x', class: undefined, hidden: false, tabindex: 0 }, 'a', false, [
      '',
      'b',
    ]);
    expect(node).toEqual({ tag: 'p', attrs: { id: 'x', tabindex: '0' }, children: ['a', 'b'] });
    expect(nodeText([el('p', {}, ' one\n'), el('p', {}, 'two ')])).toBe('one two');
  });
});

describe('citation nodes', () => {
  it('show a badge for labels other than verified, and for verified only when asked', () => {
    expect(badgeNodes('verified')).toEqual([]);
    expect(nodeText(badgeNodes('verified', true))).toBe('verified');
    expect(nodeText(badgeNodes('seed-only'))).toBe('seed document only');
  });

  it('cite a source by its short title and locator, badged unless the page already says so', () => {
    const cited = citeNodes({ source: 'summary', section: 'Methods', page: '3' }, sources);
    expect(nodeText(cited)).toBe('[Summary Y, Methods, p. 3] secondary source only');
    expect(elements(cited)).toContain('a href=/bibliography/#summary');
    const quiet = citeNodes({ source: 'summary', section: 'Methods' }, sources, 'secondary');
    expect(nodeText(quiet)).toBe('[Summary Y, Methods]');
    expect(() => citeNodes({ source: 'nowhere', section: 'A' }, sources)).toThrow(
      'unknown source "nowhere"',
    );
  });

  it('group a rule’s places by source, each locator linked once to the rule', () => {
    const nodes = ruleCitationNodes(
      [
        { citation: { source: 'policy', section: 'Indications', item: 1 }, anchor: '#r1' },
        { citation: { source: 'policy', section: 'Indications', item: 1 }, anchor: '#r1-again' },
        { citation: { source: 'policy', section: 'Indications', item: 2 }, anchor: '#r2' },
        { citation: { source: 'summary', section: 'Table 2' } },
        { anchor: '#uncited' },
      ],
      sources,
      'verified',
    );
    expect(nodeText(nodes)).toBe(
      '[Policy X: Indications, item 1; Indications, item 2][Summary Y: Table 2] secondary source only',
    );
    expect(elements(nodes).filter((e) => e.startsWith('a '))).toEqual([
      'a href=/bibliography/#policy',
      'a href=#r1',
      'a href=#r2',
      'a href=/bibliography/#summary',
    ]);
  });
});

describe('pairPageView', () => {
  let byId: Map<string, EvaluablePolicy>;
  let lookup: SourceLookup;
  let all: EvaluablePolicy[];
  beforeAll(async () => {
    const content = await loadContent();
    byId = content.byId;
    all = content.lines;
    lookup = (id) => {
      const s = content.content.sources.get(id);
      return s && { title: s['title-short'], verification: s.verification };
    };
  });
  const view = (a: string, b: string) =>
    pairPageView(
      diffLines(byId.get(a)!, byId.get(b)!, { all, baseline: baselinePatient(), baselineName }),
      {
        a: { summary: 'Summary of A.', verification: 'verified' },
        b: { verification: 'unverified' },
      },
      lookup,
    );

  it('titles the page with both names and lists the sections with their counts', () => {
    const page = view('cohere-ma', 'highmark');
    expect(page.title).toBe('Cohere MA v3 and Highmark 15-01-004 compared');
    expect(page.description).toMatch(/^Cohere MA v3 covers BVNA with criteria; Highmark/);
    const text = nodeText(page.body);
    expect(text).toContain('Covered with criteria. Summary of A. [');
    expect(text).toMatch(/Different \(\d+\)Only in Cohere MA v3 \(\d+\)/);
    expect(elements(page.body)).toEqual(
      expect.arrayContaining([
        'h2 id=baseline',
        'h2 id=pair-differs',
        'h2 id=pair-only-a',
        'h2 id=pair-only-b',
        'h2 id=pair-same',
        'a href=/policies/cohere-ma-v3/#line-cohere-ma',
      ]),
    );
  });

  it('says why the rules are not compared when a line pays for no one, and links both', () => {
    const page = view('cohere-ma', 'uhc-commercial');
    const text = nodeText(page.body);
    expect(text).toContain('The rules are not compared one by one:');
    expect(text).toContain(
      'pays for no one, so none of the other policy’s rules changes the outcome',
    );
    expect(elements(page.body)).not.toContain('h2 id=pair-differs');
  });
});
