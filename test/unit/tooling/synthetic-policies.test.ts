import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readAllContent, parseData } from '../../../src/loaders/content-files.ts';
import { validateContent, type ContentFile } from '../../../src/lib/content/validate.ts';
import { walkCriteria } from '../../../src/lib/criteria/walk.ts';
import { ruleTemplates, syntheticPolicies } from '../../../scripts/lib/synthetic-policies.ts';

const files = await readAllContent(process.cwd(), 'src/content');
const real = validateContent(files);
const templates = ruleTemplates(
  [...real.content.policies.values()].filter((p) => p.status === 'current'),
);
const payerIds = [...real.content.payers.keys()];

describe('synthetic policies for the scale benchmark', () => {
  it('start from the real content, which passes the content check', () => {
    expect(real.errors).toEqual([]);
    expect(templates.length).toBeGreaterThan(20);
  });

  it('pass the same content check as real policies, written as YAML and read back', () => {
    const generated = syntheticPolicies({ count: 60, templates, payerIds });
    const synthetic: ContentFile[] = [...generated].map(([id, policy]) => ({
      collection: 'policies',
      id,
      path: `policies/${id}.yaml`,
      data: parseData(stringify(policy, { aliasDuplicateObjects: false })),
    }));
    const result = validateContent([...files, ...synthetic]);
    expect(result.errors).toEqual([]);
    expect(result.content.policies.size).toBe(real.content.policies.size + 60);
  });

  it('have realistic criteria trees: most covered policies carry many cited concept rules', () => {
    const generated = [...syntheticPolicies({ count: 60, templates, payerIds }).values()];
    const covered = generated.filter((p) => p.lines[0]?.criteria);
    expect(covered.length).toBeGreaterThan(20);
    for (const policy of covered) {
      const concepts = new Set<string>();
      walkCriteria(policy.lines[0]!.criteria!, (node) => {
        if (node.concept) {
          concepts.add(node.concept);
          expect(node.citation?.source).toBeTruthy();
        }
      });
      expect(concepts.size).toBeGreaterThan(8);
    }
  });

  it('are the same for the same seed and differ for another', () => {
    const a = JSON.stringify([...syntheticPolicies({ count: 5, templates, payerIds, seed: 1 })]);
    expect(JSON.stringify([...syntheticPolicies({ count: 5, templates, payerIds, seed: 1 })])).toBe(
      a,
    );
    expect(
      JSON.stringify([...syntheticPolicies({ count: 5, templates, payerIds, seed: 2 })]),
    ).not.toBe(a);
  });

  it('say they are synthetic wherever a reader could see them', () => {
    for (const policy of syntheticPolicies({ count: 5, templates, payerIds }).values()) {
      expect(policy.title).toContain('scale benchmark only');
      expect(policy.summary).toContain('not a real policy');
      expect(policy.verification).toBe('inference');
    }
  });
});
