/**
 * The criteria engine: one pure, three-valued evaluator used by every page, the browser checker,
 * the CLI and the tests. A fact is documented true, documented false, or undocumented (absent);
 * an undocumented fact is never read as met nor as failed (Kleene's three-valued logic).
 * No Astro, DOM, clock or I/O in here.
 */
import type { ComparisonOp, CountOp, CriterionNode } from '../schema/criteria.ts';
import type { PatientFacts } from '../facts/schema.ts';
import { applyImplications, impliedFacts, type ImpliedFact } from '../facts/implications.ts';
import { describeMissing } from './missing.ts';
import { explain, factsIn } from './findings.ts';
import { lcdLabel, stateJurisdiction } from './jurisdiction.ts';
import {
  outcomeLabel,
  type AdvisoryResult,
  type EvaluablePolicy,
  type Evaluation,
  type FactUse,
  type LcdCandidate,
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
  root: Record_ = record,
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
          root,
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
    case 'match': {
      // Items of the searched list with the same `on` value as this item; an item whose `on`
      // is undocumented might match, so it leaves the answer open unless another one matches.
      const key = record[node.on];
      const list = root[node.fact];
      facts = [
        { path: prefix + node.on, value: key },
        { path: node.fact, value: list },
      ];
      if (key === undefined || !Array.isArray(list)) {
        status = 'undocumented';
        break;
      }
      let met = false;
      let open = false;
      const matched: TraceNode[] = [];
      for (let i = 0; i < list.length; i++) {
        const item = (list[i] ?? {}) as Record_;
        const other = item[node.on];
        if (other === undefined) open = true;
        if (other !== key) continue;
        if (!node.where) {
          met = true;
          continue;
        }
        const child = evaluateNode(node.where, item, negated, `${node.fact}[${i}].`, root);
        child.item = i;
        matched.push(child);
        if (child.status === 'met') met = true;
        else if (child.status === 'undocumented') open = true;
      }
      children = matched;
      status = met ? 'met' : open ? 'undocumented' : 'failed';
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
        const child = evaluateNode(node.children[i]!, record, negated, prefix, root);
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
      const child = evaluateNode(node.child, record, !negated, prefix, root);
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

/** Facts with their implied values, per facts object (evaluateAll passes one object to every line). */
const prepared = new WeakMap<object, { facts: PatientFacts; implied: ImpliedFact[] }>();

function withImplications(facts: PatientFacts): { facts: PatientFacts; implied: ImpliedFact[] } {
  let entry = prepared.get(facts);
  if (!entry) {
    const implied = impliedFacts(facts);
    entry = { facts: implied.length ? applyImplications(facts) : facts, implied };
    prepared.set(facts, entry);
  }
  return entry;
}

/**
 * Evaluates one policy line for one patient. Values that follow from documented facts (see
 * src/lib/facts/implications.ts) are filled in first and listed in the result's `implied`.
 */
export function evaluatePolicy(
  policy: EvaluablePolicy,
  facts: PatientFacts,
  options: EvaluateOptions = {},
): Evaluation {
  const memo = options.memo?.results.get(policy.id);
  if (memo) return memo;
  const { facts: full, implied } = withImplications(facts);
  return evaluateResolved(policy, full, { ...options, implied });
}

type LineOptions = EvaluateOptions & { implied: ImpliedFact[] };

/** evaluateLine with the per-patient memo of results by line id. */
function evaluateResolved(
  policy: EvaluablePolicy,
  facts: PatientFacts,
  options: LineOptions,
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
  options: LineOptions,
): Evaluation {
  const common = {
    policy: policy.id,
    citation: policy.citation,
    caveats: [...policy.caveats],
    implied: options.implied,
  };
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
        advisories: [],
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

/** A line's billing notes and cautions for these facts; none of them touches the outcome. */
function evaluateAdvisories(policy: EvaluablePolicy, facts: PatientFacts): AdvisoryResult[] {
  return policy.advisories.map((a) => {
    const trace = evaluateNode(a.condition, facts);
    return {
      id: a.id,
      role: a.role,
      concept: a.concept,
      label: a.label,
      message: a.message,
      citation: a.citation,
      supportingCitations: a.supportingCitations ?? [],
      note: a.note,
      status:
        trace.status === 'met' ? 'clear' : trace.status === 'failed' ? 'applies' : 'undocumented',
      facts: factsIn(trace),
    };
  });
}

/** Evaluates a line's own criteria (and non-public criteria, if any). */
function evaluateCriteria(
  policy: EvaluablePolicy,
  facts: PatientFacts,
  options: LineOptions,
): Evaluation {
  const common = {
    policy: policy.id,
    citation: policy.citation,
    caveats: [...policy.caveats, ...(policy.criteria ? policy.criteriaCaveats : [])],
    implied: options.implied,
    advisories: evaluateAdvisories(policy, facts),
  };
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
  const failed = trace.status === 'failed' ? explain(trace, 'failed', options.implied) : [];
  const undocumented =
    trace.status === 'undocumented' ? explain(trace, 'undocumented', options.implied) : [];
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
    summary = `Every criterion the editors could read is met, but part of ${policy.owner.kind === 'payer-line' ? 'this policy’s' : 'these'} criteria is not available, so it cannot be shown to be met.`;
  } else {
    outcome = 'meets';
    summary = 'Every criterion is documented as met and no exclusion is present.';
  }
  return { ...common, outcome, summary, failed, undocumented, missing, trace };
}

/**
 * Evaluates a Medicare-following line: the LCD that applies in the state of care, else the
 * line's own criteria. Where it is not known whether an LCD covers the state, both readings are
 * evaluated and an answer is given only where they agree.
 */
function evaluateThroughLcd(
  policy: EvaluablePolicy,
  facts: PatientFacts,
  options: LineOptions,
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
  const viaLcd = (candidate: LcdCandidate): Evaluation => {
    const applied = evaluateResolved(lookup(candidate.id), facts, options);
    return {
      ...applied,
      policy: policy.id,
      appliedPolicy: candidate.id,
      citation: policy.citation,
      summary: `Applies ${lookup(candidate.id).policyName}: ${applied.summary}`,
      caveats: [...policy.caveats, ...applied.caveats],
    };
  };
  if (lcd.choose === 'named') return viaLcd(lcd.candidates[0]!);

  const own = () => evaluateCriteria(policy, facts, options);
  const state = facts.state;
  if (state !== undefined) {
    const where = stateJurisdiction(state, lcd.candidates);
    if (where.lcd) {
      const result = viaLcd(where.lcd);
      if (where.status === 'inferred')
        result.caveats.push(
          `That ${lcdLabel(where.lcd.id)} applies in ${state} is ${where.lcd.verification === 'inference' ? 'the editors’ inference' : 'not verified'}.`,
        );
      return result;
    }
    if (where.status !== 'unknown') {
      const result = own();
      return {
        ...result,
        summary: `No BVNA LCD applies in ${state}${where.status === 'inferred' ? ' (as far as the LCDs’ inferred states show)' : ''}, so the plan’s own criteria apply. ${result.summary}`,
      };
    }
    return twoReadings(policy, state, where.possible.map(viaLcd), own(), where.possible);
  }
  // The state is undocumented: evaluate every reading; if they agree the state does not matter.
  const branches = [...lcd.candidates.map(viaLcd), own()];
  const outcomes = new Set(branches.map((b) => b.outcome));
  const fallback = branches[branches.length - 1]!;
  const branchList = branches.map((b) => ({
    policy: b.appliedPolicy ?? policy.id,
    outcome: b.outcome,
  }));
  const advisories = mergeAdvisories(branches);
  if (outcomes.size === 1)
    return {
      ...fallback,
      advisories,
      branches: branchList,
      summary: `Whichever rules apply where the procedure is done: ${fallback.summary}`,
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
    advisories,
    branches: branchList,
  };
}

/**
 * The state is documented but no state list says whether the LCDs in `possible` apply there:
 * the outcome under each of them and under the plan's own criteria. Where they agree that is the
 * answer; where they do not, the answer is `depends-on-lcd`, with what would settle it.
 */
function twoReadings(
  policy: EvaluablePolicy,
  state: string,
  lcdReadings: Evaluation[],
  ownReading: Evaluation,
  possible: readonly LcdCandidate[],
): Evaluation {
  const branches = [...lcdReadings, ownReading];
  const names = possible.map((c) => lcdLabel(c.id));
  const which = names.length === 1 ? names[0]! : names.join(' or ');
  const branchList = branches.map((b) => ({
    policy: b.appliedPolicy ?? policy.id,
    outcome: b.outcome,
  }));
  const shared = {
    branches: branchList,
    missing: [...new Set(branches.flatMap((b) => b.missing))],
    caveats: [...new Set(branches.flatMap((b) => b.caveats))],
    advisories: mergeAdvisories(branches),
  };
  if (new Set(branches.map((b) => b.outcome)).size === 1)
    return {
      ...ownReading,
      ...shared,
      summary: `Whether ${which} applies in ${state} is not known, but the outcome is the same under ${which} and under the plan’s own criteria. ${ownReading.summary}`,
    };
  const readings = branches
    .map(
      (b) =>
        `under ${b.appliedPolicy ? lcdLabel(b.appliedPolicy) : 'the plan’s own criteria'}, ${outcomeLabel[b.outcome].toLowerCase()}`,
    )
    .join('; ');
  return {
    ...ownReading,
    ...shared,
    outcome: 'depends-on-lcd',
    summary: `The answer turns on whether ${which} covers ${state}, which is not known: ${readings}. The criteria shown are the plan’s own.`,
    settle: possible.map(
      (c) =>
        `Find whether ${lcdLabel(c.id)} applies in ${state}: its contractor and states are ${c.contractor ? `given only as ${c.contractor}` : 'not known'}; the Medicare Coverage Database lists them in the LCD’s contractor information.`,
    ),
  };
}

/** Advisories of several readings, each once (the first reading's status wins). */
function mergeAdvisories(branches: readonly Evaluation[]): AdvisoryResult[] {
  const seen = new Set<string>();
  return branches
    .flatMap((b) => b.advisories)
    .filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
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
