/** The appraisal, trial-report and findings schemas reject what would make a page say more than the sources. */
import { describe, expect, it } from 'vitest';
import { appraisal } from '../../../src/lib/schema/appraisal.ts';
import { findingSchema, summaryRow } from '../../../src/lib/schema/finding.ts';
import { studySchema } from '../../../src/lib/schema/study.ts';
import { harmFigure } from '../../../src/lib/schema/trial-report.ts';

const cite = { source: 's', section: 'Abstract' };
const judged = (judgement: string) => ({ judgement, reason: 'r', citations: [cite] });
const number = (value: number | null, extra: object = {}) => ({
  value,
  citation: cite,
  verification: value === null ? 'not-found' : 'verified',
  ...extra,
});

describe('risk-of-bias appraisals', () => {
  const rob2 = (overall: string, worst = 'high') => ({
    tool: 'rob2',
    result: 'ODI at 3 months',
    outcomes: ['a'],
    date: '2026-11-26',
    domains: {
      randomisation: judged('low'),
      deviations: judged(worst),
      missingData: judged('low'),
      measurement: judged('low'),
      reporting: judged('some-concerns'),
    },
    overall: judged(overall),
  });

  it('accepts an overall judgement as severe as the worst domain', () => {
    expect(appraisal.safeParse(rob2('high')).success).toBe(true);
  });

  it('rejects an overall judgement milder than a domain', () => {
    const result = appraisal.safeParse(rob2('some-concerns'));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['overall', 'judgement']);
    expect(result.error!.issues[0]!.message).toMatch(/lower than the most concerning domain/);
  });

  it('counts "no information" as some concerns, so a single-arm overall cannot be low', () => {
    const items = Object.fromEntries(
      ['selection', 'followUp', 'measurement', 'reporting', 'sponsorship'].map((k) => [
        k,
        judged('low'),
      ]),
    );
    const base = { tool: 'single-arm', result: 'r', outcomes: ['a'], date: '2026-11-26' };
    expect(
      appraisal.safeParse({
        ...base,
        items: { ...items, followUp: judged('no-information') },
        overall: judged('low'),
      }).success,
    ).toBe(false);
    expect(appraisal.safeParse({ ...base, items, overall: judged('low') }).success).toBe(true);
  });

  it('needs a citation for every judgement', () => {
    const bare = rob2('high');
    bare.domains.randomisation = { judgement: 'low', reason: 'r', citations: [] };
    expect(appraisal.safeParse(bare).success).toBe(false);
  });
});

describe('adverse-event figures', () => {
  it('holds either its own number or a pointer to an outcome row, not both', () => {
    const both = harmFigure.safeParse({
      id: 'x',
      kind: 'fracture',
      outcome: 'o',
      events: number(1),
      label: 'l',
      arm: 'a',
      timepointMonths: 3,
    });
    expect(both.success).toBe(false);
    expect(harmFigure.safeParse({ id: 'x', kind: 'fracture', outcome: 'o' }).success).toBe(true);
  });

  it('needs a label, arm and follow-up when it holds its own number', () => {
    const result = harmFigure.safeParse({ id: 'x', kind: 'fracture', events: number(1) });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toEqual(['label', 'arm', 'timepointMonths']);
  });
});

describe('study entries', () => {
  const base = {
    title: 't',
    shortName: 't',
    design: 'open-label-rct',
    source: 's',
    summary: 's',
    lastReviewed: '2026-11-26',
    arms: [{ id: 'bvna', label: 'A', role: 'treatment', n: number(66) }],
  };
  const responders = (value: number, counts: object) => ({
    id: 'r',
    measure: 'responder-rate',
    statistic: 'proportion',
    label: 'r',
    timepointMonths: 3,
    arm: 'bvna',
    counts,
    result: number(value, { unit: '%' }),
  });

  it('accepts counts that give the printed percentage (45 of 65 is 69.2%)', () => {
    expect(
      studySchema.safeParse({ ...base, outcomes: [responders(69.2, { events: 45, total: 65 })] })
        .success,
    ).toBe(true);
  });

  it('rejects counts that do not give the printed percentage, naming both', () => {
    const result = studySchema.safeParse({
      ...base,
      outcomes: [responders(12.5, { events: 9, total: 61 })],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/9 of 61 is 14\.8%, but the result is 12\.5%/);
  });

  it('rejects a harm or flow step in an arm the study does not have, and an appraisal of a missing outcome', () => {
    const result = studySchema.safeParse({
      ...base,
      flow: [{ arm: 'sham', timepointMonths: 3, status: 'followed', count: number(1) }],
      harms: [
        { id: 'h', kind: 'death', label: 'd', arm: 'sham', timepointMonths: 3, events: number(0) },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual([
      'flow.0.arm',
      'harms.0.arm',
    ]);
  });
});

describe('summary-of-findings rows', () => {
  const row = {
    id: 'r',
    outcome: 'o',
    comparison: 'sham',
    kind: 'mean-difference',
    studies: ['s'],
    start: 'randomised',
    summary: 's',
  };

  it('needs the references its kind computes from', () => {
    const result = summaryRow.safeParse(row);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toEqual(['effect', 'mcid']);
  });

  it('does not rate randomised evidence up', () => {
    const result = summaryRow.safeParse({
      ...row,
      effect: { study: 's', outcome: 'o' },
      mcid: 'm',
      upgrades: [{ domain: 'large-effect', levels: 1, reason: 'r', citations: [cite] }],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/rates up only non-randomised evidence/);
  });

  it('rejects a row that names an MCID the table does not define', () => {
    const result = findingSchema.safeParse({
      title: 't',
      description: 'd',
      question: { text: 'q', citations: [cite] },
      rows: [{ ...row, effect: { study: 's', outcome: 'o' }, mcid: 'odi-15' }],
      lastReviewed: '2026-11-26',
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/unknown MCID "odi-15"/);
  });
});
