/**
 * What the editors looked for in a trial report and could not read: the schema keeps each topic
 * once and every citation labelled as where they looked; the content says it for every trial
 * report whose full text was not read, so no page implies a safety table or disclosure was checked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidContent } from '../../../src/lib/content/validate.ts';
import { trialDesigns } from '../../../src/lib/evidence/harms.ts';
import { unreadTopicLabel } from '../../../src/lib/format/appraisal.ts';
import { unreadItem, unreadTopic } from '../../../src/lib/schema/trial-report.ts';
import { studySchema } from '../../../src/lib/schema/study.ts';
import { loadContent } from '../../helpers/content.ts';

const looked = { source: 's', section: 'Full text', verification: 'not-found' };

describe('the not-read schema', () => {
  it('accepts a topic whose citations say where the editors looked', () => {
    const item = { topic: 'adverse-events', text: 't', citations: [looked] };
    expect(unreadItem.safeParse(item).success).toBe(true);
  });

  it('rejects a citation that claims the topic was read', () => {
    const item = {
      topic: 'funding',
      text: 't',
      citations: [looked, { ...looked, verification: 'verified' }],
    };
    const result = unreadItem.safeParse(item);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['citations', 1, 'verification']);
  });

  it('rejects a citation with no label, since the source’s own label would say "verified"', () => {
    const item = { topic: 'funding', text: 't', citations: [{ source: 's', section: 'A' }] };
    expect(unreadItem.safeParse(item).success).toBe(false);
  });

  it('rejects a study that lists one topic twice', () => {
    const item = { topic: 'conflicts', text: 't', citations: [looked] };
    const study = {
      title: 'T',
      shortName: 'T',
      design: 'single-arm-trial',
      source: 's',
      summary: 's',
      lastReviewed: '2026-11-30',
      notRead: [item, item],
    };
    const result = studySchema.safeParse(study);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['notRead', 1, 'topic']);
  });

  it('has a plain label for every topic', () => {
    expect(Object.keys(unreadTopicLabel).sort()).toEqual([...unreadTopic.options].sort());
  });
});

describe('trial reports not read in full', () => {
  let content: ValidContent;
  beforeAll(async () => {
    content = (await loadContent()).content;
  });
  const trialReports = () =>
    [...content.studies].filter(
      ([, s]) => trialDesigns.includes(s.design) && s.reading && s.reading.level !== 'full-text',
    );

  it('say that their safety tables, funding and disclosures were not read, and where the editors looked', () => {
    const reports = trialReports();
    // SMART (3 reports), INTRACEPT (3), Truumees, Macadaeg at least.
    expect(reports.length).toBeGreaterThanOrEqual(8);
    for (const [id, study] of reports) {
      const topics = study.notRead.map((n) => n.topic);
      for (const topic of ['adverse-events', 'funding', 'conflicts'] as const)
        expect(topics, `${id} should list ${topic} as not read`).toContain(topic);
      for (const item of study.notRead)
        for (const c of item.citations) {
          expect(content.sources.has(c.source), `${id}: ${c.source}`).toBe(true);
          expect(c.section ?? c.table ?? c.page, `${id}: ${item.topic} locator`).toBeTruthy();
        }
    }
  });

  it('keep the SMART intention-to-treat result unknown while it stays unread', () => {
    const smart = content.studies.get('smart-2018')!;
    expect(smart.notRead.map((n) => n.topic)).toContain('intention-to-treat');
    const itt = smart.outcomes.find((o) => o.analysis === 'intention-to-treat')!;
    expect(itt.result.value).toBeNull();
    expect(itt.result.verification).toBe('not-found');
  });

  it('keep the SMART sham responder rate labelled as a seed figure, with where it was re-checked', () => {
    const sham = content.studies
      .get('smart-2018')!
      .outcomes.find((o) => o.id === 'odi-responders-3m-sham')!;
    expect(sham.result.value).toBe(55.3);
    expect(sham.result.verification).toBe('seed-only');
    expect(sham.result.note).toMatch(/Re-checked/);
  });
});
