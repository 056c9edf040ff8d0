/**
 * The engine compiled to closures, for bulk work: the status of a criteria tree, or the outcome of
 * a policy line, and nothing else (no trace, no findings, no summary). It is generated from the
 * same criteria trees and compiled lines the interpreter (evaluate.ts) reads, with the same
 * three-valued semantics, and a property test holds it to the interpreter's answers. The
 * comparison pages use it for their test points (up to 100,000 per rule) and example patients;
 * a person reading one result gets the interpreter's, with its trace and reasons.
 *
 * Closures only: no `eval` or `new Function`, which the site's Content-Security-Policy forbids
 * and which could not run in the browser checker.
 */
import type { ComparisonOp, CountOp, CriterionNode } from '../schema/criteria.ts';
import type { PatientFacts } from '../facts/schema.ts';
import { withImplications } from '../facts/implications.ts';
import { stateJurisdiction } from './jurisdiction.ts';
import type { EvaluablePolicy, Outcome, Status, StateJurisdiction } from './types.ts';
import { unreachable } from '../unreachable.ts';

type Record_ = Readonly<Record<string, unknown>>;

/** A status as a small number, so the closures compare integers: failed 0, met 1, undocumented 2. */
export type StatusCode = 0 | 1 | 2;
const FAILED = 0;
const MET = 1;
const OPEN = 2;

/** The status codes' names, indexed by code. */
export const statusOfCode: readonly Status[] = ['failed', 'met', 'undocumented'];

/** A compiled tree: the status of its root for one fact record (`root` is the patient, for `match`). */
export type CompiledNode = (record: Record_, root: Record_) => StatusCode;

/** Each tree compiled once (a list item's subtree is compiled with its list node). */
const compiled = new WeakMap<CriterionNode, CompiledNode>();

/** A criteria tree compiled: its status for a fact record, as `evaluateNode(node, record).status`. */
export function compileNode(node: CriterionNode): CompiledNode {
  let fn = compiled.get(node);
  if (!fn) compiled.set(node, (fn = build(node)));
  return fn;
}

/** The status of a criteria tree for a fact record, as evaluateNode(node, record).status gives it. */
export function nodeStatus(node: CriterionNode, record: Record_): Status {
  return statusOfCode[compileNode(node)(record, record)]!;
}

function build(node: CriterionNode): CompiledNode {
  switch (node.kind) {
    case 'compare':
      return compare(node.fact, node.op, node.value);
    case 'count': {
      const { fact } = node;
      const test = ordering(node.op, node.value);
      return (r) => {
        const list = r[fact];
        return Array.isArray(list) ? (test(list.length) ? MET : FAILED) : OPEN;
      };
    }
    case 'some':
    case 'every': {
      const { fact } = node;
      const where = compileNode(node.where);
      const some = node.kind === 'some';
      return (r, root) => {
        const list = r[fact];
        if (!Array.isArray(list)) return OPEN;
        let open = false;
        for (let i = 0; i < list.length; i++) {
          const s = where(list[i] as Record_, root);
          // Some: one met item decides; every: one failed item decides.
          if (s === (some ? MET : FAILED)) return s;
          if (s === OPEN) open = true;
        }
        return open ? OPEN : some ? FAILED : MET;
      };
    }
    case 'match': {
      const { fact, on } = node;
      const where = node.where ? compileNode(node.where) : undefined;
      return (r, root) => {
        const key = r[on];
        const list = root[fact];
        if (key === undefined || !Array.isArray(list)) return OPEN;
        let open = false;
        for (let i = 0; i < list.length; i++) {
          const item = (list[i] ?? {}) as Record_;
          const other = item[on];
          if (other === undefined) open = true;
          if (other !== key) continue;
          if (!where) return MET;
          const s = where(item, root);
          if (s === MET) return MET;
          if (s === OPEN) open = true;
        }
        return open ? OPEN : FAILED;
      };
    }
    case 'all':
    case 'any': {
      const children = node.children.map(compileNode);
      const n = children.length;
      // All: a failed child decides; any: a met child decides. Otherwise an open child leaves it open.
      const decides = node.kind === 'all' ? FAILED : MET;
      const otherwise = node.kind === 'all' ? MET : FAILED;
      return (r, root) => {
        let open = false;
        for (let i = 0; i < n; i++) {
          const s = children[i]!(r, root);
          if (s === decides) return s;
          if (s === OPEN) open = true;
        }
        return open ? OPEN : otherwise;
      };
    }
    case 'at-least': {
      const children = node.children.map(compileNode);
      const { min } = node;
      const n = children.length;
      return (r, root) => {
        let met = 0;
        let failed = 0;
        for (let i = 0; i < n; i++) {
          const s = children[i]!(r, root);
          if (s === MET) {
            if (++met >= min) return MET;
          } else if (s === FAILED && n - ++failed < min) return FAILED;
        }
        return OPEN;
      };
    }
    case 'not': {
      const child = compileNode(node.child);
      return (r, root) => {
        const s = child(r, root);
        return s === OPEN ? OPEN : s === MET ? FAILED : MET;
      };
    }
    default:
      return unreachable(node, 'criterion node');
  }
}

function compare(fact: string, op: ComparisonOp, expected: unknown): CompiledNode {
  switch (op) {
    case 'present':
      return (r) => (r[fact] === undefined ? FAILED : MET);
    case 'eq':
      return (r) => {
        const v = r[fact];
        return v === undefined ? OPEN : v === expected ? MET : FAILED;
      };
    case 'in': {
      const allowed = new Set(expected as unknown[]);
      return (r) => {
        const v = r[fact];
        return v === undefined ? OPEN : allowed.has(v) ? MET : FAILED;
      };
    }
    case 'gte':
    case 'gt':
    case 'lte':
    case 'lt': {
      const test = ordering(op, expected as number);
      return (r) => {
        const v = r[fact];
        return v === undefined ? OPEN : typeof v === 'number' && test(v) ? MET : FAILED;
      };
    }
    default:
      return unreachable(op, 'comparison operator');
  }
}

function ordering(op: CountOp, threshold: number): (value: number) => boolean {
  switch (op) {
    case 'gte':
      return (v) => v >= threshold;
    case 'gt':
      return (v) => v > threshold;
    case 'lte':
      return (v) => v <= threshold;
    case 'lt':
      return (v) => v < threshold;
    case 'eq':
      return (v) => v === threshold;
    default:
      return unreachable(op, 'count operator');
  }
}

/** A compiled line: the outcome evaluatePolicy gives for a patient's facts. */
type CompiledLine = (facts: Record_) => Outcome;

/**
 * The outcome of every line, compiled: `outcome(lineId, facts)` equals
 * `evaluatePolicy(line, facts, { policies }).outcome`. Billing notes and cautions are left out:
 * they never decide an outcome.
 */
export function compileLines(policies: ReadonlyMap<string, EvaluablePolicy>): CompiledLines {
  let found = linesByMap.get(policies);
  if (!found) linesByMap.set(policies, (found = compileLinesOf(policies)));
  return found;
}

/** The outcome of any line of one set of policies. */
export interface CompiledLines {
  /** The outcome of line `id` for a patient (implied values are read as the interpreter fills them in). */
  outcome(id: string, facts: PatientFacts): Outcome;
}

/** Compiled once per set of policies: a build compiles each line once, however many pairs it compares. */
const linesByMap = new WeakMap<ReadonlyMap<string, EvaluablePolicy>, CompiledLines>();

function compileLinesOf(policies: ReadonlyMap<string, EvaluablePolicy>): CompiledLines {
  const lines = new Map<string, CompiledLine>();
  const lineFor = (id: string, from: string): CompiledLine => {
    let fn = lines.get(id);
    if (!fn) {
      const policy = policies.get(id);
      if (!policy)
        throw new Error(
          `compileLines: ${from} defers to ${id}, which is not among the policies given`,
        );
      lines.set(id, (fn = compileLine(policy, lineFor)));
    }
    return fn;
  };
  // Implied values are filled in as evaluatePolicy fills them in, once per facts object.
  return { outcome: (id, facts) => lineFor(id, id)(withImplications(facts).facts) };
}

function compileLine(
  policy: EvaluablePolicy,
  lineFor: (id: string, from: string) => CompiledLine,
): CompiledLine {
  switch (policy.position) {
    case 'not-medically-necessary':
    case 'experimental-investigational':
    case 'not-payable':
      return () => 'not-covered';
    case 'covered-with-criteria':
    case 'defers-to-non-public':
      return ownCriteria(policy);
    case 'defers-to-lcd':
      return throughLcd(policy, lineFor);
    default:
      return unreachable(policy.position, 'position');
  }
}

/** As evaluateCriteria: the tree's status, then non-public criteria and partial encodings. */
function ownCriteria(policy: EvaluablePolicy): CompiledLine {
  if (!policy.criteria) return () => 'needs-proprietary-review';
  const tree = compileNode(policy.criteria);
  const whenMet: Outcome =
    policy.nonPublic || policy.completeness === 'partial' ? 'needs-proprietary-review' : 'meets';
  return (facts) => {
    const s = tree(facts, facts);
    return s === FAILED ? 'fails' : s === OPEN ? 'needs-documentation' : whenMet;
  };
}

/** As evaluateThroughLcd: the LCD of the state of care, else the plan's own criteria. */
function throughLcd(
  policy: EvaluablePolicy,
  lineFor: (id: string, from: string) => CompiledLine,
): CompiledLine {
  const lcd = policy.lcd!;
  // Resolved on first use (then kept), as the interpreter looks LCDs up only when it needs them.
  const via = (id: string): CompiledLine => {
    let line: CompiledLine | undefined;
    return (facts) => (line ??= lineFor(id, policy.id))(facts);
  };
  if (lcd.choose === 'named') return via(lcd.candidates[0]!.id);
  const own = ownCriteria(policy);
  const candidates = lcd.candidates.map((c) => via(c.id));
  const byState = new Map<string, StateJurisdiction>();
  return (facts) => {
    const state = facts.state as string | undefined;
    if (state === undefined) {
      // Every reading; they must agree, or the state of care has to be documented.
      const outcome = own(facts);
      for (const candidate of candidates)
        if (candidate(facts) !== outcome) return 'needs-documentation';
      return outcome;
    }
    let where = byState.get(state);
    if (!where) byState.set(state, (where = stateJurisdiction(state, lcd.candidates)));
    if (where.lcd) return lineFor(where.lcd.id, policy.id)(facts);
    if (where.status !== 'unknown') return own(facts);
    const outcome = own(facts);
    for (const candidate of where.possible)
      if (lineFor(candidate.id, policy.id)(facts) !== outcome) return 'depends-on-lcd';
    return outcome;
  };
}
