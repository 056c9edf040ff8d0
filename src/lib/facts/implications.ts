/**
 * What one documented fact says about another, declared once for the engine, the validators (CLI,
 * checker, facts files) and the example-patient generator.
 *
 * The decision, in short: the engine *derives* an implied value only for a fact that is
 * undocumented and only when it follows logically from a documented one (a predominant radicular
 * pattern means radicular pain is present); it never overrides a documented value and never
 * guesses. The validators *reject* a documented value that contradicts an implication, naming
 * both fields, because the engine cannot know which of the two the chart got wrong.
 *
 *   factImplications          the declarations
 *   applyImplications(facts)  the facts with implied values filled in (a new object)
 *   impliedFacts(facts)       what was filled in, and from which fact (for explanations)
 *   contradictions(facts)     every documented pair that cannot both be true (including the same
 *                             vertebral body planned twice)
 */
import { facts as catalogue, itemFields, type FactKey } from './catalog.ts';
import type { PatientFacts } from './schema.ts';

/** A condition on one top-level fact: its value is one of `in`, or a number at least `atLeast`. */
export interface FactCondition {
  fact: FactKey;
  in?: readonly (string | number | boolean)[];
  atLeast?: number;
}

/** "When `when` holds, `then.fact` must be one of `then.in`; if it is undocumented, it is `then.value`." */
export interface FactImplication {
  id: string;
  when: FactCondition;
  then: {
    fact: FactKey;
    in: readonly (string | number | boolean)[];
    value: string | number | boolean;
  };
  /** Why it follows, in a clause: "a predominant radicular pattern is radicular pain". */
  because: string;
}

/** The implications between facts. Only what follows from the facts' own definitions in the catalogue. */
export const factImplications: readonly FactImplication[] = [
  {
    id: 'predominant-radicular',
    when: { fact: 'predominantPain', in: ['radicular'] },
    then: { fact: 'radicularPain', in: [true], value: true },
    because: 'radicular pain as the predominant pattern is radicular pain present',
  },
  {
    id: 'predominant-claudication',
    when: { fact: 'predominantPain', in: ['neurogenic-claudication'] },
    then: { fact: 'neurogenicClaudication', in: [true], value: true },
    because:
      'neurogenic claudication as the predominant pattern is neurogenic claudication present',
  },
  {
    id: 'cognitive-therapy-not-tried',
    when: { fact: 'cognitiveTherapy', in: ['not-tried'] },
    then: { fact: 'cognitiveTherapySessions', in: [0], value: 0 },
    because: 'cognitive therapy that was not tried had no sessions',
  },
  {
    id: 'cognitive-therapy-sessions',
    when: { fact: 'cognitiveTherapySessions', atLeast: 1 },
    then: { fact: 'cognitiveTherapy', in: ['tried', 'contraindicated'], value: 'tried' },
    because: 'attending a cognitive behavioural therapy session is trying cognitive therapy',
  },
];

/** A value filled in by an implication. */
export interface ImpliedFact {
  fact: FactKey;
  value: string | number | boolean;
  /** The documented fact it follows from, and its value. */
  from: { fact: FactKey; value: unknown };
  because: string;
}

/** Two documented facts (or list items) that cannot both be true. */
export interface Contradiction {
  /** The paths involved, e.g. `['predominantPain', 'radicularPain']`. */
  paths: [string, string];
  /** One sentence naming both fields and why they conflict. */
  message: string;
}

type Facts = Readonly<Record<string, unknown>>;

function holds(condition: FactCondition, value: unknown): boolean {
  if (value === undefined) return false;
  if (condition.in) return condition.in.includes(value as never);
  return typeof value === 'number' && condition.atLeast !== undefined && value >= condition.atLeast;
}

/**
 * Whether any value is implied: some implication's condition holds and its fact is undocumented.
 * A chain needs a first step, so this is exact; it copies nothing (the engine asks it per patient).
 */
export function hasImplications(facts: PatientFacts | Facts): boolean {
  const f = facts as Facts;
  for (const rule of factImplications)
    if (f[rule.then.fact] === undefined && holds(rule.when, f[rule.when.fact])) return true;
  return false;
}

/** Each implied value and its origin; documented values are never replaced. Reaches a fixpoint, so chains follow. */
export function impliedFacts(facts: PatientFacts | Facts): ImpliedFact[] {
  if (!hasImplications(facts)) return [];
  const f = facts as Facts;
  const out: ImpliedFact[] = [];
  // The values filled in so far, read before the documented ones (which they never replace).
  const filled = new Map<string, unknown>();
  const read = (fact: string) => (f[fact] !== undefined ? f[fact] : filled.get(fact));
  for (let changed = true; changed;) {
    changed = false;
    for (const rule of factImplications) {
      const source = read(rule.when.fact);
      if (!holds(rule.when, source) || read(rule.then.fact) !== undefined) continue;
      filled.set(rule.then.fact, rule.then.value);
      out.push({
        fact: rule.then.fact,
        value: rule.then.value,
        from: { fact: rule.when.fact, value: source },
        because: rule.because,
      });
      changed = true;
    }
  }
  return out;
}

/** The facts with every implied value filled in; the same object when nothing is implied. */
export function applyImplications<T extends PatientFacts | Facts>(facts: T): T {
  if (!hasImplications(facts)) return facts;
  const implied = impliedFacts(facts);
  if (implied.length === 0) return facts;
  const out: Record<string, unknown> = { ...facts };
  for (const i of implied) out[i.fact] = i.value;
  return out as T;
}

const label = (fact: string) =>
  (catalogue as Record<string, { label: string }>)[fact]?.label ?? fact;
/** A value as the form shows it: yes/no, option ids as words. */
const shown = (value: unknown) =>
  `“${value === true ? 'yes' : value === false ? 'no' : typeof value === 'string' ? value.replace(/-/g, ' ') : String(value)}”`;

/** The facts any implication reads or fills in. */
export const implicationFacts: ReadonlySet<string> = new Set(
  factImplications.flatMap((i) => [i.when.fact, i.then.fact]),
);

/** Every contradiction among documented facts, each naming both fields. Empty for consistent facts. */
export function contradictions(facts: PatientFacts | Facts): Contradiction[] {
  return [...implicationContradictions(facts), ...repeatedBodies(facts)];
}

/** The contradictions between a fact and what another implies (not those within a list). */
export function implicationContradictions(facts: PatientFacts | Facts): Contradiction[] {
  const f = facts as Facts;
  const out: Contradiction[] = [];
  const pairs = new Set<string>();
  for (const rule of factImplications) {
    const source = f[rule.when.fact];
    const target = f[rule.then.fact];
    if (!holds(rule.when, source) || target === undefined) continue;
    if (rule.then.in.includes(target as never)) continue;
    // Two implications can be each other's converse (not tried ⇒ 0 sessions; sessions ⇒ tried): one message per pair.
    const pair = [rule.when.fact, rule.then.fact].sort().join('|');
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    out.push({
      paths: [rule.when.fact, rule.then.fact],
      message: `${label(rule.when.fact)} (${rule.when.fact}) ${shown(source)} contradicts ${label(rule.then.fact)} (${rule.then.fact}) ${shown(target)}: ${rule.because}.`,
    });
  }
  return out;
}

/** A vertebral body can be planned once per procedure: the same body twice in `plannedLevels` cannot both be right. */
function repeatedBodies(facts: Facts): Contradiction[] {
  const list = facts.plannedLevels;
  if (!Array.isArray(list)) return [];
  const first = new Map<unknown, number>();
  const out: Contradiction[] = [];
  const field = itemFields.plannedLevel.level.label;
  list.forEach((item: Record<string, unknown> | undefined, i) => {
    const level = item?.level;
    if (level === undefined) return;
    const earlier = first.get(level);
    if (earlier === undefined) return void first.set(level, i);
    out.push({
      paths: [`plannedLevels[${earlier}].level`, `plannedLevels[${i}].level`],
      message: `${label('plannedLevels')} rows ${earlier + 1} and ${i + 1} (plannedLevels[${earlier}].level, plannedLevels[${i}].level) both give ${field.toLowerCase()} ${level as string}: a body is planned once per procedure.`,
    });
  });
  return out;
}

/** withImplications' answers, per facts object (the engine's two forms read one patient many times). */
const prepared = new WeakMap<object, { facts: PatientFacts; implied: ImpliedFact[] }>();

/**
 * A patient's facts with implied values filled in, and what was filled in; worked out once per
 * facts object, which must not be changed afterwards (the engine never changes one).
 */
export function withImplications(facts: PatientFacts): {
  facts: PatientFacts;
  implied: ImpliedFact[];
} {
  let entry = prepared.get(facts);
  if (!entry) {
    const implied = impliedFacts(facts);
    entry = { facts: implied.length ? applyImplications(facts) : facts, implied };
    prepared.set(facts, entry);
  }
  return entry;
}
