import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckerData } from '../../../src/lib/checker/data.ts';
import { evaluateAll } from '../../../src/lib/engine/evaluate.ts';
import {
  buildLetter,
  citationWords,
  cleanDetails,
  letterMarkdown,
  letterText,
  type Letter,
} from '../../../src/lib/appeal/letter.ts';
import {
  buildAppealData,
  criterionEvidence,
  type AppealSource,
} from '../../../src/lib/appeal/guide.ts';
import { checkerData, loadContent, vignette, vignettes } from '../../helpers/content.ts';

let data: CheckerData;
let guide: Record<string, AppealSource>;
beforeAll(async () => {
  data = await checkerData();
  const { content } = await loadContent();
  guide = buildAppealData(content.sources, (id) => `AMA text of ${id}`).sources;
});

const letterFor = (lineId: string, facts = vignette('V01-baseline'), details = {}): Letter =>
  buildLetter(data, guide, lineId, facts, details, '30 November 2026');

describe('the appeal letter', () => {
  it('states every failed or undocumented criterion once, with its pinpoint citation, for every vignette under every line', () => {
    let checked = 0;
    for (const v of vignettes())
      for (const e of evaluateAll(data.lines, v.facts)) {
        const letter = letterFor(e.policy, v.facts);
        const ids = letter.points.map((p) => p.nodeId);
        expect(new Set(ids).size, `${v.id} ${e.policy}: a criterion twice`).toBe(ids.length);
        const text = letterText(letter);
        for (const f of [...e.failed, ...e.undocumented]) {
          const point = letter.points.find((p) => p.nodeId === f.nodeId);
          expect(point, `${v.id} ${e.policy}: ${f.nodeId} missing`).toBeDefined();
          expect(point!.tone).not.toBe('met');
          if (f.citation) {
            const cited = citationWords(point!.citation!);
            expect(cited, `${v.id} ${e.policy} ${f.nodeId}`).toContain(
              data.sources[f.citation.source]!.short,
            );
            if (f.citation.item !== undefined) expect(cited).toContain(`item ${f.citation.item}`);
            expect(text).toContain(cited);
          }
          checked++;
        }
      }
    // The vignettes include undocumented and failing cases; the loop above must have run.
    expect(checked).toBeGreaterThan(50);
  });

  it('cites the LCD itself for a Medicare line, and Cohere only as the restatement it is known through', () => {
    const letter = letterFor('lcd-l39642', vignette('V02-seed-000-patient'));
    expect(letter.authority[0]!.text).toContain('Medicare LCD L39642');
    expect(letter.authority[0]!.text).toBe(
      'The governing criteria are those of Medicare LCD L39642. Its text could not be read; its criteria are known through Cohere’s restatement, cited beside each.',
    );
    const duration = letter.points.find((p) => p.nodeId === 'pain-6-months-or-more')!;
    expect(citationWords(duration.citation!)).toMatch(
      /^\[1\] LCD L39642, Coverage indications, as restated in \[\d\] Cohere MA BVN policy v3, Indications, item 2$/,
    );
    // Cohere's own behavioural health rule is not part of the LCD and not argued under it.
    expect(letter.points.some((p) => p.nodeId === 'behavioral-health-assessment')).toBe(false);
  });

  it('raises 42 CFR 422.101(b)(6) for a Medicare Advantage member where an LCD covers the state of care', () => {
    const facts = { ...vignette('V01-baseline'), state: 'WA' as const };
    const letter = letterFor('mgb-medicare-advantage', facts);
    const text = letterText(letter);
    expect(text).toContain('42 CFR 422.101, (b)(6)');
    expect(text).toContain('42 CFR 422.101, (b)(3)');
    expect(text).toContain('LCD L39642 applies to care given in WA');
    expect(letter.authority[0]!.text).toContain('LCD L39642');
    // MGB's non-public InterQual step belongs to its own criteria, not to the LCD's.
    expect(text).not.toContain('InterQual');
    expect(letterText(letterFor('mgb-medicare-advantage'))).toContain('InterQual');
  });

  it('raises it for Cohere, whose behavioural health criterion the LCDs lack, when that criterion is what is missing', () => {
    const letter = letterFor('cohere-ma', vignette('V06-no-behavioral-health-assessment'));
    const rule = letter.medicareRule.map((s) => s.text).join(' ');
    expect(rule).toContain('adds criteria that the LCD does not contain');
    expect(rule).toContain('behavioural health assessment');
    expect(rule).toMatch(/“Meets criteria”, against “Needs documentation”/);
  });

  it('never raises it for a commercial or Medicaid line', () => {
    for (const line of ['mgb-commercial', 'uhc-commercial', 'mgb-masshealth', 'highmark'])
      expect(letterFor(line).medicareRule, line).toEqual([]);
  });

  it('gives a short cited evidence paragraph only where the line denies the procedure as unproven', () => {
    const uhc = letterFor('uhc-commercial');
    expect(uhc.evidence.length).toBeGreaterThan(0);
    expect(uhc.evidence.length).toBeLessThanOrEqual(8);
    for (const s of uhc.evidence) expect(s.citations.length).toBeGreaterThan(0);
    expect(letterFor('cohere-ma').evidence).toEqual([]);
  });

  it('lists appeal levels for the line’s kind of plan, each cited and labelled where unverified', () => {
    const ma = letterFor('cohere-ma').notes.routes;
    expect(ma.map((r) => r.title)).toEqual(['Medicare Advantage']);
    for (const level of ma[0]!.levels) {
      expect(level.citation.short).toBe('42 CFR 422 Subpart M');
      expect(level.verification).not.toBe('verified');
    }
    expect(letterFor('uhc-commercial').notes.routes.map((r) => r.title)).toEqual([
      'Commercial and Qualified Health Plans',
    ]);
    // UHC's own upheld decisions come first among the reviewers' points.
    const reviewers = letterFor('uhc-commercial').notes.reviewers;
    expect(reviewers[0]!.own).toBe(true);
    expect(reviewers.at(-1)!.own).toBe(false);
  });

  it('keeps typed identifiers to one bounded line each and escapes them in Markdown', () => {
    const details = cleanDetails({
      memberName: 'Ann\n\n# Injected\n- [ ] fake',
      memberId: 'X'.repeat(500),
      unknown: 'dropped',
      claimNumber: 42,
    });
    expect(details).toEqual({ memberName: 'Ann # Injected - [ ] fake', memberId: 'X'.repeat(60) });
    const letter = letterFor('cohere-ma', vignette('V01-baseline'), details);
    const markdown = letterMarkdown(letter);
    expect(markdown).toContain('Member: Ann \\# Injected - \\[ \\] fake');
    expect(markdown).not.toMatch(/^# Injected/m);
    expect(letterText(letter)).toContain('Member ID: XXXX');
  });

  it('leaves a line to fill by hand for each identifier not given, and never invents one', () => {
    const text = letterText(letterFor('cohere-ma'));
    expect(text).toContain('Member ID: ____________');
    expect(text).toContain('Claim number: ____________');
  });
});

describe('evidence chosen by the criterion', () => {
  it('puts the trials’ Modic and duration criteria beside those criteria only, cited', () => {
    const letter = buildLetter(data, guide, 'cohere-ma', vignette('V01-baseline'), {}, 'x');
    // Each statement once, beside the first criterion it bears on: INTRACEPT's enrolment (6
    // months of pain, Modic 1 or 2 from L3 to S1) by the pain duration, SMART's by the MRI.
    const shown = letter.points
      .filter((p) => p.evidence.length > 0)
      .map((p) => [p.nodeId, p.evidence.map((s) => s.text.split(':')[0])]);
    expect(shown).toEqual([
      ['chronic-low-back-pain', ['INTRACEPT']],
      ['mri-modic-l3-s1', ['SMART']],
    ]);
    for (const p of letter.points) for (const s of p.evidence) expect(s.citations).not.toEqual([]);
    // MGB's criteria have no duration or Modic rule: only its L3–S1 exclusion gets INTRACEPT.
    const mgb = buildLetter(data, guide, 'mgb-commercial', vignette('V01-baseline'), {}, 'x');
    expect(
      mgb.points
        .filter((p) => p.evidence.length > 0)
        .map((p) => [p.nodeId, p.evidence.map((s) => s.text.split(':')[0])]),
    ).toEqual([['outside-l3-s1', ['INTRACEPT']]]);
  });

  it('finds every statement the guide names in its study entry', () => {
    for (const e of criterionEvidence) {
      const study = data.evidence.studies.find((s) => s.id === e.study);
      expect(study, e.study).toBeDefined();
      expect(study!.statements.some((s) => s.text.includes(e.statementContains))).toBe(true);
    }
  });
});
