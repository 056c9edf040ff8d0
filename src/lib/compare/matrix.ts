/**
 * The criteria matrix: one row per criterion concept, one column per policy line. Each cell
 * states the line's rule in words generated from its criteria (with its polarity and citations)
 * and a status; rules that behave identically form one variant, and the row says in words how
 * each other variant differs from the first. Computed from compiled lines only, so it can never
 * drift from what the engine applies.
 */
import { conceptById, concepts, type Concept } from '../criteria/concepts.ts';
import { describeWithPolarity } from '../criteria/describe.ts';
import { lcdLabel } from '../engine/jurisdiction.ts';
import type { EvaluablePolicy } from '../engine/types.ts';
import { positionLabel } from '../format/positions.ts';
import type { Citation } from '../schema/common.ts';
import { valueOrder } from './domain.ts';
import { differenceSentences } from './differences.ts';
import { groupRules } from './equivalence.ts';
import { lineNames } from './names.ts';
import {
  byConcept,
  conceptCondition,
  effectiveRules,
  type ConceptOccurrence,
  type EffectiveRules,
} from './rules.ts';

/** A cell's status. */
export type CellStatus =
  | 'same'
  | 'differs'
  | 'only-here'
  | 'billing-note'
  | 'not-addressed'
  | 'not-public'
  | 'not-covered'
  | 'follows-lcd';

/** Plain words for the statuses, as shown in cells and exports. */
export const cellStatusLabel: Record<CellStatus, string> = {
  same: 'Same',
  differs: 'Differs',
  'only-here': 'Only here',
  'billing-note': 'Billing note',
  'not-addressed': 'Not addressed',
  'not-public': 'Not public',
  'not-covered': 'Not covered',
  'follows-lcd': 'Follows LCD',
};

/** One rule of a cell in words, with every place the policy states it. */
export interface CellRule {
  polarity: 'requires' | 'excludes';
  /** "Excludes any spondylolisthesis: slip ≥ 2 mm and correlates with the predominant complaint". */
  words: string;
  citations: Citation[];
  /** Criterion anchors on the policy page: `/policies/<policy>/#<line>--<node>`. */
  anchors: string[];
  /** Each place the rule is stated: its citation and its anchor, in tree order. */
  places: { citation?: Citation; anchor: string }[];
  /** One alternative among several (it does not decide alone). */
  alternative: boolean;
}

export interface MatrixCell {
  line: string;
  concept: string;
  status: CellStatus;
  /** The rules, deduplicated by wording (Cohere states some items twice). */
  rules: CellRule[];
  /** Variant letter within the row (A, B, …), for cells with rules. */
  variant?: string;
  /** One sentence explaining the status when there is no rule, or how an LCD is followed. */
  note?: string;
  /** Citation for the note (the line's position, its non-public criteria, or its LCD rule). */
  noteCitation?: Citation;
}

export interface MatrixVariant {
  letter: string;
  /** Line ids with this variant. */
  lines: string[];
  /** How this variant differs from variant A, in sentences (empty for A). */
  differences: string[];
}

export interface MatrixRow {
  concept: Concept;
  cells: MatrixCell[];
  variants: MatrixVariant[];
  /** Number of columns whose rules address the concept. */
  addressedBy: number;
  /** False when the test space was sampled rather than enumerated (very large rules). */
  exhaustive: boolean;
}

export interface MatrixColumn {
  line: EvaluablePolicy;
  /** Short name, e.g. "MGB 097 (Jan 2026), Commercial/Qualified Health Plan". */
  name: string;
  rules: EffectiveRules;
}

export interface CriteriaMatrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Plain words for one concept's occurrences in a line, deduplicated, with their citations and anchors. */
export function cellRules(
  rules: EffectiveRules,
  occurrences: readonly ConceptOccurrence[],
): CellRule[] {
  const out: CellRule[] = [];
  for (const o of occurrences) {
    const words = describeWithPolarity(o.node, o.negated, o.item, valueOrder);
    const anchor = `${criteriaPage(rules)}#${rules.criteriaLine}--${o.node.id}`;
    const existing = out.find((r) => r.words === words);
    const target =
      existing ??
      out[
        out.push({
          polarity: o.negated ? 'excludes' : 'requires',
          words,
          citations: [],
          anchors: [],
          places: [],
          alternative: o.alternative,
        }) - 1
      ]!;
    target.places.push({ citation: o.node.citation, anchor });
    if (
      o.node.citation &&
      !target.citations.some((c) => JSON.stringify(c) === JSON.stringify(o.node.citation))
    )
      target.citations.push(o.node.citation);
    if (!target.anchors.includes(anchor)) target.anchors.push(anchor);
  }
  return out;
}

/** The page that shows a line's criteria tree: a payer policy's page, or a criteria set's. */
export function criteriaPage(rules: Pick<EffectiveRules, 'line' | 'criteriaPolicy'>): string {
  return rules.line.owner.kind === 'payer-line'
    ? `/policies/${rules.criteriaPolicy}/`
    : `/eligibility/${rules.criteriaPolicy}/`;
}

/** Describes occurrences as one phrase (for "combined differently" sentences). */
export function describeOccurrences(occurrences: readonly ConceptOccurrence[]): string {
  return [
    ...new Set(occurrences.map((o) => describeWithPolarity(o.node, o.negated, o.item, valueOrder))),
  ].join('; ');
}

/** The concepts to show, in registry order, then any concept the registry does not know. */
function rowConcepts(columns: readonly MatrixColumn[]): Concept[] {
  const used = new Set([
    ...columns.flatMap((c) => c.rules.occurrences.map((o) => o.concept)),
    ...columns.flatMap((c) => c.rules.advisories.flatMap((a) => (a.concept ? [a.concept] : []))),
  ]);
  const known = concepts.filter((c) => used.has(c.id));
  const unknown = [...used]
    .filter((id) => !conceptById.has(id))
    .sort()
    .map((id): Concept => ({ id, label: id, section: 'indication' }));
  return [...known, ...unknown];
}

/**
 * The matrix for `lines` (the columns, in the order given). `all` is every compiled line, used to
 * follow lines that apply a named LCD; it defaults to `lines`. `names` are the lines' names
 * (default `lineNames(all)`), for callers that hold only some lines but know every name.
 */
export function criteriaMatrix(
  lines: readonly EvaluablePolicy[],
  all: readonly EvaluablePolicy[] = lines,
  names: ReadonlyMap<string, string> = lineNames(all),
): CriteriaMatrix {
  const byId = new Map(all.map((l) => [l.id, l]));
  const columns: MatrixColumn[] = lines.map((line) => ({
    line,
    name: names.get(line.id) ?? line.policyName,
    rules: effectiveRules(line, byId),
  }));
  const grouped = new Map(columns.map((c) => [c.line.id, byConcept(c.rules.occurrences)]));
  const rows = rowConcepts(columns).map((concept) => matrixRow(concept, columns, grouped, names));
  return { columns, rows };
}

function matrixRow(
  concept: Concept,
  columns: readonly MatrixColumn[],
  grouped: ReadonlyMap<string, Map<string, ConceptOccurrence[]>>,
  names: ReadonlyMap<string, string>,
): MatrixRow {
  const addressing = columns.filter((c) => grouped.get(c.line.id)?.has(concept.id));
  const occurrencesOf = (c: MatrixColumn) => grouped.get(c.line.id)!.get(concept.id)!;
  const grouping = groupRules(addressing.map((c) => conceptCondition(occurrencesOf(c))));
  const variantOf = new Map(addressing.map((c, i) => [c.line.id, grouping.variantOf[i]!]));
  const variants: MatrixVariant[] = Array.from({ length: grouping.variants }, (_, v) => ({
    letter: letters[v] ?? `V${v + 1}`,
    lines: addressing.filter((c) => variantOf.get(c.line.id) === v).map((c) => c.line.id),
    differences: [],
  }));
  const representative = (v: number) => addressing.find((c) => variantOf.get(c.line.id) === v)!;
  for (let v = 1; v < variants.length; v++) {
    const a = representative(0);
    const b = representative(v);
    variants[v]!.differences = differenceSentences(
      occurrencesOf(a),
      occurrencesOf(b),
      names.get(a.line.id) ?? a.line.id,
      names.get(b.line.id) ?? b.line.id,
      describeOccurrences,
    );
  }

  const cells = columns.map((column): MatrixCell => {
    const base = { line: column.line.id, concept: concept.id };
    const { rules, line } = column;
    const occurrences = grouped.get(line.id)?.get(concept.id);
    if (rules.source.kind === 'not-covered')
      return {
        ...base,
        status: 'not-covered',
        rules: [],
        note: `${positionLabel[line.position]}: no criterion applies.`,
        noteCitation: line.citation,
      };
    const lcdNote = lcdWords(column);
    const notes = rules.advisories.filter(
      (a) => a.role === 'billing-note' && a.concept === concept.id,
    );
    if (!occurrences && notes.length > 0)
      return {
        ...base,
        status: 'billing-note',
        rules: notes.map((a) => {
          const anchor = `/policies/${rules.criteriaPolicy}/#${rules.criteriaLine}--${a.id}`;
          return {
            polarity: 'requires' as const,
            words: `Never decides coverage: ${a.message}`,
            citations: [a.citation],
            anchors: [anchor],
            places: [{ citation: a.citation, anchor }],
            alternative: false,
          };
        }),
        note: lcdNote,
        noteCitation: lcdNote ? line.lcd?.citation : undefined,
      };
    if (occurrences) {
      // A letter only tells something when the row has several variants.
      const variant = grouping.variants > 1 ? variants[variantOf.get(line.id)!]!.letter : undefined;
      const status: CellStatus = lcdNote
        ? 'follows-lcd'
        : addressing.length === 1
          ? 'only-here'
          : grouping.variants === 1
            ? 'same'
            : 'differs';
      return {
        ...base,
        status,
        variant,
        rules: cellRules(rules, occurrences),
        note: lcdNote,
        noteCitation: lcdNote ? line.lcd?.citation : undefined,
      };
    }
    if (lcdNote) {
      const elsewhere = line.nonPublic ? ' not in the public criteria.' : ' not addressed.';
      return {
        ...base,
        status: 'follows-lcd',
        rules: [],
        note: lcdNote + elsewhere,
        noteCitation: line.lcd?.citation,
      };
    }
    if (line.nonPublic)
      return {
        ...base,
        status: 'not-public',
        rules: [],
        note: 'Not in the public criteria; the non-public criteria may address it.',
        noteCitation: line.nonPublic.citation,
      };
    const partial = line.completeness === 'partial';
    return {
      ...base,
      status: 'not-addressed',
      rules: [],
      note: partial ? 'Not in the part of the policy that could be read.' : 'Not addressed.',
      noteCitation: line.citation,
    };
  });
  return {
    concept,
    cells,
    variants,
    addressedBy: addressing.length,
    exhaustive: grouping.space.exhaustive,
  };
}

/** How a line follows an LCD, in a cell's words; undefined for lines that apply their own rules. The column says which LCDs. */
function lcdWords(column: MatrixColumn): string | undefined {
  const { source } = column.rules;
  if (source.kind === 'lcd-named') return `Applies ${lcdName(source.lcd)}.`;
  if (source.kind === 'lcd-by-state') return 'Where no LCD applies:';
  return undefined;
}

/** "lcd-l39642" → "L39642". */
export const lcdName = lcdLabel;

/** How a column's line reaches its rules, in one sentence for its header; undefined for lines with their own rules. */
export function columnLcdWords(column: MatrixColumn): string | undefined {
  const { source } = column.rules;
  if (source.kind === 'lcd-named') return `Applies ${lcdName(source.lcd)} (shown).`;
  if (source.kind === 'lcd-by-state')
    return `Applies the state’s LCD (${source.candidates.map((c) => lcdName(c.id)).join(', ')}); its own rules (shown) elsewhere.`;
  return undefined;
}

/** The text of a cell for exports and screen readers: its rules, or its note. */
export function cellText(cell: MatrixCell): string {
  const rules = cell.rules
    .map((r) => `${r.words}${r.alternative ? ' (one alternative)' : ''}`)
    .join('; ');
  return [cell.note, rules].filter(Boolean).join(' ');
}
