/** Labels that say no more than the sources do (issue 15, item 4). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '../../src/lib/schema/policy.ts';
import { loadContent } from '../helpers/content.ts';

let policies: Map<string, Policy>;
beforeAll(async () => ({ policies } = (await loadContent()).content));

describe('verification labels of policy entries', () => {
  it('labels "no public policy found" entries not-found, not secondary', () => {
    for (const id of ['cigna-no-public-policy', 'anthem-no-public-policy']) {
      const policy = policies.get(id)!;
      expect(policy.position, id).toBe('unknown');
      expect(policy.verification, id).toBe('not-found');
    }
  });

  it('says what is known of UnitedHealthcare’s policy: a Pennsylvania version, product line not stated', () => {
    const uhc = policies.get('uhc-ablative-spinal-pain')!;
    expect(uhc.summary).toMatch(/Pennsylvania version/);
    expect(uhc.summary).toMatch(/does not state which product lines/);
    expect(uhc.summary).not.toMatch(/commercial policy/);
    expect(uhc.lines[0]!.label).toMatch(/product line not stated/);
  });
});
