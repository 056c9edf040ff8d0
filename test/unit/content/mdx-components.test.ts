import { describe, expect, it } from 'vitest';
import { mdxComponents } from '../../../src/lib/content/mdx-components.ts';

const cites = (body: string) => mdxComponents(body, ['Cite']).uses.get('Cite');

describe('reading components from an MDX body', () => {
  it('reads each use with its attributes and line', () => {
    const body = [
      'A sentence <Cite source="smuck-2021" table="Table 3" />.',
      '',
      'Another <Cite source="fischgrund-2018" section="Abstract" verification="inference" />.',
    ].join('\n');
    expect(cites(body)).toEqual([
      { attributes: { source: 'smuck-2021', table: 'Table 3' }, expressions: [], line: 1 },
      {
        attributes: { source: 'fischgrund-2018', section: 'Abstract', verification: 'inference' },
        expressions: [],
        line: 3,
      },
    ]);
  });

  it('reads attributes written over several lines, and single quotes', () => {
    const body = 'Text <Cite\n  source=\'khalil-2019\'\n  section="Results"\n/>.';
    expect(cites(body)).toEqual([
      { attributes: { source: 'khalil-2019', section: 'Results' }, expressions: [], line: 1 },
    ]);
  });

  it('does not count a component shown in code as a use', () => {
    const body = 'Write `<Cite source="x" />` like this:\n\n```mdx\n<Cite source="y" />\n```\n';
    expect(cites(body)).toEqual([]);
  });

  it('names attributes given as expressions, which cannot be checked', () => {
    const [use] = cites('See <Cite source="smuck-2021" section={name} />.')!;
    expect(use).toMatchObject({ attributes: { source: 'smuck-2021' }, expressions: ['section'] });
  });

  it('tells components apart by name', () => {
    const { uses } = mdxComponents('<StudyValue study="smart-2018" arm="bvna" /> <Citation />', [
      'Cite',
      'StudyValue',
    ]);
    expect(uses.get('Cite')).toEqual([]);
    expect(uses.get('StudyValue')?.[0]?.attributes).toEqual({ study: 'smart-2018', arm: 'bvna' });
  });

  it('reports a body it cannot parse, with the line, instead of finding nothing', () => {
    const { error } = mdxComponents('Fine.\n\nBroken <Cite source="x" section="y" .\n', ['Cite']);
    expect(error?.line).toBe(3);
    expect(error?.message).toMatch(/^MDX cannot be parsed: /);
  });
});
