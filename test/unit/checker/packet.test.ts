import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckerData } from '../../../src/lib/checker/data.ts';
import { buildPacket } from '../../../src/lib/checker/packet.ts';
import {
  escapeMarkdown,
  packetMarkdown,
  packetText,
} from '../../../src/lib/checker/packet-text.ts';
import { evaluateAll } from '../../../src/lib/engine/evaluate.ts';
import type { TraceNode } from '../../../src/lib/engine/types.ts';
import { checkerData, vignette } from '../../helpers/content.ts';

let data: CheckerData;
beforeAll(async () => (data = await checkerData()));

/** Trace nodes the packet must list: all of them except the per-item copies inside some/every. */
function listed(node: TraceNode): string[] {
  return [
    node.id,
    ...(node.kind === 'some' || node.kind === 'every' ? [] : node.children.flatMap(listed)),
  ];
}

describe('the appeal packet', () => {
  it('carries the engine’s own outcome for every line and vignette', () => {
    for (const v of ['V01-baseline', 'V03-age-19', 'V06-no-behavioral-health-assessment']) {
      const facts = vignette(v);
      for (const e of evaluateAll(data.lines, facts))
        expect(buildPacket(data, e.policy, facts).outcome).toBe(e.outcome);
    }
  });

  it('lists every criterion of the policy once, each with a status and a pinpoint citation', () => {
    const facts = vignette('V06-no-behavioral-health-assessment');
    const packet = buildPacket(data, 'cohere-ma', facts);
    const trace = evaluateAll(data.lines, facts).find((e) => e.policy === 'cohere-ma')!.trace!;
    expect(packet.rows.map((r) => r.nodeId)).toEqual(listed(trace));
    // The root states the rule as a whole and has no citation; every criterion under it has one.
    for (const row of packet.rows.slice(1)) expect(row.citation?.locator, row.nodeId).toBeTruthy();
    const behavioural = packet.rows.find((r) => r.nodeId === 'behavioral-health-assessment')!;
    expect(behavioural).toMatchObject({
      verdict: 'undocumented',
      facts: ['Behavioural health assessment recorded: not documented'],
    });
    expect(behavioural.citation).toMatchObject({
      short: 'Cohere MA BVN policy v3',
      locator: 'Indications, item 6',
      n: 1,
    });
    expect(behavioural.href).toBe(
      '/policies/cohere-ma-v3/#cohere-ma--behavioral-health-assessment',
    );
  });

  it('calls an exclusion that is documented as absent "not present", and one that holds "present"', () => {
    const absent = buildPacket(data, 'cohere-ma', vignette('V01-baseline')).rows.find(
      (r) => r.nodeId === 'pregnancy',
    )!;
    expect(absent.verdict).toBe('absent');
    const present = buildPacket(data, 'cohere-ma', {
      ...vignette('V01-baseline'),
      pregnant: true,
    }).rows.find((r) => r.nodeId === 'pregnancy')!;
    expect(present.verdict).toBe('present');
    expect(present.facts).toEqual(['Pregnant: yes']);
  });

  it('numbers references in order of first citation and includes the evidence’s sources', () => {
    const packet = buildPacket(data, 'cohere-ma', vignette('V01-baseline'));
    expect(packet.references.map((r) => r.n)).toEqual(packet.references.map((_, i) => i + 1));
    expect(packet.references[0]!.id).toBe('cohere-bvn-v3');
    const ids = packet.references.map((r) => r.id);
    expect(ids).toContain('sayed-2022-aspn-vertebrogenic');
    expect(ids).toContain('fischgrund-2018');
    expect(packet.references.find((r) => r.id === 'fischgrund-2018')!.text).toBe(
      'AMA text of fischgrund-2018',
    );
  });

  it('reads the LCD a Medicare-following line applies, and links its criteria there', () => {
    const packet = buildPacket(data, 'kaiser-wa-medicare', vignette('V01-baseline'));
    expect(packet.appliedName).toBeDefined();
    expect(packet.rows.length).toBeGreaterThan(5);
    expect(packet.rows.every((r) => r.href.startsWith('/policies/lcd-'))).toBe(true);
  });

  it('has no criteria rows for a line that never pays, and says why', () => {
    const packet = buildPacket(data, 'mgb-masshealth', vignette('V01-baseline'));
    expect(packet.rows).toEqual([]);
    expect(packet.outcome).toBe('not-covered');
    expect(packetText(packet)).toContain('Not covered');
  });

  it('puts every criterion, status and citation into the plain-text and Markdown versions', () => {
    const packet = buildPacket(data, 'cohere-ma', vignette('V01-baseline'));
    const text = packetText(packet, 'https://atlas.example');
    const markdown = packetMarkdown(packet, 'https://atlas.example');
    for (const row of packet.rows) {
      expect(text).toContain(row.label);
      expect(markdown).toContain(escapeMarkdown(row.label));
      if (row.citation) expect(text).toContain(`[${row.citation.n}, ${row.citation.locator}]`);
    }
    expect(text).toContain('https://atlas.example/policies/cohere-ma-v3/#cohere-ma--pregnancy');
    expect(markdown).toContain(
      '(https://atlas.example/policies/cohere-ma-v3/#cohere-ma--pregnancy)',
    );
    expect(text).toMatch(/^1\. AMA text of cohere-bvn-v3$/m);
  });

  it('escapes Markdown in facts typed by the user, so a health plan name cannot inject a link', () => {
    const packet = buildPacket(data, 'cohere-ma', {
      healthPlan: '[click](https://evil.example) *x*',
    });
    const markdown = packetMarkdown(packet);
    expect(markdown).toContain('\\[click\\]\\(https://evil.example\\) \\*x\\*');
    expect(markdown).not.toContain('[click](');
  });

  it('refuses an unknown line', () => {
    expect(() => buildPacket(data, 'no-such-line', {})).toThrow(/No policy line "no-such-line"/);
  });
});
