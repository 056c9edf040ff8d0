/**
 * The criteria engine: one pure, three-valued evaluator used by every page, the browser checker,
 * the CLI and the tests. A fact is documented true, documented false, or undocumented (absent);
 * an undocumented fact is never read as met nor as failed (Kleene's three-valued logic).
 * No Astro, DOM, clock or I/O in here.
 */
import type { ComparisonOp, CountOp, CriterionNode } from '../schema/criteria.ts';
import type { PatientFacts } from '../facts/schema.ts';
import { withImplications, type ImpliedFact } from '../facts/implications.ts';
import { describeMissing } from './missing.ts';
import { explain, factsIn } from './findings.ts';
import { nodeStatus } from './compiled.ts';
import { lcdLabel, stateJurisdiction } from './jurisdiction.ts';
import {
  outcomeLabel,
  type AdvisoryResult,
  type EvaluablePolicy,
  type Evaluation,
  type FactUse,
  type Finding,
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
        // The line's label is written as the plan writes it ("MassHealth (Mass General Brigham ACO) members").
        summary: `For ${policy.label}, ${policy.policyName} does not pay for BVNA (${positionWords[policy.position]}), whatever the patient’s facts.`,
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
    const status = nodeStatus(a.condition, facts);
    let read: FactUse[] | undefined;
    return {
      id: a.id,
      role: a.role,
      concept: a.concept,
      label: a.label,
      message: a.message,
      citation: a.citation,
      supportingCitations: a.supportingCitations ?? [],
      note: a.note,
      status: status === 'met' ? 'clear' : status === 'failed' ? 'applies' : 'undocumented',
      // The facts its condition read, traced only when someone reads them.
      get facts() {
        read ??= factsIn(evaluateNode(a.condition, facts));
        return read;
      },
    };
  });
}

/** The parts of a result worked out when first read. */
type LazyPart = 'trace' | 'advisories' | 'failed' | 'undocumented' | 'missing' | 'summary';
type LazyParts = { [K in LazyPart]: (result: Evaluation) => Evaluation[K] };

/**
 * A result whose trace, findings, checklist, summary and billing notes are worked out when first
 * read: most results (a comparison's example patients, a bulk run) are read only for their
 * outcome. One object per result, so a bulk run makes little garbage; `toJSON` gives every field.
 */
class LazyEvaluation implements Evaluation {
  policy: string;
  outcome: Outcome;
  citation: Evaluation['citation'];
  caveats: string[];
  implied: ImpliedFact[];
  appliedPolicy?: string;
  branches?: Evaluation['branches'];
  settle?: string[];
  readonly #parts: LazyParts;
  readonly #done: Partial<Pick<Evaluation, LazyPart>> = {};

  constructor(fields: Omit<Evaluation, LazyPart>, parts: LazyParts) {
    this.policy = fields.policy;
    this.outcome = fields.outcome;
    this.citation = fields.citation;
    this.caveats = fields.caveats;
    this.implied = fields.implied;
    if (fields.appliedPolicy !== undefined) this.appliedPolicy = fields.appliedPolicy;
    if (fields.branches !== undefined) this.branches = fields.branches;
    if (fields.settle !== undefined) this.settle = fields.settle;
    this.#parts = parts;
  }
  #read<K extends LazyPart>(part: K): Evaluation[K] {
    if (!(part in this.#done)) this.#done[part] = this.#parts[part](this);
    return this.#done[part]!;
  }
  get trace(): TraceNode | undefined {
    return this.#read('trace');
  }
  get advisories(): AdvisoryResult[] {
    return this.#read('advisories');
  }
  get failed(): Finding[] {
    return this.#read('failed');
  }
  get undocumented(): Finding[] {
    return this.#read('undocumented');
  }
  get missing(): string[] {
    return this.#read('missing');
  }
  get summary(): string {
    return this.#read('summary');
  }
  toJSON(): Evaluation {
    const { trace, advisories, failed, undocumented, missing, summary } = this;
    return { ...this, trace, advisories, failed, undocumented, missing, summary };
  }
}

/**
 * `base` with some fields replaced and the rest kept as they are, lazy ones still lazy (a spread
 * would work every lazy field out). `later` parts are themselves worked out when first read.
 */
function derive(
  base: Evaluation,
  changes: Partial<Omit<Evaluation, LazyPart>> & { summary?: string },
  later: Partial<LazyParts> = {},
): Evaluation {
  const { summary, ...fields } = changes;
  return new LazyEvaluation(
    {
      policy: base.policy,
      outcome: base.outcome,
      citation: base.citation,
      caveats: base.caveats,
      implied: base.implied,
      appliedPolicy: base.appliedPolicy,
      branches: base.branches,
      settle: base.settle,
      ...fields,
    },
    {
      trace: () => base.trace,
      advisories: () => base.advisories,
      failed: () => base.failed,
      undocumented: () => base.undocumented,
      missing: () => base.missing,
      summary: summary === undefined ? () => base.summary : () => summary,
      ...later,
    },
  );
}

/**
 * Evaluates a line's own criteria (and non-public criteria, if any). The outcome comes from the
 * tree's compiled status (compiled.ts, held to the trace's by a property test); the trace of every
 * node, the findings and the summary are worked out when first read.
 */
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
  };
  const criteria = policy.criteria;
  if (!criteria) {
    // Only non-public criteria: nothing public can fail or be missing.
    return {
      ...common,
      advisories: evaluateAdvisories(policy, facts),
      outcome: 'needs-proprietary-review',
      summary: `${policy.policyName} decides by ${policy.nonPublic?.name ?? 'criteria that are not public'}; no public criterion applies.`,
      failed: [],
      undocumented: [],
      missing: [],
    };
  }
  const status = nodeStatus(criteria, facts);
  const memo = options.memo?.traces;
  const trace = () => {
    let found = memo?.get(criteria);
    if (!found) {
      found = evaluateNode(criteria, facts);
      memo?.set(criteria, found);
    }
    return found;
  };
  let outcome: Outcome;
  let summary: (found: { failed: Finding[]; missing: string[] }) => string;
  if (status === 'failed') {
    outcome = 'fails';
    summary = ({ failed }) =>
      `${count(failed.length, 'criterion is', 'criteria are')} documented as not met or excluded.`;
  } else if (status === 'undocumented') {
    outcome = 'needs-documentation';
    // One count per result: the facts to add (several criteria can wait on one fact).
    summary = ({ missing }) =>
      `Nothing documented fails, but ${count(missing.length, 'fact needs', 'facts need')} documenting.`;
  } else if (policy.nonPublic) {
    outcome = 'needs-proprietary-review';
    const name = policy.nonPublic.name;
    summary = () =>
      `Every public criterion is met; the request is then reviewed against ${name}, which is not public.`;
  } else if (policy.completeness === 'partial') {
    outcome = 'needs-proprietary-review';
    const whose = policy.owner.kind === 'payer-line' ? 'this policy’s' : 'these';
    summary = () =>
      `Every criterion the editors could read is met, but part of ${whose} criteria is not available, so it cannot be shown to be met.`;
  } else {
    outcome = 'meets';
    summary = () => 'Every criterion is documented as met and no exclusion is present.';
  }
  return new LazyEvaluation(
    { ...common, outcome },
    {
      trace,
      advisories: () => evaluateAdvisories(policy, facts),
      failed: () => (status === 'failed' ? explain(trace(), 'failed', options.implied) : []),
      undocumented: () =>
        status === 'undocumented' ? explain(trace(), 'undocumented', options.implied) : [],
      missing: (result) => describeMissing(result.undocumented, facts),
      summary,
    },
  );
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
    return derive(
      applied,
      {
        policy: policy.id,
        appliedPolicy: candidate.id,
        citation: policy.citation,
        caveats: [...policy.caveats, ...applied.caveats],
      },
      { summary: () => `Applies ${lookup(candidate.id).policyName}: ${applied.summary}` },
    );
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
      return derive(
        result,
        {},
        {
          summary: () =>
            `No BVNA LCD applies in ${state}${where.status === 'inferred' ? ' (as far as the LCDs’ inferred states show)' : ''}, so the plan’s own criteria apply. ${result.summary}`,
        },
      );
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
  const advisories = () => mergeAdvisories(branches);
  if (outcomes.size === 1)
    return derive(
      fallback,
      { branches: branchList },
      {
        advisories,
        summary: () => `Whichever rules apply where the procedure is done: ${fallback.summary}`,
      },
    );
  return derive(
    fallback,
    {
      outcome: 'needs-documentation',
      summary:
        'The outcome depends on which LCD applies, which depends on the state where the procedure is done.',
      branches: branchList,
    },
    {
      advisories,
      missing: () => {
        const stateMissing = describeMissing([
          {
            nodeId: 'state',
            label: 'State of care',
            exclusion: false,
            facts: [{ path: 'state', value: undefined }],
            reason: '',
          },
        ]);
        return [...new Set([...stateMissing, ...branches.flatMap((b) => b.missing)])];
      },
    },
  );
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
    caveats: [...new Set(branches.flatMap((b) => b.caveats))],
  };
  const missing = () => [...new Set(branches.flatMap((b) => b.missing))];
  const advisories = () => mergeAdvisories(branches);
  if (new Set(branches.map((b) => b.outcome)).size === 1)
    return derive(ownReading, shared, {
      missing,
      advisories,
      summary: () =>
        `Whether ${which} applies in ${state} is not known, but the outcome is the same under ${which} and under the plan’s own criteria. ${ownReading.summary}`,
    });
  const readings = branches
    .map(
      (b) =>
        `under ${b.appliedPolicy ? lcdLabel(b.appliedPolicy) : 'the plan’s own criteria'}, ${outcomeLabel[b.outcome].toLowerCase()}`,
    )
    .join('; ');
  return derive(
    ownReading,
    {
      ...shared,
      outcome: 'depends-on-lcd',
      summary: `The answer turns on whether ${which} covers ${state}, which is not known: ${readings}. The criteria shown are the plan’s own.`,
      settle: possible.map(
        (c) =>
          `Find whether ${lcdLabel(c.id)} applies in ${state}: its contractor and states are ${c.contractor ? `given only as ${c.contractor}` : 'not known'}; the Medicare Coverage Database lists them in the LCD’s contractor information.`,
      ),
    },
    { missing, advisories },
  );
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
