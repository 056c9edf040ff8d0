import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { studySchema, type Study } from '../../src/lib/schema/study.ts';
import { checkContent } from '../helpers/content.ts';

let studies: Map<string, Study>;
let errors: Awaited<ReturnType<typeof checkContent>>['errors'];
beforeAll(async () => {
  const loaded = await checkContent();
  studies = loaded.content.studies;
  errors = loaded.errors;
});

describe('study entries', () => {
  it('pass the schema and every cross-reference check', () => {
    expect(errors).toEqual([]);
    expect(studies.size).toBeGreaterThanOrEqual(19);
  });

  it('cover the trials, follow-ups, reviews, model and cohorts the evidence pages rely on', () => {
    for (const id of [
      'smart-2018',
      'smart-2019-24-month',
      'smart-2020-5-year',
      'intracept-2019-interim',
      'intracept-2021-12-month',
      'intracept-2021-24-month',
      'truumees-2019',
      'macadaeg-2020',
      'conger-2021',
      'conger-2022',
      'schnapp-2022-scoping-review',
      'smuck-2025-cost-effectiveness',
      'schnapp-aan-2023-community',
      'nct05692440-community-cohort',
      'mccormick-2025-real-world-cohort',
      'pooled-5-year-sir-2025',
      'pooled-3-year-sir-2023',
      'deformity-case-review',
    ])
      expect(studies.has(id), id).toBe(true);
  });

  it('store a number that could not be found as null, labelled not-found, never as a guess', () => {
    const numbers = [...studies.entries()].flatMap(([id, s]) => [
      ...s.arms.map((a) => ({ where: `${id} arm ${a.id}`, n: a.n })),
      ...s.outcomes.map((o) => ({ where: `${id} ${o.id}`, n: o.result })),
    ]);
    for (const { where, n } of numbers) {
      if (n.value === null && n.range === undefined)
        expect(n.verification, where).toBe('not-found');
      if (n.verification === 'not-found') expect(n.value, where).toBeNull();
    }
    // The numbers the research notes could not find stay unknown.
    // Truumees' number treated is known only from a news report, and is labelled so.
    expect(studies.get('truumees-2019')!.arms[0]!.n).toMatchObject({
      value: 28,
      verification: 'secondary',
      citation: { source: 'spineuniverse-truumees-2019-news' },
    });
    expect(studies.get('macadaeg-2020')!.outcomes.every((o) => o.result.value === null)).toBe(true);
    expect(
      studies.get('smart-2018')!.outcomes.find((o) => o.id === 'odi-change-3m-itt')!.result.value,
    ).toBeNull();
  });

  it('keep derived numbers equal to the arithmetic of the rows they come from, labelled as the editors’ inference', () => {
    const derived = [...studies.entries()].flatMap(([id, s]) =>
      s.outcomes.filter((o) => o.derivedFrom).map((o) => ({ id, s, o })),
    );
    expect(derived.length).toBeGreaterThan(0);
    for (const { id, s, o } of derived) {
      const a = s.outcomes.find((x) => x.id === o.derivedFrom!.minuend)!.result.value!;
      const b = s.outcomes.find((x) => x.id === o.derivedFrom!.subtrahend)!.result.value!;
      expect(o.result.value, `${id} ${o.id}`).toBeCloseTo(a - b, 6);
      expect(o.result.verification).toBe('inference');
      expect(o.result.ci95).toBeUndefined();
    }
    expect(
      studies.get('smart-2018')!.outcomes.find((o) => o.id === 'odi-difference-3m-derived')!.result
        .value,
    ).toBe(-5.3);
  });

  it('keep the seed-only SMART sham responder rate labelled seed-only', () => {
    expect(
      studies.get('smart-2018')!.outcomes.find((o) => o.id === 'odi-responders-3m-sham')!.result
        .verification,
    ).toBe('seed-only');
  });

  it('cite the SMART 5-year figures to the report’s abstract, read in full, no longer to a payer’s summary', () => {
    const fiveYear = studies.get('smart-2020-5-year')!.outcomes;
    expect(fiveYear.length).toBeGreaterThan(5);
    expect(fiveYear.every((o) => o.result.citation.source === 'fischgrund-2020')).toBe(true);
    expect(fiveYear.every((o) => o.result.verification === 'verified')).toBe(true);
  });

  it('label the INTRACEPT interim figures, read only in summaries, as secondary', () => {
    const interim = studies.get('intracept-2019-interim')!.outcomes;
    expect(interim.length).toBeGreaterThan(0);
    expect(interim.every((o) => o.result.verification === 'secondary')).toBe(true);
  });
});

describe('the study schema', () => {
  const cite = { source: 'x', section: 'Abstract' };
  const base = {
    title: 't',
    shortName: 't',
    design: 'sham-controlled-rct',
    source: 'x',
    summary: 's',
    lastReviewed: '2026-11-25',
    arms: [
      {
        id: 'a',
        label: 'A',
        role: 'treatment',
        n: { value: 1, citation: cite, verification: 'verified' },
      },
      {
        id: 'b',
        label: 'B',
        role: 'comparator',
        n: { value: 1, citation: cite, verification: 'verified' },
      },
    ],
  };
  const row = (id: string, arm: string, value: number, extra: object = {}) => ({
    id,
    measure: 'odi',
    statistic: 'mean-change',
    label: id,
    timepointMonths: 3,
    arm,
    result: { value, citation: cite, verification: 'verified' },
    ...extra,
  });

  it('rejects a derived difference that does not match its inputs', () => {
    const result = studySchema.safeParse({
      ...base,
      outcomes: [
        row('a3', 'a', -20.5),
        row('b3', 'b', -15.2),
        {
          ...row('d', 'between-arms', -5.2),
          result: { value: -5.2, citation: cite, verification: 'inference' },
          derivedFrom: { operation: 'difference', minuend: 'a3', subtrahend: 'b3' },
        },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(
      /should be -5.3 \(-20.5 minus -15.2\), found -5.2/,
    );
  });

  it('rejects a derived number that claims to be verified', () => {
    const result = studySchema.safeParse({
      ...base,
      outcomes: [
        row('a3', 'a', -20.5),
        row('b3', 'b', -15.2),
        {
          ...row('d', 'between-arms', -5.3),
          derivedFrom: { operation: 'difference', minuend: 'a3', subtrahend: 'b3' },
        },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/label it `inference`/);
  });

  it('rejects a range written high to low', () => {
    const result = studySchema.safeParse({
      ...base,
      outcomes: [
        {
          ...row('r', 'a', 0),
          result: { value: null, range: [63, 45], citation: cite, verification: 'verified' },
        },
      ],
    });
    expect(result.success).toBe(false);
  });
});

describe('study templates', () => {
  // Figures must come from the content files: a digit in a template would be a number typed by hand.
  // Heading tag names (h1–h6) are markup, not figures, so they are removed before the check.
  const templates = [
    ...readdirSync('src/pages/studies').map((f) => join('src/pages/studies', f)),
    ...readdirSync('src/components/evidence').map((f) => join('src/components/evidence', f)),
  ].filter((f) => f.endsWith('.astro'));

  it.each(templates)('%s contains no digit', (file) => {
    const text = readFileSync(file, 'utf8').replace(/<\/?h[1-6]\b/g, '<h');
    const lines = text
      .split('\n')
      .flatMap((line, i) => (/\d/.test(line) ? [`line ${i + 1}: ${line.trim()}`] : []));
    expect(lines).toEqual([]);
  });
});
