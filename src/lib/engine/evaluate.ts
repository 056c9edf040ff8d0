/**
 * The criteria engine: one pure, three-valued evaluator used by every page, the browser checker,
 * the CLI and the tests. A fact is documented true, documented false, or undocumented (absent);
 * an undocumented fact is never read as met nor as failed (Kleene's three-valued logic).
 * No Astro, DOM, clock or I/O in here.
 */
import type { ComparisonOp, CountOp, CriterionNode } from '../schema/criteria.ts';
import type { PatientFacts } from '../facts/schema.ts';
import { describeMissing } from './missing.ts';
import { explain } from './findings.ts';
import {
  type EvaluablePolicy,
  type Evaluation,
  type FactUse,
  type Outcome,
  type Status,
  type TraceNode,
} from './types.ts';
import { unreachable } from '../unreachable.ts';

type Record_ = Readonly<Record<string, unknown>>;

export interface EvaluateOptions {
  /** Every evaluable line by id; needed for lines that defer to an LCD. */
  policies?: ReadonlyMap<string, EvaluablePolicy>;
  /**
   * Reuse within one patient: traces by criteria tree (lines that share a tree, like the LCDs
   * and MGB's Medicare products, evaluate it once) and results by line id. Only valid for the
   * same facts; evaluateAll creates one per call.
   */
  memo?: { traces: WeakMap<object, TraceNode>; results: Map<string, Evaluation> };
}

/**
 * Evaluates one criteria tree against a fact record (a patient, or one list item inside
 * some/every). Written with plain loops and one object per node: it runs for every policy on
 * every keystroke in the checker.
 */
export function evaluateNode(
  node: CriterionNode,
  record: Record_,
  negated = false,
  prefix = '',
): TraceNode {
  let status: Status;
  let facts: FactUse[] = noFacts;
  let children: TraceNode[] = noChildren;
  switch (node.kind) {
    case 'compare': {
      const value = record[node.fact];
      status = compare(node.op, value, node.value);
      facts = [
        node.op === 'present'
          ? { path: prefix + node.fact, value, presence: true }
          : { path: prefix + node.fact, value },
      ];
      break;
    }
    case 'count': {
      const list = record[node.fact];
      status = Array.isArray(list)
        ? order(node.op, list.length, node.value)
          ? 'met'
          : 'failed'
        : 'undocumented';
      facts = [{ path: prefix + node.fact, value: list }];
      break;
    }
    case 'some':
    case 'every': {
      const list = record[node.fact];
      facts = [{ path: prefix + node.fact, value: list }];
      if (!Array.isArray(list)) {
        status = 'undocumented';
        break;
      }
      children = new Array<TraceNode>(list.length);
      let met = 0;
      let failed = 0;
      for (let i = 0; i < list.length; i++) {
        const child = evaluateNode(
          node.where,
          list[i] as Record_,
          negated,
          `${prefix}${node.fact}[${i}].`,
        );
        child.item = i;
        children[i] = child;
        if (child.status === 'met') met++;
        else if (child.status === 'failed') failed++;
      }
      const open = list.length - met - failed;
      status =
        node.kind === 'some'
          ? met > 0
            ? 'met'
            : open > 0
              ? 'undocumented'
              : 'failed'
          : failed > 0
            ? 'failed'
            : open > 0
              ? 'undocumented'
              : 'met';
      break;
    }
    case 'all':
    case 'any':
    case 'at-least': {
      const n = node.children.length;
      children = new Array<TraceNode>(n);
      let met = 0;
      let failed = 0;
      for (let i = 0; i < n; i++) {
        const child = evaluateNode(node.children[i]!, record, negated, prefix);
        children[i] = child;
        if (child.status === 'met') met++;
        else if (child.status === 'failed') failed++;
      }
      const open = n - met - failed;
      if (node.kind === 'all') status = failed > 0 ? 'failed' : open > 0 ? 'undocumented' : 'met';
      else if (node.kind === 'any') status = met > 0 ? 'met' : open > 0 ? 'undocumented' : 'failed';
      // At least `min` met: decided once enough are met, or once too few can still be.
      else status = met >= node.min ? 'met' : met + open < node.min ? 'failed' : 'undocumented';
      break;
    }
    case 'not': {
      const child = evaluateNode(node.child, record, !negated, prefix);
      children = [child];
      status =
        child.status === 'met' ? 'failed' : child.status === 'failed' ? 'met' : 'undocumented';
      break;
    }
    default:
      return unreachable(node, 'criterion node');
  }
  return {
    id: node.id,
    kind: node.kind,
    concept: node.concept,
    label: node.label,
    citation: node.citation,
    note: node.note,
    status,
    negated,
    facts,
    children,
  };
}

const noFacts: FactUse[] = [];
const noChildren: TraceNode[] = [];

function compare(op: ComparisonOp, value: unknown, expected: unknown): Status {
  if (op === 'present') return value === undefined ? 'failed' : 'met';
  if (value === undefined) return 'undocumented';
  switch (op) {
    case 'eq':
      return value === expected ? 'met' : 'failed';
    case 'in':
      return (expected as unknown[]).includes(value) ? 'met' : 'failed';
    case 'gte':
    case 'gt':
    case 'lte':
    case 'lt':
      return typeof value === 'number' && order(op, value, expected as number) ? 'met' : 'failed';
    default:
      return unreachable(op, 'comparison operator');
  }
}

function order(op: CountOp, value: number, threshold: number): boolean {
  switch (op) {
    case 'gte':
      return value >= threshold;
    case 'gt':
      return value > threshold;
    case 'lte':
      return value <= threshold;
    case 'lt':
      return value < threshold;
    case 'eq':
      return value === threshold;
    default:
      return unreachable(op, 'count operator');
  }
}

/** Evaluates one policy line for one patient. */
export function evaluatePolicy(
  policy: EvaluablePolicy,
  facts: PatientFacts,
  options: EvaluateOptions = {},
): Evaluation {
  const memo = options.memo?.results.get(policy.id);
  if (memo) return memo;
  const result = evaluateLine(policy, facts, options);
  options.memo?.results.set(policy.id, result);
  return result;
}

function evaluateLine(
  policy: EvaluablePolicy,
  facts: PatientFacts,
  options: EvaluateOptions,
): Evaluation {
  const common = { policy: policy.id, citation: policy.citation, caveats: [...policy.caveats] };
  switch (policy.position) {
    case 'not-medically-necessary':
    case 'experimental-investigational':
    case 'not-payable':
      return {
        ...common,
        outcome: 'not-covered',
        summary: `${policy.policyName} does not pay for BVNA for ${policy.label.toLowerCase()} (${positionWords[policy.position]}), whatever the patient’s facts.`,
        failed: [],
        undocumented: [],
        missing: [],
      };
    case 'defers-to-lcd':
      return evaluateThroughLcd(policy, facts, options);
    case 'covered-with-criteria':
    case 'defers-to-non-public':
      return evaluateCriteria(policy, facts, options);
    default:
      return unreachable(policy.position, 'position');
  }
}

const positionWords = {
  'not-medically-necessary': 'considered not medically necessary',
  'experimental-investigational': 'considered experimental or investigational',
  'not-payable': 'not payable',
} as const;

/** Evaluates a line's own criteria (and non-public criteria, if any). */
function evaluateCriteria(
  policy: EvaluablePolicy,
  facts: PatientFacts,
  options: EvaluateOptions,
): Evaluation {
  const common = { policy: policy.id, citation: policy.citation, caveats: [...policy.caveats] };
  if (!policy.criteria) {
    // Only non-public criteria: nothing public can fail or be missing.
    return {
      ...common,
      outcome: 'needs-proprietary-review',
      summary: `${policy.policyName} decides by ${policy.nonPublic?.name ?? 'criteria that are not public'}; no public criterion applies.`,
      failed: [],
      undocumented: [],
      missing: [],
    };
  }
  let trace = options.memo?.traces.get(policy.criteria);
  if (!trace) {
    trace = evaluateNode(policy.criteria, facts);
    options.memo?.traces.set(policy.criteria, trace);
  }
  const failed = trace.status === 'failed' ? explain(trace, 'failed') : [];
  const undocumented = trace.status === 'undocumented' ? explain(trace, 'undocumented') : [];
  const missing = describeMissing(undocumented);
  let outcome: Outcome;
  let summary: string;
  if (trace.status === 'failed') {
    outcome = 'fails';
    summary = `${count(failed.length, 'criterion is', 'criteria are')} documented as not met or excluded.`;
  } else if (trace.status === 'undocumented') {
    outcome = 'needs-documentation';
    summary = `Nothing documented fails, but ${count(undocumented.length, 'criterion needs', 'criteria need')} documentation.`;
  } else if (policy.nonPublic) {
    outcome = 'needs-proprietary-review';
    summary = `Every public criterion is met; the request is then reviewed against ${policy.nonPublic.name}, which is not public.`;
  } else if (policy.completeness === 'partial') {
    outcome = 'needs-proprietary-review';
    summary =
      'Every criterion the editors could read is met, but part of this policy’s criteria is not available, so it cannot be shown to be met.';
  } else {
    outcome = 'meets';
    summary = 'Every criterion is documented as met and no exclusion is present.';
  }
  return { ...common, outcome, summary, failed, undocumented, missing, trace };
}

/** Evaluates a Medicare-following line: the applicable LCD, else the line's own criteria. */
function evaluateThroughLcd(
  policy: EvaluablePolicy,
  facts: PatientFacts,
  options: EvaluateOptions,
): Evaluation {
  const lcd = policy.lcd!;
  const lookup = (id: string) => {
    const found = options.policies?.get(id);
    if (!found)
      throw new Error(
        `evaluatePolicy: ${policy.id} defers to ${id}, which was not passed in options.policies`,
      );
    return found;
  };
  const viaLcd = (candidate: string): Evaluation => {
    const applied = evaluatePolicy(lookup(candidate), facts, options);
    return {
      ...applied,
      policy: policy.id,
      appliedPolicy: candidate,
      citation: policy.citation,
      summary: `Applies ${lookup(candidate).policyName}: ${applied.summary}`,
      caveats: [...policy.caveats, ...applied.caveats],
    };
  };
  if (lcd.choose === 'named') return viaLcd(lcd.candidates[0]!.id);

  const own = (): Evaluation => {
    const result = evaluateCriteria(policy, facts, options);
    return {
      ...result,
      summary: `No LCD is known to apply in this state, so the plan’s own criteria apply. ${result.summary}`,
    };
  };
  const state = facts.state;
  if (state !== undefined) {
    const match = lcd.candidates.find((c) => c.states.includes(state));
    if (!match) return own();
    const result = viaLcd(match.id);
    if (match.verification !== 'verified')
      result.caveats.push(
        `That ${match.id.toUpperCase()} applies in ${state} is ${match.verification === 'inference' ? 'the editors’ inference' : 'not verified'}.`,
      );
    return result;
  }
  // The state is undocumented: evaluate every branch; if they agree the state does not matter.
  const branches = [
    ...lcd.candidates.filter((c) => c.states.length > 0).map((c) => viaLcd(c.id)),
    own(),
  ];
  const outcomes = new Set(branches.map((b) => b.outcome));
  const fallback = branches[branches.length - 1]!;
  const branchList = branches.map((b) => ({
    policy: b.appliedPolicy ?? policy.id,
    outcome: b.outcome,
  }));
  if (outcomes.size === 1)
    return {
      ...fallback,
      branches: branchList,
      summary: `Whichever rules apply in the state of care: ${fallback.summary}`,
    };
  const stateMissing = describeMissing([
    {
      nodeId: 'state',
      label: 'State of care',
      exclusion: false,
      facts: [{ path: 'state', value: undefined }],
      reason: '',
    },
  ]);
  return {
    ...fallback,
    outcome: 'needs-documentation',
    summary:
      'The outcome depends on which LCD applies, which depends on the state where the procedure is done.',
    missing: [...new Set([...stateMissing, ...branches.flatMap((b) => b.missing)])],
    branches: branchList,
  };
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** Evaluates every line for one patient, in the order given. */
export function evaluateAll(
  policies: readonly EvaluablePolicy[],
  facts: PatientFacts,
  byId: ReadonlyMap<string, EvaluablePolicy> = new Map(policies.map((p) => [p.id, p])),
): Evaluation[] {
  const options: EvaluateOptions = {
    policies: byId,
    memo: { traces: new WeakMap(), results: new Map() },
  };
  return policies.map((p) => evaluatePolicy(p, facts, options));
}
