/**
 * Explaining an outcome: which criteria made a tree fail, or left it undecided. The walk stops
 * at the first node that carries a concept (a rule as the policy states it), so findings read
 * like the policy's own items rather than like the tree's plumbing.
 */
import type { ImpliedFact } from '../facts/implications.ts';
import type { Finding, Status, TraceNode } from './types.ts';
import { unreachable } from '../unreachable.ts';

/**
 * The criteria that explain why `trace` has status `want`. Facts the engine filled in from
 * others (`implied`) are named as such in the reasons.
 */
export function explain(
  trace: TraceNode,
  want: 'failed' | 'undocumented',
  implied: readonly ImpliedFact[] = [],
): Finding[] {
  const found: TraceNode[] = [];
  if (want === 'failed') whyFailed(trace, found);
  else whyUndocumented(trace, found);
  const seen = new Set<string>();
  const origin = new Map(
    implied.map((i) => [i.fact as string, `${i.from.fact} = ${formatValue(i.from.value)}`]),
  );
  return found
    .filter((node) => (seen.has(node.id) ? false : (seen.add(node.id), true)))
    .map((node) => toFinding(node, want, origin));
}

// A match node is one question ("is there a Modic change at this body?"), whatever it matched.
const isReportable = (node: TraceNode) =>
  node.concept !== undefined || node.children.length === 0 || node.kind === 'match';
const withStatus = (nodes: TraceNode[], status: Status) => nodes.filter((n) => n.status === status);

function whyFailed(node: TraceNode, out: TraceNode[]): void {
  if (isReportable(node)) return void out.push(node);
  switch (node.kind) {
    case 'not':
      return whyMet(node.children[0]!, out);
    case 'all':
    case 'every':
    case 'at-least':
      return withStatus(node.children, 'failed').forEach((c) => whyFailed(c, out));
    case 'any':
    case 'some':
    case 'compare':
    case 'count':
    case 'match':
      return node.children.forEach((c) => whyFailed(c, out));
    default:
      return unreachable(node.kind, 'criterion node kind');
  }
}

function whyMet(node: TraceNode, out: TraceNode[]): void {
  if (isReportable(node)) return void out.push(node);
  switch (node.kind) {
    case 'not':
      return whyFailed(node.children[0]!, out);
    case 'any':
    case 'some':
    case 'at-least':
      return withStatus(node.children, 'met').forEach((c) => whyMet(c, out));
    case 'all':
    case 'every':
    case 'compare':
    case 'count':
    case 'match':
      return node.children.forEach((c) => whyMet(c, out));
    default:
      return unreachable(node.kind, 'criterion node kind');
  }
}

function whyUndocumented(node: TraceNode, out: TraceNode[]): void {
  if (isReportable(node)) return void out.push(node);
  withStatus(node.children, 'undocumented').forEach((c) => whyUndocumented(c, out));
}

/** Every fact read in a subtree. */
export function factsIn(node: TraceNode): TraceNode['facts'] {
  return [...node.facts, ...node.children.flatMap(factsIn)];
}

function toFinding(
  node: TraceNode,
  want: 'failed' | 'undocumented',
  origin: ReadonlyMap<string, string>,
): Finding {
  const exclusion = node.negated;
  const facts = factsIn(node);
  const documented = facts.filter((f) => f.value !== undefined);
  const shown = documented
    .map((f) => {
      const from = origin.get(f.path);
      return `${f.path} = ${formatValue(f.value)}${from ? `, implied by ${from}` : ''}`;
    })
    .join(', ');
  let reason: string;
  if (want === 'undocumented')
    reason = exclusion
      ? 'Not documented whether this exclusion applies.'
      : 'Not documented whether this is met.';
  else if (exclusion) reason = `Exclusion documented as present${shown ? ` (${shown})` : ''}.`;
  else reason = `Documented as not met${shown ? ` (${shown})` : ''}.`;
  return {
    nodeId: node.id,
    concept: node.concept,
    label: node.label,
    citation: node.citation,
    exclusion,
    facts: want === 'undocumented' ? gapFacts(node) : facts,
    reason,
  };
}

/**
 * The facts whose documentation would settle an undocumented node: the absent facts of its
 * undocumented parts, plus absent `present` facts of its decided parts, which settle it as an
 * alternative (a recorded T-score of −2.5 or less settles Cohere's osteoporosis rule as well as
 * a recorded diagnosis does). Each path once; a path needed outright is not also an alternative.
 */
function gapFacts(node: TraceNode): TraceNode['facts'] {
  const found: TraceNode['facts'] = [];
  // Below a decided node (a failed branch of an `any`), only its `present` facts can settle the rule.
  const visit = (n: TraceNode, within: boolean) => {
    const open = within && n.status === 'undocumented';
    for (const f of n.facts) if (f.value === undefined && (open || f.presence)) found.push(f);
    for (const child of n.children) visit(child, open);
  };
  visit(node, true);
  const needed = new Set(found.filter((f) => !f.presence).map((f) => f.path));
  const seen = new Set<string>();
  return found
    .filter((f) => !(f.presence && needed.has(f.path)))
    .filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));
}

/** A fact value as a short string: lists as their length, objects as JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undocumented';
  if (Array.isArray(value))
    return value.length === 0 ? 'none' : `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? typeof value;
}

/**
 * The facts that make a met tree met: for each met node, the children that carry it (all of an
 * `all`, the met ones of an `any`), down to the leaves. The checker and packet show these as
 * "the fact that decides it"; every one of them is documented when a tree is met.
 */
export function supportingFacts(trace: TraceNode): TraceNode['facts'] {
  if (trace.status !== 'met') return [];
  const leaves: TraceNode[] = [];
  const collect = (node: TraceNode, want: Status) => {
    if (node.children.length === 0) return void leaves.push(node);
    switch (node.kind) {
      case 'not':
        return collect(node.children[0]!, want === 'met' ? 'failed' : 'met');
      case 'any':
      case 'some':
        return want === 'met'
          ? withStatus(node.children, 'met').forEach((c) => collect(c, 'met'))
          : node.children.forEach((c) => collect(c, 'failed'));
      case 'at-least':
        return withStatus(node.children, want).forEach((c) => collect(c, want));
      case 'all':
      case 'every':
      case 'compare':
      case 'count':
      case 'match':
        // Met through every child; failed through the failing ones.
        return want === 'met'
          ? node.children.forEach((c) => collect(c, 'met'))
          : withStatus(node.children, 'failed').forEach((c) => collect(c, 'failed'));
      default:
        return unreachable(node.kind, 'criterion node kind');
    }
  };
  collect(trace, 'met');
  return leaves.flatMap((leaf) => leaf.facts);
}
