import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../src/loaders/content-files.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { checkContent } from '../helpers/content.ts';

const { body } = parseMdx(readFileSync('src/content/articles/evidence-summary.mdx', 'utf8'));

/** Prose blocks: paragraphs and list items, without headings and chart components. */
function proseBlocks(mdx: string): string[] {
  return mdx
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !/^<EvidenceChart\b/.test(line))
    .map((line) => line.replace(/^- /, ''));
}

/** Sentences of a block: split after a full stop that is outside any component tag. */
function sentences(block: string): string[] {
  // A private-use character stands in for full stops inside tags while splitting.
  const masked = block.replace(/<[^>]*>/g, (tag) => tag.replace(/\./g, '\uE000'));
  return masked
    .split(/(?<=\.)\s+/)
    .map((s) => s.replace(/\uE000/g, '.'))
    .filter(Boolean);
}

describe('the evidence summary', () => {
  const all = proseBlocks(body).flatMap(sentences);

  it('has substance in each of its sections', () => {
    for (const heading of [
      'What the trials show',
      'Where the comparator matters',
      'How certain the evidence is',
      'Open questions',
    ])
      expect(body).toContain(`## ${heading}`);
    expect(all.length).toBeGreaterThan(25);
  });

  it('cites every sentence', () => {
    const uncited = all.filter((s) => !/<Cite\s/.test(s));
    expect(uncited).toEqual([]);
  });

  // Names that contain digits but are not figures: a term of art and a guideline's name.
  const names = [/Modic type 1 or 2/g, /\b2025 BMJ\b/g];

  it('types no figure of its own: every digit sits inside a component, so numbers come from study entries', () => {
    const typed = all
      .map((s) => names.reduce((text, name) => text.replace(name, ''), s.replace(/<[^>]*>/g, '')))
      .filter((s) => /\d/.test(s));
    expect(typed).toEqual([]);
    expect(body).toMatch(/<StudyValue study="smart-2018" outcome="odi-difference-3m-derived" \/>/);
  });

  it('passes the content check, including every <Cite> locator and <StudyValue> reference', async () => {
    const { errors } = await checkContent();
    expect(errors.filter((e) => e.path.includes('articles/'))).toEqual([]);
  });

  it('would fail the content check on a <StudyValue> naming an outcome the study does not have', async () => {
    const { files } = await checkContent();
    const broken = files.map((f) =>
      f.collection === 'articles'
        ? { ...f, body: '<StudyValue study="smart-2018" outcome="no-such-row" />' }
        : f,
    );
    const { errors } = validateContent(broken);
    expect(errors.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/study "smart-2018" has no outcome "no-such-row"/),
    );
  });
});
