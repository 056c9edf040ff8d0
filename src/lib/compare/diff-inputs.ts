/**
 * The lines a pair's diff reads: the two lines, the LCDs they defer to (and those LCDs' own
 * LCDs), and every line of the same policies (a line's short name depends on its siblings, see
 * names.ts). `diffLines(a, b, { all: diffInputs(a, b, all) })` gives the same diff as with every
 * line, so these lines, the baseline patient and the code are all a cached diff depends on.
 */
import type { EvaluablePolicy } from '../engine/types.ts';

export function diffInputs(
  a: EvaluablePolicy,
  b: EvaluablePolicy,
  all: readonly EvaluablePolicy[],
): EvaluablePolicy[] {
  return linesReadBy([a, b], all);
}

/**
 * The lines that pages showing `lines` read, as for a pair: the lines, the LCDs they defer to
 * (and theirs), and every line of their policies, in the order of `all`.
 */
export function linesReadBy(
  lines: readonly EvaluablePolicy[],
  all: readonly EvaluablePolicy[],
): EvaluablePolicy[] {
  const { byId, byPolicy, position } = indexOf(all);
  const reached = new Set<EvaluablePolicy>();
  const visit = (line: EvaluablePolicy) => {
    if (reached.has(line)) return;
    reached.add(line);
    for (const candidate of line.lcd?.candidates ?? []) {
      const lcd = byId.get(candidate.id);
      if (lcd) visit(lcd);
    }
  };
  for (const line of lines) visit(byId.get(line.id) ?? line);
  const read = new Set<EvaluablePolicy>();
  for (const line of reached)
    for (const sibling of byPolicy.get(line.policyId) ?? [line]) read.add(sibling);
  // Keep the order of `all`, so the inputs of a pair are the same list whatever the call order.
  return [...read]
    .filter((l) => position.has(l))
    .sort((x, y) => position.get(x)! - position.get(y)!);
}

/** Lookups over a list of lines, built once per list (a build asks for thousands of pages). */
const indexes = new WeakMap<
  readonly EvaluablePolicy[],
  {
    byId: Map<string, EvaluablePolicy>;
    byPolicy: Map<string, EvaluablePolicy[]>;
    position: Map<EvaluablePolicy, number>;
  }
>();

function indexOf(all: readonly EvaluablePolicy[]) {
  let index = indexes.get(all);
  if (!index) {
    const byPolicy = new Map<string, EvaluablePolicy[]>();
    for (const line of all) {
      const siblings = byPolicy.get(line.policyId);
      if (siblings) siblings.push(line);
      else byPolicy.set(line.policyId, [line]);
    }
    index = {
      byId: new Map(all.map((l) => [l.id, l])),
      byPolicy,
      position: new Map(all.map((l, i) => [l, i])),
    };
    indexes.set(all, index);
  }
  return index;
}
