/**
 * The editors' appraisals in the content: every randomised trial has a RoB 2 appraisal, every study
 * without a comparator a single-arm one, every trial report says what was read of it, and the
 * editors' words in the summary of findings carry no figure of their own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidContent } from '../../src/lib/content/validate.ts';
import type { Study } from '../../src/lib/schema/study.ts';
import { loadContent } from '../helpers/content.ts';

let content: ValidContent;
beforeAll(async () => {
  content = (await loadContent()).content;
});
const studies = () => [...content.studies.entries()];
const randomised: Study['design'][] = ['sham-controlled-rct', 'open-label-rct'];
const withoutComparator: Study['design'][] = [
  'single-arm-trial',
  'rct-follow-up',
  'cohort',
  'case-series',
  'pooled-analysis',
];

describe('risk-of-bias appraisals', () => {
  it('appraise each randomised trial with RoB 2, once per trial (an interim report points to its final report)', () => {
    for (const [id, study] of studies().filter(([, s]) => randomised.includes(s.design))) {
      const family = studies().filter(
        ([other, s]) =>
          (other === id || s.parent === id || study.parent === other) && s.design === study.design,
      );
      const appraised = family.filter(([, s]) => s.appraisals.some((a) => a.tool === 'rob2'));
      expect(
        appraised.map(([other]) => other),
        id,
      ).toHaveLength(1);
    }
  });

  it('appraise every study without a comparator with the single-arm appraisal', () => {
    const missing = studies()
      .filter(([, s]) => withoutComparator.includes(s.design))
      .filter(([, s]) => !s.appraisals.some((a) => a.tool === 'single-arm'))
      .map(([id]) => id);
    expect(missing).toEqual([]);
  });

  it('give an overall RoB 2 judgement of high risk for both trials, with the reasons read', () => {
    for (const id of ['smart-2018', 'intracept-2021-12-month']) {
      const rob2 = content.studies.get(id)!.appraisals.find((a) => a.tool === 'rob2')!;
      expect(rob2.overall.judgement, id).toBe('high');
    }
  });
});

describe('what was read', () => {
  it('is stated for every trial report and study without a comparator', () => {
    const missing = studies()
      .filter(([, s]) => [...randomised, ...withoutComparator].includes(s.design))
      .filter(([, s]) => !s.reading)
      .map(([id]) => id);
    expect(missing).toEqual([]);
  });

  it('says when a trial’s funding or conflicts were not read, rather than leaving them out', () => {
    for (const [id, s] of studies().filter(([, s]) => randomised.includes(s.design))) {
      expect(s.funding.length, `${id} funding`).toBeGreaterThan(0);
      expect(s.conflicts.length, `${id} conflicts`).toBeGreaterThan(0);
    }
  });
});

describe('the INTRACEPT interim figures (issue 15)', () => {
  it('rest on the maker’s or a Medicare contractor’s summary, never on the AI answer page alone', () => {
    const interim = content.studies.get('intracept-2019-interim')!;
    expect(interim.outcomes.length).toBe(7);
    for (const o of interim.outcomes) {
      expect(o.result.citation.source, o.id).not.toMatch(/^droracle-/);
      expect(o.result.verification, o.id).toBe('secondary');
    }
  });
});

describe('the summary of findings', () => {
  it('types no figure in the editors’ words: summaries and reasons have no digits', () => {
    const finding = content.findings.get('bvna-summary-of-findings')!;
    const words = finding.rows.flatMap((r) => [
      r.outcome,
      r.summary,
      ...[...r.downgrades, ...r.upgrades].map((s) => s.reason),
    ]);
    expect(words.filter((w) => /\d/.test(w))).toEqual([]);
  });
});
