/**
 * The summary of findings built from the real content: every figure it carries traces to a study
 * entry or recomputes from traced inputs, the computed figures equal the hand-worked ones, and the
 * certainty follows the editors' reasons.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidContent } from '../../../src/lib/content/validate.ts';
import {
  buildSummaryOfFindings,
  compareWithMcid,
  type SummaryOfFindings,
} from '../../../src/lib/evidence/summary-of-findings.ts';
import { loadContent } from '../../helpers/content.ts';
import { expectedText } from '../../helpers/traces.ts';

let content: ValidContent;
let sof: SummaryOfFindings;
beforeAll(async () => {
  content = (await loadContent()).content;
  sof = buildSummaryOfFindings(content.findings.get('bvna-summary-of-findings')!, content.studies);
});
const row = (id: string) => sof.rows.find((r) => r.row.id === id)!;

describe('the summary of findings built from the study entries', () => {
  it('has the key outcomes: ODI and responders against sham and standard care, one year, durability, harms', () => {
    expect(sof.rows.map((r) => r.row.id)).toEqual([
      'odi-vs-sham-3m',
      'odi-responders-vs-sham-3m',
      'pain-halved-vs-sham',
      'odi-vs-standard-care-3m',
      'odi-responders-vs-standard-care-3m',
      'odi-vs-standard-care-6m',
      'twelve-months',
      'durability',
      'serious-harms',
      'fractures',
    ]);
  });

  it('carries only figures that trace to a study entry or recompute from traced inputs', () => {
    let checked = 0;
    for (const r of sof.rows) {
      const traced = [r.effect, r.treatment, r.comparator, ...r.observations].filter(Boolean);
      for (const t of traced) {
        expect(expectedText(content, t!.trace), t!.trace).not.toBe('');
        checked++;
      }
      for (const h of r.harms) {
        expect(() => expectedText(content, h.trace)).not.toThrow();
        if (h.perHundred)
          expect(h.perHundred.text).toBe(
            expectedText(content, `computed:${h.perHundred.method}`, h.perHundred.inputs),
          );
        checked++;
      }
      for (const c of r.computed) {
        expect(c.text, `${r.row.id} ${c.method}`).toBe(
          expectedText(content, `computed:${c.method}`, c.inputs),
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(25);
  });

  it('computes the hand-worked absolute effects and numbers needed to treat', () => {
    expect(row('odi-responders-vs-standard-care-3m').computed.map((c) => c.text)).toEqual([
      '48.5 more responders per 100 (95% CI 31.0 more to 61.7 more)',
      'NNT 3 (95% CI 2 to 4)',
    ]);
    expect(row('odi-responders-vs-sham-3m').computed.map((c) => c.text)).toEqual([
      '21.0 more responders per 100 (95% CI 5.5 more to 40.4 more)',
      'NNT 5 (95% CI 3 to 19)',
    ]);
    // No comparator risk is held for halving pain against sham: nothing is computed.
    expect(row('pain-halved-vs-sham').computed).toEqual([]);
    const upper = row('serious-harms').harms.map((h) => h.perHundred?.text);
    // 0 of 147: 1 − 0.025^(1/147) = 2.48%; 0 of 66: 5.44%.
    expect(upper.slice(0, 2)).toEqual([
      'upper 95% limit 2.5 per 100',
      'upper 95% limit 5.4 per 100',
    ]);
  });

  it('compares the between-arm ODI differences with the 15-point MCID', () => {
    expect(row('odi-vs-sham-3m').mcid?.verdict).toBe('estimate-short-no-interval');
    // −20.3 (−25.9 to −14.7): the estimate is beyond 15, the interval's near end is not.
    expect(row('odi-vs-standard-care-3m').mcid?.verdict).toBe('estimate-beyond-interval-crosses');
    expect(row('odi-vs-standard-care-6m').mcid?.verdict).toBe('interval-beyond');
  });

  it('rates certainty from the reasons given: low for the randomised comparisons, very low without a comparator', () => {
    expect(Object.fromEntries(sof.rows.map((r) => [r.row.id, r.certainty]))).toEqual({
      'odi-vs-sham-3m': 'low',
      'odi-responders-vs-sham-3m': 'low',
      'pain-halved-vs-sham': 'low',
      'odi-vs-standard-care-3m': 'low',
      'odi-responders-vs-standard-care-3m': 'low',
      'odi-vs-standard-care-6m': 'low',
      'twelve-months': 'very-low',
      durability: 'very-low',
      'serious-harms': 'very-low',
      fractures: 'very-low',
    });
  });
});

describe('comparing a difference with the MCID', () => {
  const n = (value: number, ci95?: [number, number]) => ({
    value,
    ...(ci95 && { ci95 }),
    citation: { source: 's', section: 'x' },
    verification: 'verified' as const,
  });
  it('reads improvement in the direction the measure improves', () => {
    expect(compareWithMcid(n(-20, [-25, -16]), 15, 'lower')).toBe('interval-beyond');
    expect(compareWithMcid(n(20, [16, 25]), 15, 'higher')).toBe('interval-beyond');
    expect(compareWithMcid(n(20, [16, 25]), 15, 'lower')).toBe('favours-comparator');
  });
  it('treats a difference exactly at the MCID as reaching it', () => {
    expect(compareWithMcid(n(-15, [-20, -15]), 15, 'lower')).toBe('interval-beyond');
    expect(compareWithMcid(n(-14.9), 15, 'lower')).toBe('estimate-short-no-interval');
  });
});
