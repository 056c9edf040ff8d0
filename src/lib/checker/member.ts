/**
 * Which policy lines apply to the member, from the plan facts at the top of the checker: the
 * product line, the state of care (for Original Medicare, which LCD) and the health plan's name
 * when it is one BVN Atlas knows, written as the plan writes it (the form suggests the names).
 * Only the order of the results depends on this; every line is still evaluated and shown.
 */
import type { PatientFacts } from '../facts/schema.ts';
import type { EvaluablePolicy } from '../engine/types.ts';
import type { PolicySummary } from './data.ts';

/** Lower case, letters and digits only: "Mass General Brigham Health Plan" → "massgeneralbrighamhealthplan". */
const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The payer whose name or short name is the health plan as entered, if any. */
export function knownPayer(
  healthPlan: string | undefined,
  policies: Readonly<Record<string, PolicySummary>>,
): PolicySummary['payer'] | undefined {
  if (!healthPlan) return undefined;
  const wanted = normalise(healthPlan);
  return Object.values(policies).find(
    (p) => normalise(p.payer.name) === wanted || normalise(p.payer.shortName) === wanted,
  )?.payer;
}

/** The states where each LCD is known or inferred to apply, from the lines that choose one by state. */
function lcdStates(lines: readonly EvaluablePolicy[]): Map<string, Set<string>> {
  const states = new Map<string, Set<string>>();
  for (const line of lines)
    for (const c of line.lcd?.candidates ?? [])
      c.states.forEach((s) => states.set(c.id, (states.get(c.id) ?? new Set()).add(s)));
  return states;
}

/**
 * The lines that apply to the member, in the given order, or `undefined` when no plan fact is
 * documented (then every line is shown alike). An Original Medicare member in a state no LCD is
 * known to cover keeps every LCD: which one applies is not known.
 */
export function memberLines(
  lines: readonly EvaluablePolicy[],
  facts: PatientFacts,
  policies: Readonly<Record<string, PolicySummary>>,
): string[] | undefined {
  const payer = knownPayer(facts.healthPlan, policies);
  const product = facts.productLine;
  if (!payer && !product) return undefined;
  const byPayer = (l: EvaluablePolicy) => !payer || policies[l.policyId]?.payer.name === payer.name;
  const byProduct = (l: EvaluablePolicy) => !product || l.productLines.includes(product);
  let chosen = lines.filter((l) => byPayer(l) && byProduct(l));
  // A known plan with no encoded policy for that product: the product's lines, whoever issues them.
  if (chosen.length === 0) chosen = lines.filter(byProduct);
  const state = facts.state;
  const states = lcdStates(lines);
  if (product === 'medicare-ffs' && state) {
    const covering = chosen.filter((l) => states.get(l.id)?.has(state));
    if (covering.length > 0) chosen = covering;
  }
  return chosen.map((l) => l.id);
}
