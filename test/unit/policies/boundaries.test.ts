/**
 * Every policy line walked across its thresholds, from the shared case table
 * test/fixtures/policy-cases.yaml; and a coverage check that every numeric threshold in a line's
 * own criteria has a case just below, at and just above it.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../../src/lib/engine/evaluate.ts';
import { walkCriteria } from '../../../src/lib/criteria/walk.ts';
import { PatientFacts } from '../../../src/lib/facts/schema.ts';
import type { CriterionNode } from '../../../src/lib/schema/criteria.ts';
import { loadContent, vignettes } from '../../helpers/content.ts';

interface Case {
  name: string;
  probe?: string;
  set?: Record<string, unknown>;
  unset?: string[];
  expect: string;
}
const table = parse(
  readFileSync(new URL('../../fixtures/policy-cases.yaml', import.meta.url), 'utf8'),
) as Record<string, { base: string; set?: Record<string, unknown>; cases: Case[] }>;

/** The facts of one case: its base vignette, the policy-level `set`, then the case's own changes. */
export function caseFacts(policy: string, c: Case): Record<string, unknown> {
  const spec = table[policy]!;
  const facts: Record<string, unknown> = {
    ...structuredClone(vignettes().find((v) => v.id === spec.base)!.facts),
    ...spec.set,
    ...c.set,
  };
  for (const key of c.unset ?? []) delete facts[key];
  return facts;
}

describe.each(Object.keys(table))('%s boundaries', (policy) => {
  it.each(table[policy]!.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { byId, evidenceById } = await loadContent();
    const facts = caseFacts(policy, c);
    expect(PatientFacts.safeParse(facts).success, 'case facts must be valid patient facts').toBe(
      true,
    );
    const line = byId.get(policy) ?? evidenceById.get(policy);
    expect(line, `${policy} is a policy line or a criteria set`).toBeDefined();
    const result = evaluatePolicy(line!, facts, { policies: byId });
    expect(result.outcome).toBe(c.expect);
  });
});

/** Numeric thresholds of a tree as `probe path → thresholds`. */
function thresholds(root: CriterionNode): Map<string, Set<number>> {
  const found = new Map<string, Set<number>>();
  const add = (path: string, value: number) =>
    found.set(path, (found.get(path) ?? new Set()).add(value));
  walkCriteria(root, (node, context) => {
    const list = context.ancestors.filter((a) => a.kind === 'some' || a.kind === 'every').at(-1) as
      { fact: string } | undefined;
    if (node.kind === 'compare' && ['gte', 'gt', 'lte', 'lt'].includes(node.op))
      add(list ? `${list.fact}.${node.fact}` : node.fact, node.value as number);
    if (node.kind === 'count') add(`${node.fact}.count`, node.value);
  });
  return found;
}

function probeValue(c: Case, facts: Record<string, unknown>): number | undefined {
  if (!c.probe) return undefined;
  const [fact, field] = c.probe.split('.') as [string, string | undefined];
  if (!field) return facts[fact] as number;
  const list = facts[fact] as Record<string, number>[] | undefined;
  return field === 'count' ? list?.length : list?.[0]?.[field];
}

/** Thresholds of `criteria` that lack a case just below, at or just above them in the table. */
function uncovered(id: string, criteria: CriterionNode): string[] {
  const missing: string[] = [];
  const cases = table[id]?.cases ?? [];
  for (const [path, values] of thresholds(criteria))
    for (const threshold of values) {
      const probed = cases
        .filter((c) => c.probe === path)
        .map((c) => probeValue(c, caseFacts(id, c))!);
      if (!probed.some((v) => v < threshold))
        missing.push(`${id}: ${path} just below ${threshold}`);
      if (!probed.some((v) => v === threshold)) missing.push(`${id}: ${path} at ${threshold}`);
      if (!probed.some((v) => v > threshold))
        missing.push(`${id}: ${path} just above ${threshold}`);
    }
  return missing;
}

describe('threshold coverage', () => {
  it('has cases below, at and above every numeric threshold of every line with its own criteria', async () => {
    const { content } = await loadContent();
    const missing: string[] = [];
    for (const [, policy] of content.policies) {
      if (policy.status !== 'current') continue;
      for (const line of policy.lines)
        if (line.criteria) missing.push(...uncovered(line.id, line.criteria));
    }
    expect(missing).toEqual([]);
  });

  it('has cases below, at and above every numeric threshold of every trial and guideline criteria set', async () => {
    const { content } = await loadContent();
    const missing: string[] = [];
    for (const [id, set] of content['criteria-sets'])
      if (set.criteria) missing.push(...uncovered(id, set.criteria));
    expect(missing).toEqual([]);
  });
});
