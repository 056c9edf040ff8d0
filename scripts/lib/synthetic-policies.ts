/**
 * Synthetic, schema-valid policies for the scale benchmark. Each one is assembled from the real
 * encoded criteria: every concept-bearing rule of every real policy (with its own citation of a
 * real source and section) is a template, placed as an indication or under the exclusions as it
 * was in its policy, with numeric thresholds moved within what the fact catalogue allows. So a
 * synthetic policy is as deep, as cited and as varied as the real ones, and passes the same
 * content check. Deterministic for a given seed, so two runs build the same site.
 *
 * A national catalogue also has hundreds of payers, most of them regional: `syntheticPayers`
 * makes schema-valid payers, clearly named as generated, each selling in one to three states or
 * (about one in eight) nationally, and the policies are spread over all payers unevenly, as
 * catalogues are (a few payers with many policies, most with a handful).
 */
import { facts, itemFields, type ItemKind } from '../../src/lib/facts/catalog.ts';
import { walkCriteria } from '../../src/lib/criteria/walk.ts';
import type { Citation } from '../../src/lib/schema/common.ts';
import type { CriterionNode } from '../../src/lib/schema/criteria.ts';
import { productLines, stateCodes } from '../../src/lib/facts/vocabulary.ts';
import type { Payer, PayerKind } from '../../src/lib/schema/payer.ts';
import type { Policy, PolicyLine } from '../../src/lib/schema/policy.ts';

/** One real rule that a synthetic policy can reuse. */
export interface RuleTemplate {
  /** Concept id, e.g. `spondylolisthesis`. */
  concept: string;
  /** True when the rule is an exclusion (under a `not`) in its policy. */
  exclusion: boolean;
  /** List-item kind the rule's facts refer to, when it sits inside some/every. */
  item: ItemKind | undefined;
  node: CriterionNode;
  /** The policy it came from, for the synthetic policy's own citations. */
  from: Policy;
}

/** Every top-most concept-bearing rule of every real policy line with criteria. */
export function ruleTemplates(policies: Iterable<Policy>): RuleTemplate[] {
  const templates: RuleTemplate[] = [];
  for (const policy of policies)
    for (const line of policy.lines) {
      if (!line.criteria) continue;
      walkCriteria(line.criteria, (node, context) => {
        if (!node.concept || context.ancestors.some((a) => a.concept)) return;
        templates.push({
          concept: node.concept,
          exclusion: context.negated,
          item: context.item,
          node,
          from: policy,
        });
      });
    }
  return templates;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same policies. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T =>
  items[Math.floor(rand() * items.length)]!;
/** Like `pick`, but earlier items more often (the first about 2 % of picks among 300). */
const pickSkewed = <T>(rand: () => number, items: readonly T[]): T =>
  items[Math.floor(rand() ** 1.5 * items.length)]!;

const payerKindsMix: readonly PayerKind[] = [
  'health-plan',
  'health-plan',
  'health-plan',
  'health-plan',
  'blue-cross-blue-shield',
  'blue-cross-blue-shield',
  'medicare-advantage-vendor',
];

/** The number of synthetic payers for `policies` synthetic policies: about ten policies each. */
export function syntheticPayerCount(policies: number): number {
  return Math.max(1, Math.ceil(policies / 10));
}

/** `count` synthetic payers, ids `synthetic-payer-001`…, named as generated. */
export function syntheticPayers(options: { count: number; seed?: number }): Map<string, Payer> {
  const rand = random(options.seed ?? 11);
  const width = Math.max(3, String(options.count).length);
  const payers = new Map<string, Payer>();
  for (let i = 1; i <= options.count; i++) {
    const number = String(i).padStart(width, '0');
    const national = rand() < 0.125;
    const first = Math.floor(rand() * stateCodes.length);
    const spread = 1 + Math.floor(rand() * rand() * 3);
    const states = [
      ...new Set(
        Array.from({ length: spread }, (_, k) => stateCodes[(first + k) % stateCodes.length]!),
      ),
    ];
    payers.set(`synthetic-payer-${number}`, {
      name: `Synthetic Payer ${number} (scale benchmark)`,
      shortName: `Synthetic Payer ${number}`,
      kind: pick(rand, payerKindsMix),
      description: `A generated payer for the scale benchmark, ${national ? 'selling nationally' : `selling in ${states.join(', ')}`}; not a real organisation.`,
      ...(national ? {} : { states }),
      lastReviewed: '2026-11-25',
    });
  }
  return payers;
}
function sample<T>(rand: () => number, items: readonly T[], share: number): T[] {
  return items.filter(() => rand() < share);
}

interface Schema {
  safeParse(value: unknown): { success: boolean };
}
function schemaOf(fact: string, item: ItemKind | undefined): Schema | undefined {
  const table = (item ? itemFields[item] : facts) as Record<string, { schema: Schema }>;
  return table[fact]?.schema;
}

/** A deep copy of a rule with every node id suffixed (unique within the policy) and numeric thresholds moved. */
function variant(template: RuleTemplate, suffix: string, rand: () => number): CriterionNode {
  const copy = structuredClone<CriterionNode>(template.node);
  walkCriteria(
    copy,
    (node, context) => {
      (node as { id: string }).id = `${node.id}-${suffix}`;
      if (
        (node.kind === 'compare' || node.kind === 'count') &&
        typeof node.value === 'number' &&
        node.op !== 'eq'
      ) {
        const factor = pick(rand, [0.5, 0.75, 1, 1, 1.25, 1.5, 2]);
        const moved = Number.isInteger(node.value)
          ? Math.round(node.value * factor)
          : Math.round(node.value * factor * 10) / 10;
        const schema = node.kind === 'count' ? undefined : schemaOf(node.fact, context.item);
        const valid =
          node.kind === 'count'
            ? Number.isInteger(moved) && moved >= 0
            : schema?.safeParse(moved).success;
        if (valid && moved !== node.value) {
          (node as { note?: string }).note =
            `Synthetic threshold: ${moved} where the cited policy has ${node.value}.`;
          (node as { value: number }).value = moved;
        }
      }
    },
    { path: '', item: template.item, negated: false, ancestors: [] },
  );
  return copy;
}

const payerKinds = [
  'covered-with-criteria',
  'covered-with-criteria',
  'covered-with-criteria',
  'not-medically-necessary',
  'experimental-investigational',
] as const;

/** `count` synthetic policies, ids `synthetic-0001`…, citing only sources the real content has. */
export function syntheticPolicies(options: {
  count: number;
  templates: readonly RuleTemplate[];
  payerIds: readonly string[];
  seed?: number;
}): Map<string, Policy> {
  const rand = random(options.seed ?? 7);
  const indications = options.templates.filter((t) => !t.exclusion);
  const exclusions = options.templates.filter((t) => t.exclusion);
  const width = String(options.count).length;
  const policies = new Map<string, Policy>();
  for (let i = 1; i <= options.count; i++) {
    const id = `synthetic-${String(i).padStart(Math.max(4, width), '0')}`;
    // One template per concept, taken from a random real policy, so the tree reads like one policy.
    const oneEach = (pool: readonly RuleTemplate[]) => [
      ...new Map(sample(rand, pool, 0.7).map((t) => [t.concept, t])).values(),
    ];
    const chosenIndications = oneEach(indications);
    const chosenExclusions = oneEach(exclusions);
    const anchor = (chosenIndications[0] ?? chosenExclusions[0] ?? options.templates[0]!).from;
    const citation: Citation = anchor.source;
    let k = 0;
    const parts: CriterionNode[] = [];
    if (chosenIndications.length > 0)
      parts.push({
        kind: 'all',
        id: `${id}-indications`,
        label: 'All of the indications',
        citation,
        children: chosenIndications.map((t) => variant(t, `s${++k}`, rand)),
      });
    if (chosenExclusions.length > 0)
      parts.push({
        kind: 'not',
        id: `${id}-exclusions`,
        label: 'None of the exclusions',
        citation,
        child: {
          kind: 'any',
          id: `${id}-any-exclusion`,
          label: 'Any exclusion',
          children: chosenExclusions.map((t) => variant(t, `s${++k}`, rand)),
        },
      });
    const criteria: CriterionNode = {
      kind: 'all',
      id,
      label: 'Every indication holds and no exclusion applies',
      children: parts,
    };
    const lineProducts = sample(rand, productLines, 0.4);
    const groups = (lineProducts.length ? lineProducts : [pick(rand, productLines)]).reduce<
      (typeof productLines)[number][][]
    >((acc, p) => {
      if (acc.length === 0 || rand() < 0.4) acc.push([p]);
      else acc[acc.length - 1]!.push(p);
      return acc;
    }, []);
    const firstPosition = pick(rand, payerKinds);
    const lines: PolicyLine[] = groups.map((products, index) => {
      const lineId = `${id}-${String.fromCharCode(97 + index)}`;
      const base = {
        id: lineId,
        label: `Members of ${products.join(', ')} plans`,
        productLines: products,
        citation,
        completeness: 'complete' as const,
      };
      if (index === 0)
        return firstPosition === 'covered-with-criteria'
          ? {
              ...base,
              position: firstPosition,
              summary: 'Covered when every indication holds and no exclusion applies.',
              criteria,
            }
          : {
              ...base,
              position: firstPosition,
              summary: 'Not covered for these members, whatever the facts.',
            };
      return firstPosition === 'covered-with-criteria' && rand() < 0.6
        ? {
            ...base,
            position: 'covered-with-criteria',
            summary: 'The same criteria as the first line.',
            criteriaFrom: `${id}-a`,
          }
        : { ...base, position: 'not-payable', summary: 'Not payable for these members.' };
    });
    const year = 2023 + Math.floor(rand() * 4);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    policies.set(id, {
      title: `Synthetic policy ${i} on basivertebral nerve ablation (scale benchmark only)`,
      shortName: `Synthetic ${i}`,
      payer: pickSkewed(rand, options.payerIds),
      policyNumber: `SYN-${i}`,
      version: String(1 + Math.floor(rand() * 5)),
      versionDate: `${year}-${month}-01`,
      status: 'current',
      position: firstPosition,
      summary: `A generated policy for the scale benchmark, assembled from the cited rules of real policies with thresholds moved. It is not a real policy.`,
      source: citation,
      verification: 'inference',
      codes: { cpt: ['64628', '64629'], icd10: [] },
      revisions: [{ version: '1', date: `${year}-${month}`, summary: 'Generated.', citation }],
      notes: [],
      searchTerms: [],
      lines,
      lastReviewed: '2026-11-25',
    });
  }
  return policies;
}
