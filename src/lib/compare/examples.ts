/**
 * Who is affected by a difference: concrete example patients generated from the two rules, not
 * written by hand. The test points of the two rules are searched for a patient one rule lets
 * through and the other does not, next to a patient both treat alike (the threshold itself and
 * just across it); each example is the baseline patient with those facts changed, evaluated by
 * the engine under both lines. Every example is a possible patient: facts that contradict each
 * other (src/lib/facts/implications.ts) are never combined, and no list holds the same item twice.
 */
import { evaluatePolicy } from '../engine/evaluate.ts';
import { compileLines, nodeStatus } from '../engine/compiled.ts';
import { evidenceOutcomeLabel } from '../format/evidence.ts';
import { itemFields, facts as catalogue, type ItemKind } from '../facts/catalog.ts';
import {
  applyImplications,
  contradictions,
  implicationContradictions,
  implicationFacts,
  impliedFacts,
} from '../facts/implications.ts';
import { fieldDomain } from './domain.ts';
import {
  outcomeLabel,
  type EvaluablePolicy,
  type Evaluation,
  type Outcome,
  type Status,
} from '../engine/types.ts';
import type { PatientFacts } from '../facts/schema.ts';
import type { CriterionNode } from '../schema/criteria.ts';
import {
  isActive,
  pointFacts,
  pointSpace,
  signature,
  type Coordinate,
  type ListShape,
  type PointSpace,
} from './points.ts';
import { completeFacts, decidingTrees, describeFacts, valueWords } from './patients.ts';
import { ruleKey } from './rules.ts';

/** The engine's answer for one line, trimmed for display. */
export interface ExampleOutcome {
  line: string;
  outcome: Outcome;
  label: string;
  /** Why, in short: the failed or undocumented criteria (with their anchors), or the engine's summary. */
  reasons: { text: string; href?: string }[];
  /** Outcome under each LCD or fallback, when the state of care decides. */
  branches?: { line: string; outcome: Outcome; label: string }[];
}

export interface ExamplePatient {
  /** What differs from the baseline, in words. */
  changes: string;
  facts: PatientFacts;
  a: ExampleOutcome;
  b: ExampleOutcome;
  /** The two lines' rules for the concept treat this patient differently. */
  differs: boolean;
}

export interface Witness {
  /** What is varied, e.g. "slip" or "age". */
  varied: string;
  /** Which line's rule rules the witness out. */
  rulesOut: 'a' | 'b';
  /** Whether the two rules disagree on pass/fail (true) or only on what must be documented (false). */
  decisive: boolean;
  /** One sentence: "Cohere MA v3 rules out …; MGB … does not (…)". */
  sentence: string;
  /** The examples, in order of the varied value; `witness` indexes the one that shows the difference best. */
  patients: ExamplePatient[];
  witness: number;
}

/** How many witnesses (facts varied) to show per concept. */
const MAX_WITNESSES = 2;

interface Context {
  byId: ReadonlyMap<string, EvaluablePolicy>;
  names: ReadonlyMap<string, string>;
}

/** The outcome of one line for one patient, with short reasons linked to the criteria. */
export function exampleOutcome(
  line: EvaluablePolicy,
  facts: PatientFacts,
  ctx: Context,
): ExampleOutcome {
  const evaluation = evaluatePolicy(line, facts, { policies: ctx.byId });
  return {
    line: line.id,
    outcome: evaluation.outcome,
    label:
      line.owner.kind === 'payer-line'
        ? outcomeLabel[evaluation.outcome]
        : evidenceOutcomeLabel(evaluation.outcome),
    reasons: reasonsOf(evaluation, line, ctx),
    branches: evaluation.branches?.map((b) => ({
      ...b,
      line: b.policy,
      label: outcomeLabel[b.outcome],
    })),
  };
}

function reasonsOf(
  evaluation: Evaluation,
  line: EvaluablePolicy,
  ctx: Context,
): ExampleOutcome['reasons'] {
  const treeLine = ctx.byId.get(evaluation.appliedPolicy ?? line.id) ?? line;
  const href = (nodeId: string) =>
    `${treeLine.owner.kind === 'payer-line' ? '/policies/' : '/eligibility/'}${treeLine.policyId}/#${treeLine.id.split('@')[0]}--${nodeId}`;
  if (evaluation.outcome === 'fails') {
    // A rule the policy states twice fails twice; name it once.
    const seen = new Set<string>();
    return evaluation.failed
      .filter((f) => !seen.has(f.label) && seen.add(f.label))
      .slice(0, 3)
      .map((f) => ({ text: f.label, href: href(f.nodeId) }));
  }
  if (evaluation.outcome === 'needs-documentation' && evaluation.missing.length)
    return evaluation.missing.slice(0, 3).map((text) => ({ text }));
  return [{ text: evaluation.summary }];
}

/**
 * Statuses of a rule over a space; a line without the rule lets everyone through. With
 * `implied`, a point whose facts imply others (a predominant radicular pattern implies radicular
 * pain) is judged with them, as the engine judges a patient.
 */
function statuses(
  space: PointSpace,
  tree: CriterionNode | undefined,
  implied?: readonly (Record<string, unknown> | undefined)[],
): readonly Status[] {
  const base = tree
    ? signature(space, tree, ruleKey(tree))
    : space.points.map(() => 'met' as const);
  if (!tree || !implied) return base;
  return base.map((status, i) => (implied[i] ? nodeStatus(tree, implied[i]) : status));
}

/** Zeroes item fields that the point's list shapes do not use, so that equal patients have equal points. */
function normalise(coordinates: readonly Coordinate[], point: number[]): number[] {
  return point.map((v, i) => (isActive(coordinates, point, i) ? v : 0));
}

interface Candidate {
  point: readonly number[];
  neighbour: readonly number[];
  coordinate: number;
  score: number[];
}

/**
 * Witnesses of a difference between rule A and rule B of one concept (either may be absent:
 * that line does not apply the concept), as example patients evaluated under the full lines.
 */
export function affectedPatients(
  a: EvaluablePolicy,
  b: EvaluablePolicy,
  concept: string,
  ruleA: CriterionNode | undefined,
  ruleB: CriterionNode | undefined,
  baseline: PatientFacts,
  ctx: Context,
): Witness[] {
  const trees = [ruleA, ruleB].filter((t): t is CriterionNode => t !== undefined);
  const space = pointSpace(trees);
  const { coordinates, points } = space;
  // Points whose facts contradict each other are not patients.
  const implicated = coordinates.some((c) => implicationFacts.has(c.fact));
  const possible = points.map(() => true);
  // Each point's facts with their implied values, where they imply any.
  let implied: (Record<string, unknown> | undefined)[] | undefined;
  if (implicated)
    implied = points.map((p, i) => {
      const facts = pointFacts(space, p);
      possible[i] = implicationContradictions(facts).length === 0;
      return impliedFacts(facts).length ? applyImplications(facts) : undefined;
    });
  const sa = statuses(space, ruleA, implied);
  const sb = statuses(space, ruleB, implied);
  const index = new Map(points.map((p, i) => [p.join(','), i]));
  const decisive = (i: number) =>
    possible[i]! &&
    ((sa[i] === 'met' && sb[i] === 'failed') || (sa[i] === 'failed' && sb[i] === 'met'));
  const anyDifference = (i: number) => possible[i]! && sa[i] !== sb[i];
  // Prefer pass/fail differences; fall back to documentation differences (e.g. a T-score one rule needs).
  const test = points.some((_, i) => decisive(i)) ? decisive : anyDifference;
  const exclusionSide = (i: number) =>
    sa[i] === 'failed' || (sa[i] === 'undocumented' && sb[i] === 'met') ? 'a' : 'b';

  const undocumentedIn = (point: readonly number[]) =>
    coordinates.filter((_, k) => isActive(coordinates, point, k) && point[k] === 0).length;
  const distance = (point: readonly number[]) => distanceFromBaseline(coordinates, point, baseline);
  // Witnesses are ranked by how little they change the baseline, then by how fully they are
  // documented; only the best of those are searched for neighbours.
  const primary = (p: readonly number[]) => distance(p) * 1000 + undocumentedIn(p);
  let best = Infinity;
  points.forEach((p, i) => {
    if (test(i)) best = Math.min(best, primary(p));
  });
  const candidates: Candidate[] = [];
  points.forEach((point, i) => {
    if (!test(i)) return;
    if (primary(point) > best) return;
    const undocumented = undocumentedIn(point);
    const constants = coordinates.filter(
      (c, k) => isActive(coordinates, point, k) && c.constants.has(point[k]!),
    ).length;
    const bulk = coordinates.reduce((n, c, k) => {
      const shape = c.kind === 'shape' ? (c.values[point[k]!] as ListShape) : undefined;
      return n + (shape?.kind === 'two' ? 2 : shape?.kind === 'copies' && shape.n > 1 ? 1 : 0);
    }, 0);
    coordinates.forEach((c, k) => {
      if (!isActive(coordinates, point, k)) return;
      for (let v = 0; v < c.values.length; v++) {
        if (v === point[k]) continue;
        const moved = point.slice();
        moved[k] = v;
        const j = index.get(normalise(coordinates, moved).join(','));
        if (j === undefined || sa[j] !== sb[j] || !possible[j]) continue;
        // A neighbour both rules rule out (or both let through) shows the threshold from the side that matters.
        const agreeDocumented = sa[j] === 'undocumented' ? 1 : 0;
        candidates.push({
          point,
          neighbour: points[j]!,
          coordinate: k,
          score: [undocumented, bulk, -constants, agreeDocumented, v === 0 ? 1 : 0, i],
        });
        break;
      }
    });
  });
  const better = (x: Candidate, y: Candidate) => {
    for (let s = 0; s < x.score.length; s++)
      if (x.score[s] !== y.score[s]) return x.score[s]! - y.score[s]!;
    return 0;
  };
  // For each witness, the most telling fact to vary: a number (its series shows the threshold),
  // then an item field, then a fact, and last the list itself.
  const telling = (k: number) => {
    const c = coordinates[k]!;
    const numeric = c.domain?.type === 'integer' || c.domain?.type === 'number';
    return numeric ? 0 : c.kind === 'field' ? 1 : c.kind === 'scalar' ? 2 : 3;
  };
  const perPoint = new Map<readonly number[], Candidate>();
  for (const c of candidates) {
    const held = perPoint.get(c.point);
    if (
      !held ||
      telling(c.coordinate) < telling(held.coordinate) ||
      (telling(c.coordinate) === telling(held.coordinate) && better(c, held) < 0)
    )
      perPoint.set(c.point, c);
  }
  const ranked = [...perPoint.values()].sort(
    (x, y) => better(x, y) || telling(x.coordinate) - telling(y.coordinate),
  );
  const linesTrees = [...decidingTrees(a, ctx.byId), ...decidingTrees(b, ctx.byId)];
  const frozen = new Set(
    coordinates
      .filter((c) => c.kind !== 'shape')
      .map((c) => (c.kind === 'field' ? `${c.fact}[].${c.field}` : c.fact)),
  );
  /** The example patient of a point, or undefined when no possible patient has its facts. */
  const patient = (point: readonly number[]): ExamplePatient | undefined => {
    const patch = pointFacts(space, point, { keepUndocumented: true });
    const i = index.get(point.join(','))!;
    const merged: Record<string, unknown> = { ...baseline, ...patch };
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete merged[key];
    // A baseline fact that the point's facts contradict gives way (the engine then implies it).
    for (const conflict of implicationContradictions(merged))
      for (const path of conflict.paths) if (!(path in patch)) delete merged[path];
    const completed = completeFacts(merged, linesTrees, {
      except: concept,
      frozen,
    });
    const full = applyImplications(completed.facts);
    let shownA = exampleOutcome(a, full, ctx);
    let shownB = exampleOutcome(b, full, ctx);
    const expected = [shownA.outcome, shownB.outcome].join();
    const compiled = compileLines(ctx.byId);
    const outcomes = (f: PatientFacts) =>
      [compiled.outcome(a.id, f), compiled.outcome(b.id, f)].join();
    const facts = distinctItems(full, (f) => outcomes(f) === expected);
    if (!facts || contradictions(facts).length > 0) return undefined;
    if (facts !== full) {
      shownA = exampleOutcome(a, facts, ctx);
      shownB = exampleOutcome(b, facts, ctx);
    }
    // Described from the final facts, so list items show the details filled in for them.
    const after = facts as Record<string, unknown>;
    const before = baseline as Record<string, unknown>;
    const shown = [...Object.keys(patch), ...impliedFacts(completed.facts).map((f) => f.fact)];
    const changed = Object.fromEntries(
      [...new Set(shown)]
        .filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]))
        .map((k) => [k, after[k]]),
    );
    return {
      changes: describeFacts(changed) || 'as the baseline',
      facts,
      a: shownA,
      b: shownB,
      differs: sa[i] !== sb[i],
    };
  };

  const witnessOf = (candidate: Candidate): Witness | undefined => {
    const k = candidate.coordinate;
    const c = coordinates[k]!;
    const built = seriesFor(coordinates, candidate, index).map((point) => ({
      point,
      example: patient(point),
    }));
    const series = built.filter((s) => s.example !== undefined);
    const witness = series.findIndex((s) => s.point === candidate.point);
    if (witness < 0) return undefined;
    const patients = series.map((s) => s.example!);
    const i = index.get(candidate.point.join(','))!;
    const side = exclusionSide(i);
    const [out, other] = side === 'a' ? [a, b] : [b, a];
    const otherOutcome = patients[witness]![side === 'a' ? 'b' : 'a'];
    const changes = patients[witness]!.changes;
    const verb = test === decisive ? 'rules out' : 'needs more documented for';
    const fallback = (line: EvaluablePolicy) =>
      line.lcd?.choose === 'by-state' ? ' (where no LCD applies)' : '';
    return {
      varied:
        c.kind === 'shape'
          ? `number of ${c.domain?.label.toLowerCase() ?? c.fact}`
          : valueWords(c.domain?.label ?? c.key, true),
      rulesOut: side,
      decisive: test === decisive,
      sentence: `${ctx.names.get(out.id)}${fallback(out)} ${verb} a patient with ${changes}; ${ctx.names.get(other.id)}${fallback(other)} does not (outcome: ${otherOutcome.label.toLowerCase()}).`,
      patients,
      witness,
    };
  };

  // The best witness in each direction first, then others that vary another fact; a candidate
  // with no possible patient (e.g. five distinct bodies all within L3–S1) is passed over.
  const chosen: Witness[] = [];
  const used: Candidate[] = [];
  const sideOf = (c: Candidate) => exclusionSide(index.get(c.point.join(','))!);
  const take = (c: Candidate) => {
    const w = witnessOf(c);
    if (w) {
      chosen.push(w);
      used.push(c);
    }
    return w !== undefined;
  };
  for (const side of ['a', 'b'] as const)
    for (const c of ranked) if (sideOf(c) === side && take(c)) break;
  for (const c of ranked) {
    if (chosen.length >= MAX_WITNESSES) break;
    // Further witnesses must vary another fact, and use several list items only to show a count.
    const several = c.score[1]! > 0 && telling(c.coordinate) !== 3;
    if (
      !several &&
      !used.includes(c) &&
      !used.some((x) => coordinates[x.coordinate]!.key === coordinates[c.coordinate]!.key)
    )
      take(c);
  }
  return chosen;
}

/** Other values a list item's field could take, nearest first: enum values, the other boolean, nearby numbers. */
function alternatives(fact: string, field: string, current: unknown): unknown[] {
  const domain = fieldDomain(fact, field);
  if (!domain) return [];
  if (domain.type === 'boolean') return [!current];
  if (domain.type === 'enum' && domain.values) {
    const at = domain.values.indexOf(current as string | number);
    return [...domain.values]
      .filter((v) => v !== current)
      .sort(
        (x, y) =>
          Math.abs(domain.values!.indexOf(x) - at) - Math.abs(domain.values!.indexOf(y) - at),
      );
  }
  if ((domain.type === 'number' || domain.type === 'integer') && typeof current === 'number') {
    const steps = domain.type === 'integer' ? [1, -1, 2, -2] : [0.1, -0.1, 1, -1];
    return steps
      .map((d) => Math.round((current + d) * 1e6) / 1e6)
      .filter(
        (v) =>
          (domain.minimum === undefined || v >= domain.minimum) &&
          (domain.maximum === undefined || v <= domain.maximum),
      );
  }
  return [];
}

/**
 * The facts with every repeated list item made distinct (and no vertebral body planned twice),
 * changing one field of a repeat to a nearby value, kept only if `keeps` still holds (both lines'
 * outcomes unchanged). Undefined when some repeat cannot be made distinct that way.
 */
function distinctItems(
  facts: PatientFacts,
  keeps: (facts: PatientFacts) => boolean,
): PatientFacts | undefined {
  let current = facts as Record<string, unknown>;
  // The common case: no list holds an item twice and no body is planned twice.
  const lists = Object.values(current).filter(Array.isArray);
  if (
    lists.every((l) => new Set(l.map((x) => JSON.stringify(x))).size === l.length) &&
    contradictions(current).length === 0
  )
    return facts;
  const repeated = (f: Record<string, unknown>, fact: string, i: number) => {
    const list = f[fact] as Record<string, unknown>[];
    const key = JSON.stringify(list[i]);
    return (
      list.slice(0, i).some((x) => JSON.stringify(x) === key) ||
      contradictions(f).some((c) => c.paths[1].startsWith(`${fact}[${i}].`))
    );
  };
  for (const [fact, value] of Object.entries(current)) {
    const kind = (catalogue as Record<string, { item?: ItemKind }>)[fact]?.item;
    if (!Array.isArray(value) || !kind) continue;
    for (let i = 1; i < value.length; i++) {
      if (!repeated(current, fact, i)) continue;
      const item = (current[fact] as Record<string, unknown>[])[i]!;
      let fixed: Record<string, unknown> | undefined;
      for (const field of Object.keys(itemFields[kind])) {
        if (item[field] === undefined) continue;
        for (const v of alternatives(fact, field, item[field])) {
          const list = [...(current[fact] as Record<string, unknown>[])];
          list[i] = { ...item, [field]: v };
          const next = { ...current, [fact]: list };
          if (!repeated(next, fact, i) && keeps(next)) {
            fixed = next;
            break;
          }
        }
        if (fixed) break;
      }
      if (!fixed) return undefined;
      current = fixed;
    }
  }
  return current;
}

/** The examples for a witness: every candidate value of a numeric fact (or list length), else the agreeing neighbour and the witness. */
function seriesFor(
  coordinates: readonly Coordinate[],
  candidate: Candidate,
  index: ReadonlyMap<string, number>,
): (readonly number[])[] {
  const k = candidate.coordinate;
  const c = coordinates[k]!;
  const numeric = c.domain?.type === 'integer' || c.domain?.type === 'number';
  const lengths =
    c.kind === 'shape' && (c.values as ListShape[]).filter((s) => s.kind === 'copies').length > 1;
  if (!numeric && !lengths) {
    const neighbourFirst = candidate.neighbour[k]! < candidate.point[k]!;
    return neighbourFirst
      ? [candidate.neighbour, candidate.point]
      : [candidate.point, candidate.neighbour];
  }
  const out: (readonly number[])[] = [];
  for (let v = 1; v < c.values.length; v++) {
    if (lengths && (c.values[v] as ListShape).kind !== 'copies') continue;
    if (v === candidate.point[k]) {
      out.push(candidate.point);
      continue;
    }
    const moved = candidate.point.slice();
    moved[k] = v;
    const normal = normalise(coordinates, moved);
    if (index.has(normal.join(','))) out.push(normal);
  }
  return out;
}

/** How many of a point's facts differ from the baseline; a list counts once, when its length or any of its items' fields differ. */
function distanceFromBaseline(
  coordinates: readonly Coordinate[],
  point: readonly number[],
  baseline: PatientFacts,
): number {
  const facts = baseline as Record<string, unknown>;
  const changed = new Set<string>();
  coordinates.forEach((c, k) => {
    if (!isActive(coordinates, point, k)) return;
    const value = c.values[point[k]!];
    if (c.kind === 'scalar') {
      if (value !== facts[c.fact]) changed.add(c.fact);
    } else if (c.kind === 'shape') {
      const list = facts[c.fact] as unknown[] | undefined;
      const shape = value as ListShape;
      const same =
        list === undefined
          ? shape.kind === 'undocumented'
          : shape.kind === 'empty'
            ? list.length === 0
            : shape.kind === 'copies'
              ? list.length === shape.n
              : shape.kind === 'two' && list.length === 2;
      if (!same) changed.add(c.fact);
    } else {
      const item = (facts[c.fact] as Record<string, unknown>[] | undefined)?.[c.slot ?? 0];
      if (!item || item[c.field!] !== value) changed.add(c.fact);
    }
  });
  return changed.size;
}
