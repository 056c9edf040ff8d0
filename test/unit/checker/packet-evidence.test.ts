/**
 * The appeal packet says, for each criterion not met or not documented, whether the trials'
 * eligibility and the guidelines' selection criteria read use it, with their citations; the words
 * come from the computed provenance (src/lib/compare/provenance.ts), never from the packet.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckerData } from '../../../src/lib/checker/data.ts';
import { buildPacket } from '../../../src/lib/checker/packet.ts';
import { packetMarkdown, packetText } from '../../../src/lib/checker/packet-text.ts';
import { checkerData, vignette } from '../../helpers/content.ts';

let data: CheckerData;
beforeAll(async () => (data = await checkerData()));

describe('the packet’s evidence basis for each open criterion', () => {
  it('says an MRI report requirement is in no trial or guideline read, with no citation', () => {
    const { mriReport: _, ...facts } = vignette('V01-baseline');
    const row = buildPacket(data, 'cohere-ma', facts).rows.find((r) => r.nodeId === 'mri-report')!;
    expect(row.verdict).toBe('undocumented');
    expect(row.evidence).toEqual({ text: 'Not in any trial or guideline read.', citations: [] });
  });

  it('cites INTRACEPT’s own exclusion beside an undocumented behavioural health assessment', () => {
    const packet = buildPacket(data, 'cohere-ma', vignette('V06-no-behavioral-health-assessment'));
    const row = packet.rows.find((r) => r.nodeId === 'behavioral-health-assessment')!;
    expect(row.verdict).toBe('undocumented');
    expect(row.evidence!.text).toBe(
      'Different from INTRACEPT (eligibility); different from SMART (eligibility).',
    );
    expect(row.evidence!.citations).toContainEqual(
      expect.objectContaining({ source: 'smuck-2021', locator: 'item Exclusion 12, Table 1' }),
    );
  });

  it('names the trials whose rule a failed criterion matches and cites where they state it', () => {
    const facts = { ...vignette('V01-baseline'), ageYears: 19 };
    const packet = buildPacket(data, 'mgb-commercial', facts);
    const failed = packet.rows.filter((r) => r.verdict === 'not-met' && r.evidence);
    expect(failed.length).toBeGreaterThan(0);
    const age = failed.find((r) => /age/i.test(r.label))!;
    expect(age.evidence!.text).toMatch(/SMART/);
    expect(age.evidence!.citations.length).toBeGreaterThan(0);
    // The trial's source is in the packet's numbered references.
    for (const c of age.evidence!.citations)
      expect(packet.references.map((r) => r.id)).toContain(c.source);
  });

  it('adds nothing to criteria that are met', () => {
    const packet = buildPacket(data, 'cohere-ma', vignette('V01-baseline'));
    for (const row of packet.rows.filter((r) => r.verdict === 'met' || r.verdict === 'absent'))
      expect(row.evidence, row.nodeId).toBeUndefined();
  });

  it('carries the basis into the plain-text and Markdown versions', () => {
    const { mriReport: _, ...facts } = vignette('V01-baseline');
    const packet = buildPacket(data, 'cohere-ma', facts);
    expect(packetText(packet)).toContain('Evidence: Not in any trial or guideline read.');
    expect(packetMarkdown(packet)).toContain('Evidence: Not in any trial or guideline read.');
  });
});
