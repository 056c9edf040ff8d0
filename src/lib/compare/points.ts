/**
 * Test points for comparing rules: every combination of the values that matter to a set of
 * criteria trees. For each fact a tree reads, the candidate values are its thresholds and just
 * either side of them, one representative of each group of enum values the rules treat alike,
 * true and false, and "undocumented"; for list facts, no list, an empty list, one item built from
 * the item fields' candidates (two items when a rule quantifies over the list twice), and list
 * lengths around count thresholds. Rules of this language are constant between those values, so
 * two trees that give the same status at every point apply the same rule.
 */
import type { CriterionNode } from '../schema/criteria.ts';
import { nodeStatus } from '../engine/compiled.ts';
import type { Status } from '../engine/types.ts';
import { facts, itemFields, type ItemKind } from '../facts/catalog.ts';
import { domainOfPath, type FieldDomain } from './domain.ts';
import { unreachable } from '../unreachable.ts';

/** Above this many points a space is sampled (single and paired changes) rather than enumerated. */
export const MAX_POINTS = 100_000;

/** One dimension of a point space. */
export interface Coordinate {
  /** `bmi`, `spondylolisthesis[].mm` (first item), `spondylolisthesis[1].mm` (second item) or `spondylolisthesis#shape`. */
  key: string;
  kind: 'scalar' | 'shape' | 'field';
  /** Top-level fact. */
  fact: string;
  /** Item field, for `field` coordinates. */
  field?: string;
  /** Item slot (0 or 1), for `field` coordinates. */
  slot?: number;
  domain?: FieldDomain;
  /** Candidate values; index 0 is always "undocumented" (undefined), or no list for a shape. */
  values: readonly unknown[];
  /** Indices of values that a rule states literally (a threshold or a listed value). */
  constants: ReadonlySet<number>;
}

/** List shapes a `shape` coordinate can take. */
export type ListShape =
  { kind: 'undocumented' } | { kind: 'empty' } | { kind: 'copies'; n: number } | { kind: 'two' };

export interface PointSpace {
  coordinates: readonly Coordinate[];
  /** Each point gives one value index per coordinate. */
  points: readonly (readonly number[])[];
  /** False when the space was too large and only sampled. */
  exhaustive: boolean;
  /** A key that identifies the space (for caches). */
  key: string;
}

interface Collected {
  numbers: Set<number>;
  /** Each `in`/`eq` list of values a rule names, for grouping enum values. */
  valueSets: (readonly unknown[])[];
  present: boolean;
  counts: Set<number>;
}

const collected = () => ({
  numbers: new Set<number>(),
  valueSets: [] as unknown[][],
  present: false,
  counts: new Set<number>(),
});

/** Builds the point space for a set of criteria trees (read at the top level of a patient's facts). */
export function pointSpace(trees: readonly CriterionNode[]): PointSpace {
  const scalars = new Map<string, Collected>();
  const lists = new Map<
    string,
    { shape: Collected; fields: Map<string, Collected>; twice: boolean }
  >();
  const list = (fact: string) => {
    let entry = lists.get(fact);
    if (!entry) lists.set(fact, (entry = { shape: collected(), fields: new Map(), twice: false }));
    return entry;
  };
  const note = (
    into: Map<string, Collected>,
    key: string,
    node: Extract<CriterionNode, { kind: 'compare' }>,
  ) => {
    let c = into.get(key);
    if (!c) into.set(key, (c = collected()));
    if (node.op === 'present') c.present = true;
    else if (node.op === 'in') c.valueSets.push(node.value as unknown[]);
    else if (node.op === 'eq') c.valueSets.push([node.value]);
    if (typeof node.value === 'number') c.numbers.add(node.value);
  };

  for (const tree of trees) {
    const quantified = new Map<string, number>();
    const walk = (node: CriterionNode, listFact?: string) => {
      switch (node.kind) {
        case 'compare':
          if (listFact) note(list(listFact).fields, node.fact, node);
          else note(scalars, node.fact, node);
          return;
        case 'count':
          if (listFact) return; // items hold no lists in the catalogue
          list(node.fact).shape.counts.add(node.value);
          quantified.set(node.fact, (quantified.get(node.fact) ?? 0) + 1);
          return;
        case 'some':
        case 'every':
          if (listFact) return;
          list(node.fact);
          quantified.set(node.fact, (quantified.get(node.fact) ?? 0) + 1);
          return walk(node.where, node.fact);
        case 'not':
          return walk(node.child, listFact);
        case 'match':
          // Only in advisory conditions, which never enter a comparison.
          return;
        case 'all':
        case 'any':
        case 'at-least':
          return node.children.forEach((c) => walk(c, listFact));
        default:
          return unreachable(node, 'criterion node');
      }
    };
    walk(tree);
    for (const [fact, times] of quantified) if (times > 1) list(fact).twice = true;
  }

  const coordinates: Coordinate[] = [];
  // Catalogue order, so that example patients read in the order a chart is read.
  const factOrder = Object.keys(facts);
  const byCatalogue = ([a]: [string, unknown], [b]: [string, unknown]) =>
    factOrder.indexOf(a) - factOrder.indexOf(b) || a.localeCompare(b);
  for (const [fact, c] of [...scalars].sort(byCatalogue)) {
    const domain = domainOfPath(fact);
    coordinates.push({ key: fact, kind: 'scalar', fact, domain, ...candidates(domain, c) });
  }
  for (const [fact, entry] of [...lists].sort(byCatalogue)) {
    const domain = domainOfPath(fact);
    const shapes: ListShape[] = [
      { kind: 'undocumented' },
      { kind: 'empty' },
      { kind: 'copies', n: 1 },
    ];
    const lengths = new Set<number>();
    for (const t of entry.shape.counts)
      for (const n of [t - 1, t, t + 1])
        if (n >= 2 && n <= (domain?.maxItems ?? 12)) lengths.add(n);
    for (const n of [...lengths].sort((a, b) => a - b)) shapes.push({ kind: 'copies', n });
    if (entry.twice) shapes.push({ kind: 'two' });
    const constants = new Set<number>();
    shapes.forEach((s, i) => {
      const n = s.kind === 'empty' ? 0 : s.kind === 'copies' ? s.n : -1;
      if (entry.shape.counts.has(n)) constants.add(i);
    });
    coordinates.push({
      key: `${fact}#shape`,
      kind: 'shape',
      fact,
      domain,
      values: shapes,
      constants,
    });
    const item = (facts as Record<string, { item?: ItemKind }>)[fact]?.item;
    const fieldOrder = item ? Object.keys(itemFields[item]) : [];
    const fieldNames = [...entry.fields.keys()].sort(
      (a, b) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b) || a.localeCompare(b),
    );
    for (const slot of entry.twice ? [0, 1] : [0])
      for (const field of fieldNames) {
        const fieldDomain = domainOfPath(`${fact}[].${field}`);
        coordinates.push({
          key: slot === 0 ? `${fact}[].${field}` : `${fact}[1].${field}`,
          kind: 'field',
          fact,
          field,
          slot,
          domain: fieldDomain,
          ...candidates(fieldDomain, entry.fields.get(field)!),
        });
      }
  }
  const key = coordinates
    .map((c) => `${c.key}=${c.values.map((v) => JSON.stringify(v) ?? 'u').join(',')}`)
    .join(';');
  const size = countPoints(coordinates);
  const points = size <= MAX_POINTS ? enumerate(coordinates) : sample(coordinates);
  return { coordinates, points, exhaustive: size <= MAX_POINTS, key };
}

/** Candidate values of one fact or field, with the indices of the values rules state literally. */
function candidates(
  domain: FieldDomain | undefined,
  c: Collected,
): { values: unknown[]; constants: Set<number> } {
  const values: unknown[] = [undefined];
  const constants = new Set<number>();
  const add = (v: unknown, constant: boolean) => {
    let i = values.findIndex((x) => x === v);
    if (i < 0) i = values.push(v) - 1;
    if (constant) constants.add(i);
  };
  const named = new Set(c.valueSets.flat());
  const type = domain?.type;
  if (type === 'boolean') {
    for (const v of [true, false]) add(v, named.has(v));
  } else if (type === 'enum' && domain?.values) {
    for (const v of enumRepresentatives(domain.values, c.valueSets)) add(v, named.has(v));
  } else if (type === 'integer' || type === 'number' || (!domain && c.numbers.size > 0)) {
    for (const v of numericCandidates([...c.numbers], type === 'integer', domain))
      add(v, c.numbers.has(v));
    if (values.length === 1) add(domain?.minimum ?? 0, false);
  } else {
    // Free text, or a fact the catalogue does not know: the literal values, else one example.
    for (const v of named) add(v, true);
    if (values.length === 1) add(type === 'string' ? 'example' : 0, false);
  }
  return { values, constants };
}

/** Thresholds and just either side of each (1 for integers, 0.1 or half the closest gap otherwise), within the domain's range. */
export function numericCandidates(
  thresholds: readonly number[],
  integer: boolean,
  domain?: FieldDomain,
): number[] {
  const sorted = [...new Set(thresholds)].sort((a, b) => a - b);
  let step = integer ? 1 : 0.1;
  if (!integer)
    for (let i = 1; i < sorted.length; i++)
      step = Math.min(step, (sorted[i]! - sorted[i - 1]!) / 2);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const out = new Set<number>();
  for (const t of sorted) for (const v of [t - step, t, t + step]) out.add(round(v));
  return [...out]
    .filter(
      (v) =>
        (domain?.minimum === undefined || v >= domain.minimum) &&
        (domain?.maximum === undefined || v <= domain.maximum),
    )
    .sort((a, b) => a - b);
}

/**
 * One value per group of enum values that every rule treats alike (same membership in every
 * listed set). A group the rules name is represented by its first named value; an unnamed group
 * by the member nearest in catalogue order to a named value, so examples stay plausible (L2
 * rather than T11 next to "L3 to S1").
 */
export function enumRepresentatives(
  domainValues: readonly (string | number)[],
  valueSets: readonly (readonly unknown[])[],
): (string | number)[] {
  const groups = new Map<string, (string | number)[]>();
  for (const v of domainValues) {
    const signature = valueSets.map((set) => (set.includes(v) ? '1' : '0')).join('');
    groups.set(signature, [...(groups.get(signature) ?? []), v]);
  }
  const named = new Set(valueSets.flat());
  const namedIndices = domainValues.map((v, i) => (named.has(v) ? i : -1)).filter((i) => i >= 0);
  const distance = (v: string | number) => {
    const i = domainValues.indexOf(v);
    return namedIndices.length ? Math.min(...namedIndices.map((j) => Math.abs(i - j))) : i;
  };
  const reps: (string | number)[] = [];
  for (const members of groups.values()) {
    const first = members.find((m) => named.has(m));
    reps.push(
      first ??
        [...members].sort(
          (a, b) => distance(a) - distance(b) || domainValues.indexOf(a) - domainValues.indexOf(b),
        )[0]!,
    );
  }
  return reps.sort((a, b) => domainValues.indexOf(a) - domainValues.indexOf(b));
}

/** Whether a coordinate is used at this point (item fields only matter when the list has those items). */
export function isActive(
  coordinates: readonly Coordinate[],
  point: readonly number[],
  index: number,
): boolean {
  const c = coordinates[index]!;
  if (c.kind !== 'field') return true;
  const shapeIndex = coordinates.findIndex((x) => x.kind === 'shape' && x.fact === c.fact);
  const shape = coordinates[shapeIndex]!.values[point[shapeIndex]!] as ListShape;
  return shape.kind === 'two' || (shape.kind === 'copies' && c.slot === 0);
}

function countPoints(coordinates: readonly Coordinate[]): number {
  let total = 1;
  for (const group of groups(coordinates)) {
    if (group.shape === undefined) total *= coordinates[group.members[0]!]!.values.length;
    else {
      const shape = coordinates[group.shape]!;
      const slot = (s: number) =>
        group.members
          .filter((m) => coordinates[m]!.slot === s)
          .reduce((n, m) => n * coordinates[m]!.values.length, 1);
      let n = 0;
      for (const value of shape.values as ListShape[])
        n += value.kind === 'two' ? slot(0) * slot(1) : value.kind === 'copies' ? slot(0) : 1;
      total *= n;
    }
  }
  return total;
}

/** Coordinates grouped by fact: a scalar alone, or a list's shape with its item fields. */
function groups(coordinates: readonly Coordinate[]): { shape?: number; members: number[] }[] {
  const out: { shape?: number; members: number[] }[] = [];
  coordinates.forEach((c, i) => {
    if (c.kind === 'scalar') out.push({ members: [i] });
    else if (c.kind === 'shape') out.push({ shape: i, members: [] });
    else
      out
        .find((g) => g.shape !== undefined && coordinates[g.shape]!.fact === c.fact)!
        .members.push(i);
  });
  return out;
}

function enumerate(coordinates: readonly Coordinate[]): number[][] {
  const options = groups(coordinates).map((group) => groupOptions(coordinates, group));
  let points: number[][] = [new Array<number>(coordinates.length).fill(0)];
  for (const groupOptionsList of options) {
    const next: number[][] = [];
    for (const point of points)
      for (const option of groupOptionsList) {
        const p = point.slice();
        for (const [i, v] of option) p[i] = v;
        next.push(p);
      }
    points = next;
  }
  return points;
}

/** Every valid assignment of one group's coordinates, as [coordinate, value index] pairs. */
function groupOptions(
  coordinates: readonly Coordinate[],
  group: { shape?: number; members: number[] },
): [number, number][][] {
  if (group.shape === undefined)
    return coordinates[group.members[0]!]!.values.map((_, v) => [[group.members[0]!, v]]);
  const product = (members: number[]): [number, number][][] =>
    members.reduce<[number, number][][]>(
      (acc, m) =>
        acc.flatMap((a) =>
          coordinates[m]!.values.map((_, v) => [...a, [m, v] as [number, number]]),
        ),
      [[]],
    );
  const slot0 = group.members.filter((m) => coordinates[m]!.slot === 0);
  const both = group.members;
  const out: [number, number][][] = [];
  (coordinates[group.shape]!.values as ListShape[]).forEach((shape, s) => {
    const head: [number, number] = [group.shape!, s];
    if (shape.kind === 'undocumented' || shape.kind === 'empty') out.push([head]);
    else for (const rest of product(shape.kind === 'two' ? both : slot0)) out.push([head, ...rest]);
  });
  return out;
}

/** A sample for spaces too large to enumerate: every single change and every pair of changes from two base points. */
function sample(coordinates: readonly Coordinate[]): number[][] {
  const valid = (p: number[]) =>
    coordinates.every((c, i) => p[i] === 0 || isActive(coordinates, p, i));
  const seen = new Set<string>();
  const out: number[][] = [];
  const push = (p: number[]) => {
    const k = p.join(',');
    if (valid(p) && !seen.has(k)) {
      seen.add(k);
      out.push(p);
    }
  };
  const bases = [
    coordinates.map(() => 0),
    coordinates.map((c) => (c.kind === 'shape' ? 2 : Math.min(1, c.values.length - 1))),
  ];
  for (const base of bases) {
    push(base);
    for (let i = 0; i < coordinates.length; i++)
      for (let v = 0; v < coordinates[i]!.values.length; v++) {
        const single = base.slice();
        single[i] = v;
        push(single);
        for (let j = i + 1; j < coordinates.length; j++)
          for (let w = 0; w < coordinates[j]!.values.length; w++) {
            const pair = single.slice();
            pair[j] = w;
            push(pair);
          }
      }
  }
  return out;
}

/** The facts of a point: only the facts the space covers, lists built from their item fields. */
export function pointFacts(
  space: Pick<PointSpace, 'coordinates'>,
  point: readonly number[],
  options: { keepUndocumented?: boolean } = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const { coordinates } = space;
  coordinates.forEach((c, i) => {
    if (c.kind === 'scalar') {
      const v = c.values[point[i]!];
      if (v !== undefined || options.keepUndocumented) out[c.fact] = v;
    } else if (c.kind === 'shape') {
      const shape = c.values[point[i]!] as ListShape;
      if (shape.kind === 'undocumented') {
        if (options.keepUndocumented) out[c.fact] = undefined;
        return;
      }
      const item = (slot: number) => {
        const fields: Record<string, unknown> = {};
        coordinates.forEach((f, j) => {
          if (
            f.kind === 'field' &&
            f.fact === c.fact &&
            f.slot === slot &&
            f.values[point[j]!] !== undefined
          )
            fields[f.field!] = f.values[point[j]!];
        });
        return fields;
      };
      out[c.fact] =
        shape.kind === 'empty'
          ? []
          : shape.kind === 'two'
            ? [item(0), item(1)]
            : Array.from({ length: shape.n }, () => item(0));
    }
  });
  return out;
}

const signatureCache = new Map<string, readonly Status[]>();
/** Enough for every row and pair of a build with today's content; cleared beyond it so memory stays bounded at scale. */
const SIGNATURE_CACHE_LIMIT = 5_000;

/** The status of `tree` at every point of the space (memoised by the tree's rule key and the space). */
export function signature(
  space: PointSpace,
  tree: CriterionNode,
  treeKey: string,
): readonly Status[] {
  const cacheKey = `${treeKey}@@${space.key}`;
  let statuses = signatureCache.get(cacheKey);
  if (!statuses) {
    statuses = space.points.map((p) => nodeStatus(tree, pointFacts(space, p)));
    if (signatureCache.size >= SIGNATURE_CACHE_LIMIT) signatureCache.clear();
    signatureCache.set(cacheKey, statuses);
  }
  return statuses;
}

const signatureKeys = new WeakMap<readonly Status[], string>();

/**
 * A compact string of a signature, equal for equivalent rules. Memoised by signature: `signature`
 * returns the same array for the same rule and space, and lines that share a rule (many do) would
 * otherwise spell out its up to 100,000 statuses again (3.5 s of a build at 3,000 lines).
 */
export function signatureKey(statuses: readonly Status[]): string {
  let key = signatureKeys.get(statuses);
  if (key === undefined) {
    key = statuses.map((s) => (s === 'met' ? 'm' : s === 'failed' ? 'f' : 'u')).join('');
    signatureKeys.set(statuses, key);
  }
  return key;
}
