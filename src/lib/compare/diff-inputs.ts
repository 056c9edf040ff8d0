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
  const byId = new Map(all.map((l) => [l.id, l]));
  const reached = new Map<string, EvaluablePolicy>();
  const visit = (line: EvaluablePolicy) => {
    if (reached.has(line.id)) return;
    reached.set(line.id, line);
    for (const candidate of line.lcd?.candidates ?? []) {
      const lcd = byId.get(candidate.id);
      if (lcd) visit(lcd);
    }
  };
  for (const line of lines) visit(line);
  const policies = new Set([...reached.values()].map((l) => l.policyId));
  // Keep the order of `all`, so the inputs of a pair are the same list whatever the call order.
  return all.filter((l) => reached.has(l.id) || policies.has(l.policyId));
}
