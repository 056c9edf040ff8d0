/**
 * Which policy lines apply to the member, from the plan facts at the top of the checker: the
 * product line, the state of care (for Original Medicare, which LCD) and the health plan's name
 * when it is one BVN Atlas knows, written as the plan writes it (the form suggests the names).
 * Read from the index of lines (src/lib/checker/split.ts), before any line's criteria load.
 */
import type { PatientFacts } from '../facts/schema.ts';
import { showAllUpTo, type LineEntry } from './split.ts';

export { showAllUpTo };

/** Lower case, letters and digits only: "Mass General Brigham Health Plan" → "massgeneralbrighamhealthplan". */
const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The payer whose name or short name is the health plan as entered, if any. */
export function knownPayer(
  healthPlan: string | undefined,
  lines: readonly LineEntry[],
): LineEntry['payer'] | undefined {
  if (!healthPlan) return undefined;
  const wanted = normalise(healthPlan);
  return lines.find(
    (l) => normalise(l.payer.name) === wanted || normalise(l.payer.shortName) === wanted,
  )?.payer;
}

/**
 * The lines that apply to the member, in the given order, or `undefined` when no plan fact is
 * documented (then every line is alike). A fact not documented narrows nothing: with a product
 * line and no known plan, every payer's lines for that product apply; an Original Medicare
 * member in a state no LCD is known to cover keeps every LCD, as which one applies is not known.
 */
export function memberLines(
  lines: readonly LineEntry[],
  facts: PatientFacts,
): string[] | undefined {
  const payer = knownPayer(facts.healthPlan, lines);
  const product = facts.productLine;
  if (!payer && !product) return undefined;
  const byPayer = (l: LineEntry) => !payer || l.payer.name === payer.name;
  const byProduct = (l: LineEntry) => !product || l.productLines.includes(product);
  let chosen = lines.filter((l) => byPayer(l) && byProduct(l));
  // A known plan with no encoded policy for that product: the product's lines, whoever issues them.
  if (chosen.length === 0) chosen = lines.filter(byProduct);
  const state = facts.state;
  if (product === 'medicare-ffs' && state) {
    // The states each LCD applies in, from the lines that choose one by state.
    const covers = new Set(
      lines.flatMap((l) => (l.lcd ?? []).filter((c) => c.states.includes(state)).map((c) => c.id)),
    );
    const covering = chosen.filter((l) => covers.has(l.id));
    if (covering.length > 0) chosen = covering;
  }
  return chosen.map((l) => l.id);
}

/** What the checker renders for the plan facts entered. */
export interface ResultPlan {
  /** Lines shown in the results, in catalogue order. */
  main: string[];
  /** Lines shown folded under "Other plans" (a small catalogue only). */
  other: string[];
  /** The member's lines; undefined when no plan fact is documented. */
  member?: string[];
  /** Lines neither shown nor folded: counted in the summary, never silently left out. */
  notShown: number;
}

/**
 * Which cards to render. Up to `limit` lines in the catalogue: every line, the member's in the
 * main list and the rest folded. Above it: the member's lines when there are at most `limit`,
 * else none until the plan facts narrow them (the summary says how many apply and how to narrow).
 */
export function resultPlan(
  lines: readonly LineEntry[],
  facts: PatientFacts,
  limit = showAllUpTo,
): ResultPlan {
  const member = memberLines(lines, facts);
  const ids = lines.map((l) => l.id);
  if (ids.length <= limit)
    return {
      main: member ?? ids,
      other: member ? ids.filter((id) => !member.includes(id)) : [],
      member,
      notShown: 0,
    };
  const main = member && member.length <= limit ? member : [];
  return { main, other: [], member, notShown: ids.length - main.length };
}
