/**
 * A policy's criteria as a small logic tree: all / any / at-least-N / not over atomic
 * comparisons of patient facts, plus some / every over list-valued facts (e.g. Modic changes) and
 * match, which pairs an item of one list with the items of another (a Modic change at a planned body).
 * Each node carries a stable id, a shared concept id so that two policies' versions of one rule
 * line up, a label in the project's own words and a citation of the policy text.
 */
import { z } from 'astro/zod';
import { citation, entryId } from './common.ts';

/** Comparison operators of a leaf. `present` asks only whether the fact is documented. */
export const comparisonOp = z.enum(['gte', 'gt', 'lte', 'lt', 'eq', 'in', 'present']);
export type ComparisonOp = z.infer<typeof comparisonOp>;

/** Operators for counting the items of a list-valued fact. */
export const countOp = z.enum(['gte', 'gt', 'lte', 'lt', 'eq']);
export type CountOp = z.infer<typeof countOp>;

/** A value a fact is compared with. */
const scalar = z.union([z.number(), z.string(), z.boolean()]);

const nodeBase = {
  /** Stable id, unique within the policy, e.g. `bmi-over-40`; used in anchors and traces. */
  id: entryId,
  /** Shared concept id (see src/lib/criteria/concepts.ts) that lines this rule up with other policies' versions of it. */
  concept: entryId.optional(),
  /** What the rule asks, in the project's own words, e.g. "BMI greater than 40". */
  label: z.string().min(1),
  /** Where the policy states the rule. Required on every node with a concept. */
  citation: citation.optional(),
  /** An editor's note on how the rule was read or encoded (ambiguities, conversions). */
  note: z.string().min(1).optional(),
};

/** Compare one fact with a value: `bmi gt 40`, `predominantPain in [radicular]`, `mriReport eq true`. */
export const compareNode = z
  .object({
    ...nodeBase,
    kind: z.literal('compare'),
    /** Fact key from the fact catalogue, or an item field inside `some`/`every`. */
    fact: z.string().min(1),
    /** The comparison. */
    op: comparisonOp,
    /** The value compared with: a number for ordering operators, a list for `in`, none for `present`. */
    value: z.union([scalar, z.array(z.union([z.string(), z.number()])).min(1)]).optional(),
  })
  .strict()
  .superRefine((node, ctx) => {
    const { op, value } = node;
    const fail = (message: string) => ctx.addIssue({ code: 'custom', path: ['value'], message });
    if (op === 'present') {
      if (value !== undefined) fail('`present` takes no value');
    } else if (op === 'in') {
      if (!Array.isArray(value)) fail('`in` needs a list of values');
    } else if (op === 'eq') {
      if (value === undefined || Array.isArray(value)) fail('`eq` needs a single value');
    } else if (typeof value !== 'number') {
      fail(`\`${op}\` needs a number`);
    }
  });

/** Count the items of a list-valued fact: `count(plannedLevels) lte 4`. */
export const countNode = z
  .object({
    ...nodeBase,
    kind: z.literal('count'),
    /** List-valued fact key. */
    fact: z.string().min(1),
    /** The comparison applied to the number of items. */
    op: countOp,
    /** The number compared with. */
    value: z.int().min(0),
  })
  .strict();

/** Some item of a list-valued fact satisfies `where` (an empty list: failed). */
export const someNode = z
  .object({
    ...nodeBase,
    kind: z.literal('some'),
    /** List-valued fact key. */
    fact: z.string().min(1),
    /** Condition on one item; its facts are the item's fields. */
    get where(): z.ZodType<CriterionNode> {
      return criterionNode;
    },
  })
  .strict();

/** Every item of a list-valued fact satisfies `where` (an empty list: met). */
export const everyNode = z
  .object({
    ...nodeBase,
    kind: z.literal('every'),
    /** List-valued fact key. */
    fact: z.string().min(1),
    /** Condition on one item; its facts are the item's fields. */
    get where(): z.ZodType<CriterionNode> {
      return criterionNode;
    },
  })
  .strict();

/**
 * Inside `some`/`every`: some item of another list-valued fact, read from the patient's top-level
 * facts, has the same value of `on` as the current item (and satisfies `where`, when given).
 * E.g. for each planned vertebral body, a Modic change at that body.
 */
export const matchNode = z
  .object({
    ...nodeBase,
    kind: z.literal('match'),
    /** Top-level list-valued fact searched, e.g. `modicChanges`. */
    fact: z.string().min(1),
    /** Item field compared between the current item and the searched list's items, e.g. `level`. */
    on: z.string().min(1),
    /** Condition on a matching item; its facts are that item's fields. */
    get where(): z.ZodOptional<z.ZodType<CriterionNode>> {
      return criterionNode.optional();
    },
  })
  .strict();

/** All children hold. */
export const allNode = z
  .object({
    ...nodeBase,
    kind: z.literal('all'),
    /** The conditions that must all hold. */
    get children(): z.ZodArray<z.ZodType<CriterionNode>> {
      return z.array(criterionNode).min(1, 'an `all` node needs at least one child');
    },
  })
  .strict();

/** At least one child holds. */
export const anyNode = z
  .object({
    ...nodeBase,
    kind: z.literal('any'),
    /** The alternatives. */
    get children(): z.ZodArray<z.ZodType<CriterionNode>> {
      return z.array(criterionNode).min(1, 'an `any` node needs at least one child');
    },
  })
  .strict();

/** At least `min` children hold, e.g. three of six conservative-care modalities. */
export const atLeastNode = z
  .object({
    ...nodeBase,
    kind: z.literal('at-least'),
    /** How many children must hold. */
    min: z.int().positive(),
    /** The candidates. */
    get children(): z.ZodArray<z.ZodType<CriterionNode>> {
      return z.array(criterionNode).min(1, 'an `at-least` node needs at least one child');
    },
  })
  .strict()
  .refine((n) => n.min <= n.children.length, {
    message: '`min` cannot exceed the number of children',
    path: ['min'],
  });

/** The child does not hold: how exclusions are written (`not: any: [...]`). */
export const notNode = z
  .object({
    ...nodeBase,
    kind: z.literal('not'),
    /** The condition that must not hold. */
    get child(): z.ZodType<CriterionNode> {
      return criterionNode;
    },
  })
  .strict();

// zod cannot infer a recursive type, so the recursive node types are spelled out here once,
// on top of the inferred fields shared by every node.
type NodeBase = z.infer<z.ZodObject<typeof nodeBase>>;
export type CompareNode = z.infer<typeof compareNode>;
export type CountNode = z.infer<typeof countNode>;
export type SomeNode = NodeBase & { kind: 'some'; fact: string; where: CriterionNode };
export type EveryNode = NodeBase & { kind: 'every'; fact: string; where: CriterionNode };
export type MatchNode = NodeBase & {
  kind: 'match';
  fact: string;
  on: string;
  where?: CriterionNode;
};
export type AllNode = NodeBase & { kind: 'all'; children: CriterionNode[] };
export type AnyNode = NodeBase & { kind: 'any'; children: CriterionNode[] };
export type AtLeastNode = NodeBase & { kind: 'at-least'; min: number; children: CriterionNode[] };
export type NotNode = NodeBase & { kind: 'not'; child: CriterionNode };

/** Any node of a criteria tree. */
export type CriterionNode =
  | CompareNode
  | CountNode
  | SomeNode
  | EveryNode
  | MatchNode
  | AllNode
  | AnyNode
  | AtLeastNode
  | NotNode;

/** The criteria tree schema (a discriminated union on `kind`). */
export const criterionNode: z.ZodType<CriterionNode> = z.discriminatedUnion('kind', [
  compareNode,
  countNode,
  someNode,
  everyNode,
  matchNode,
  allNode,
  anyNode,
  atLeastNode,
  notNode,
]);
