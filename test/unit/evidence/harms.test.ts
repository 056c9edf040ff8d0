import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidContent } from '../../../src/lib/content/validate.ts';
import {
  allHarms,
  expectedHarmKinds,
  harmsByKind,
  unreportedHarms,
} from '../../../src/lib/evidence/harms.ts';
import { loadContent } from '../../helpers/content.ts';

let content: ValidContent;
beforeAll(async () => {
  content = (await loadContent()).content;
});

describe('adverse-event figures across the studies', () => {
  it('resolves a figure that points at an outcome row to that row’s number and timepoint', () => {
    const fracture = allHarms(content.studies).find(
      (h) => h.studyId === 'deformity-case-review' && h.harmId === 'compression-fractures',
    )!;
    expect(fracture.events.value).toBe(9);
    expect(fracture.followUp).toBe('after treatment; timing not captured');
    expect(fracture.denominator?.value).toBe(118);
  });

  it('counts a reported "none" as zero, never as unknown', () => {
    const none = allHarms(content.studies).filter((h) => h.none);
    expect(none.length).toBeGreaterThan(3);
    expect(none.every((h) => h.events.value === 0)).toBe(true);
  });

  it('groups every figure under its kind, serious related events first', () => {
    const groups = harmsByKind(allHarms(content.studies));
    expect(groups[0]!.kind).toBe('serious-related');
    expect(groups.reduce((n, g) => n + g.harms.length, 0)).toBe(allHarms(content.studies).length);
  });

  it('lists, for each trial report, the kinds of harm it gives no figure for', () => {
    const unreported = unreportedHarms(content.studies);
    const intracept = unreported.find((u) => u.studyId === 'intracept-2021-12-month')!;
    // The 12-month report's safety results were not read: every kind is unreported.
    expect(intracept.kinds).toEqual([...expectedHarmKinds]);
    const smart = unreported.find((u) => u.studyId === 'smart-2018')!;
    expect(smart.kinds).not.toContain('fracture');
    expect(smart.kinds).toContain('later-surgery');
    // Reviews and models are not trial reports.
    expect(unreported.some((u) => u.studyId === 'conger-2021')).toBe(false);
  });
});
