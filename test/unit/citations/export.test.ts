import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  amaHtml,
  amaText,
  bibtex,
  cslItem,
  cslJson,
  hasTruncatedAuthors,
  ris,
  unwrapRis,
} from '../../../src/lib/citations/export.ts';
import { cslNames } from '../../../src/lib/citations/csl.ts';
import { bibtexOf, cslJsonOf, fixBibtexDates, risOf } from '../../../src/lib/citations/formats.ts';
import type { Source } from '../../../src/lib/schema/source.ts';

const source = (id: string) =>
  JSON.parse(readFileSync(`src/content/sources/${id}.json`, 'utf8')) as Source;

describe('AMA (11th edition) references from the project’s own CSL style', () => {
  it('formats a journal article: authors, title, journal, year;volume(issue):pages, doi', () => {
    expect(amaText('fischgrund-2018', source('fischgrund-2018'))).toBe(
      'Fischgrund JS, Rhyne A, Franke J, et al. Intraosseous basivertebral nerve ablation for the treatment of chronic low back pain: a prospective randomized double-blind sham-controlled multi-center study. European Spine Journal. 2018;27(5):1146-1156. doi:10.1007/s00586-018-5496-1',
    );
  });

  it('italicises the journal name in HTML', () => {
    expect(amaHtml('fischgrund-2018', source('fischgrund-2018'))).toContain(
      '<i>European Spine Journal</i>. 2018;27(5):1146-1156.',
    );
  });

  it('formats a payer policy (report): italic title, kind, version, publisher; year', () => {
    expect(amaText('cohere-bvn-v3', source('cohere-bvn-v3'))).toBe(
      'Cohere Health, Inc. Thermal Ablation of the Intraosseous Basivertebral Nerve (BVN): Clinical Policy for Medical Necessity Review (Medicare Advantage). Medicare Advantage clinical policy. Version 3. Cohere Health, Inc.; 2025.',
    );
    expect(amaHtml('cohere-bvn-v3', source('cohere-bvn-v3'))).toMatch(
      /^Cohere Health, Inc\. <i>Thermal Ablation/,
    );
  });

  it('formats an LCD with its number and URL, without an invented access date', () => {
    expect(amaText('cms-lcd-l39420', source('cms-lcd-l39420'))).toBe(
      'Centers for Medicare & Medicaid Services. Local Coverage Determination: Thermal Destruction of the Intraosseous Basivertebral Nerve (BVN) for Vertebrogenic Lower Back Pain. Local Coverage Determination L39420. Centers for Medicare & Medicaid Services, Medicare Coverage Database; 2023. https://cms.gov/medicare-coverage-database/view/lcd.aspx?lcdId=39420',
    );
  });

  it('formats a web page: title, site, "Published" date', () => {
    expect(amaText('droracle-what-is-intracept', source('droracle-what-is-intracept'))).toBe(
      'Dr.Oracle. What is the Intracept (Intravertebral Endoscopic Procedure) procedure? Dr.Oracle. AI-generated question-and-answer page. Published May 8, 2025.',
    );
  });

  it('lists up to six authors, and the first three with "et al" beyond six; prints an access date when there is one', () => {
    const base: Source = { ...source('fischgrund-2018'), author: [] };
    const names = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ family: `Author${i + 1}`, given: 'Anne B.' }));
    expect(amaText('x', { ...base, author: names(6) })).toMatch(
      /^Author1 AB, Author2 AB, Author3 AB, Author4 AB, Author5 AB, Author6 AB\. Intraosseous/,
    );
    expect(amaText('x', { ...base, author: names(7) })).toMatch(
      /^Author1 AB, Author2 AB, Author3 AB, et al\. Intraosseous/,
    );
    const { DOI: _doi, ...noDoi } = base;
    expect(
      amaText('x', { ...noDoi, author: names(1), accessed: { 'date-parts': [[2026, 11, 25]] } }),
    ).toMatch(/2018;27\(5\):1146-1156\. Accessed November 25, 2026\. https:\/\/scholarworks/);
  });
});

describe('BibTeX, RIS and CSL-JSON downloads', () => {
  const smart = source('fischgrund-2018');

  it('keys BibTeX entries by the site id and ends a truncated author list with "and others"', () => {
    expect(hasTruncatedAuthors(smart)).toBe(true);
    const out = bibtex('fischgrund-2018', smart);
    expect(out).toMatch(/^@article\{fischgrund-2018,/);
    expect(out).toContain(
      'author = {Fischgrund, Jeffrey S. and Rhyne, Alfred and Franke, J{\\" o}rg and others}',
    );
    expect(out).not.toMatch(/et al/);
  });

  it('writes RIS with one line per tag (no wrapped titles or URLs) and no "et al." author', () => {
    const out = ris('fischgrund-2018', smart);
    expect(out).toMatch(/^TY {2}- JOUR$/m);
    expect(out).toMatch(
      /^TI {2}- Intraosseous basivertebral nerve ablation .* multi-center study$/m,
    );
    expect(out).toMatch(
      /^UR {2}- https:\/\/scholarworks\.indianapolis\.iu\.edu\/items\/00820f45-8087-4b2e-b93d-65fe117b903f\/full$/m,
    );
    expect(out.match(/^AU {2}- /gm)).toHaveLength(3);
    expect(out).not.toMatch(/et al/);
    expect(out.split('\n').every((line) => line === '' || /^[A-Z][A-Z0-9] {2}-/.test(line))).toBe(
      true,
    );
  });

  it('joins wrapped RIS lines back exactly', () => {
    expect(unwrapRis('TY  - JOUR\nTI  - abc\ndef\nghi\nER  - \n')).toBe(
      'TY  - JOUR\nTI  - abcdefghi\nER  - ',
    );
  });

  it('writes CSL-JSON without the site’s own fields and without the "et al." marker', () => {
    const [item] = JSON.parse(cslJson('fischgrund-2018', smart)) as Record<string, unknown>[];
    expect(item?.id).toBe('fischgrund-2018');
    expect(item?.author).toHaveLength(3);
    for (const field of [
      'kind',
      'verification',
      'sections',
      'description',
      'lastReviewed',
      'seed',
      'related',
    ])
      expect(item).not.toHaveProperty(field);
    expect(cslItem('x', smart, 'keep').author?.at(-1)).toEqual({ literal: 'et al.' });
  });

  it('leaves a complete author list as it is', () => {
    const cohere = source('cohere-bvn-v3');
    expect(hasTruncatedAuthors(cohere)).toBe(false);
    expect(bibtex('cohere-bvn-v3', cohere)).not.toMatch(/others/);
  });
});

describe('BibTeX dates', () => {
  it('writes the month as BibTeX’s macro and the day in biblatex’s ISO date, never "{may 29}"', () => {
    const out = bibtex('cohere-bvn-v3', source('cohere-bvn-v3'));
    expect(out).toMatch(/^\s*month = may,$/m);
    expect(out).toMatch(/^\s*date = \{2025-05-29\},?$/m);
    expect(out).not.toMatch(/month = \{/);
  });

  it.each([
    ['\tyear = {2024},\n\tmonth = {10},\n', '\tyear = {2024},\n\tmonth = oct,\n'],
    [
      '\tyear = {2024},\n\tmonth = {feb 29},\n',
      '\tyear = {2024},\n\tmonth = feb,\n\tdate = {2024-02-29},\n',
    ],
    ['\tmonth = {dec 4}\n', '\tmonth = dec\n'],
  ])('%j becomes %j', (before, after) => {
    expect(fixBibtexDates(before)).toBe(after);
  });
});

describe('reference files of several sources (the appeal packet’s)', () => {
  const ids = ['fischgrund-2018', 'cohere-bvn-v3', 'cms-lcd-l39420'];
  const items = ids.map((id) => cslItem(id, source(id), 'keep'));

  it('holds exactly the sources given, in order, in each format', () => {
    const bib = bibtexOf(items);
    expect([...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1])).toEqual(ids);
    expect(bib).toContain('and others}');
    const risText = risOf(items);
    expect(risText.match(/^TY {2}- /gm)).toHaveLength(3);
    expect(risText.match(/^ER {2}- ?$/gm)).toHaveLength(3);
    expect((JSON.parse(cslJsonOf(items)) as { id: string }[]).map((i) => i.id)).toEqual(ids);
  });

  it('is the same text as the one-source files joined', () => {
    expect(bibtexOf(items)).toBe(
      `${ids.map((id) => bibtex(id, source(id)).trim()).join('\n\n')}\n`,
    );
  });
});

describe('author lists for display', () => {
  it('ends a truncated record with "et al" so the caller’s full stop is the only one', () => {
    expect(cslNames([{ family: 'Busse', given: 'Jason W' }, { literal: 'et al.' }])).toBe(
      'Busse JW, et al',
    );
    expect(
      `${cslNames([{ family: 'Busse', given: 'Jason W' }, { literal: 'et al.' }])}.`,
    ).not.toContain('..');
  });

  it('shortens a list longer than six to three names and "et al"', () => {
    const seven = Array.from({ length: 7 }, (_, i) => ({ family: `Author${i + 1}`, given: 'A' }));
    expect(cslNames(seven)).toBe('Author1 A, Author2 A, Author3 A, et al');
    expect(cslNames(seven.slice(0, 6))).toBe(
      seven
        .slice(0, 6)
        .map((a) => `${a.family} A`)
        .join(', '),
    );
  });
});
