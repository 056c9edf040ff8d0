import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readAllContent, parseData } from '../../../src/loaders/content-files.ts';
import { validateContent, type ContentFile } from '../../../src/lib/content/validate.ts';
import { walkCriteria } from '../../../src/lib/criteria/walk.ts';
import {
  ruleTemplates,
  syntheticPayerCount,
  syntheticPayers,
  syntheticPolicies,
} from '../../../scripts/lib/synthetic-policies.ts';

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

  it('come with synthetic payers, named as generated, that pass the content check with their policies', () => {
    const payers = syntheticPayers({ count: syntheticPayerCount(60) });
    expect(payers.size).toBe(6);
    for (const payer of payers.values())
      expect(payer.name).toMatch(/^Synthetic Payer \d+ \(scale benchmark\)$/);
    const generated = syntheticPolicies({
      count: 60,
      templates,
      payerIds: [...payerIds, ...payers.keys()],
    });
    const yaml = (collection: string, id: string, data: unknown): ContentFile => ({
      collection,
      id,
      path: `${collection}/${id}.yaml`,
      data: parseData(stringify(data, { aliasDuplicateObjects: false })),
    });
    const result = validateContent([
      ...files,
      ...[...payers].map(([id, payer]) => yaml('payers', id, payer)),
      ...[...generated].map(([id, policy]) => yaml('policies', id, policy)),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.content.payers.size).toBe(real.content.payers.size + 6);
  });

  it('spread over many payers and states, unevenly, the same for the same seed', () => {
    const payers = syntheticPayers({ count: 300 });
    expect([...syntheticPayers({ count: 300 }).values()]).toEqual([...payers.values()]);
    const regional = [...payers.values()].filter((p) => p.states);
    // Most payers are regional (one to three states), a few national; together they cover most states.
    expect(regional.length).toBeGreaterThan(240);
    expect(regional.length).toBeLessThan(300);
    for (const p of regional) expect(p.states!.length).toBeLessThanOrEqual(3);
    expect(new Set(regional.flatMap((p) => p.states)).size).toBeGreaterThan(45);
    const perPayer = new Map<string, number>();
    for (const policy of syntheticPolicies({
      count: 3000,
      templates,
      payerIds: [...payerIds, ...payers.keys()],
    }).values())
      perPayer.set(policy.payer, (perPayer.get(policy.payer) ?? 0) + 1);
    const counts = [...perPayer.values()].sort((a, b) => b - a);
    expect(perPayer.size).toBeGreaterThan(250);
    // Uneven: the largest payer has several times the median's policies.
    expect(counts[0]!).toBeGreaterThan(4 * counts[Math.floor(counts.length / 2)]!);
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
