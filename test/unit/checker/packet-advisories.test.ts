/**
 * The appeal packet carries what the result says beyond its outcome: Cohere's anaesthesia item as
 * a billing note with its numbered citation, and what would settle an answer that turns on which
 * LCD covers the state of care.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckerData } from '../../../src/lib/checker/data.ts';
import { buildPacket } from '../../../src/lib/checker/packet.ts';
import { packetMarkdown, packetText } from '../../../src/lib/checker/packet-text.ts';
import { checkerData, vignette } from '../../helpers/content.ts';

let data: CheckerData;
beforeAll(async () => (data = await checkerData()));

describe('the appeal packet', () => {
  it('shows the anaesthesia billing note with its citation, for Cohere and a line that borrows it', () => {
    const facts = { ...vignette('V01-baseline'), anesthesia: 'general' as const };
    for (const line of ['cohere-ma', 'kaiser-wa-medicare']) {
      const packet = buildPacket(data, line, facts);
      expect(packet.outcome, line).toBe('meets');
      const [note] = packet.advisories;
      expect(note).toMatchObject({
        role: 'billing-note',
        citation: { source: 'cohere-bvn-v3', locator: 'Indications, item 8' },
      });
      expect(note!.text).toMatch(/^Billing note \(never decides coverage\)/);
      const text = packetText(packet);
      expect(text).toContain(`${note!.text} [${note!.citation.n}, Indications, item 8]`);
      expect(packetMarkdown(packet)).toContain('Billing note \\(never decides coverage\\)');
    }
  });

  it('says what would settle an answer that depends on which LCD covers the state', () => {
    const packet = buildPacket(data, 'mgb-medicare-advantage', {
      ...vignette('V01-baseline'),
      ageYears: 22,
      state: 'MA',
    });
    expect(packet.outcomeLabel).toBe('Depends on which LCD applies');
    expect(packet.settle).toEqual([expect.stringContaining('L39420 applies in MA')]);
    expect(packetText(packet)).toContain('To settle it: Find whether L39420 applies in MA');
  });
});
