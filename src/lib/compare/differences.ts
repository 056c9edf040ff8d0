/**
 * How two lines' versions of one rule differ, in words, fact by fact: "Slip: Cohere ≥ 2 mm; MGB
 * > 2 mm." Each rule is broken into its atoms (one comparison of one fact or item field), atoms
 * are aligned by the fact they read, and the facts whose conditions differ are stated.
 */
import { fieldInfo, describeValues, formatFactValue, sentenceLabel } from '../criteria/describe.ts';
import { facts, type ItemKind } from '../facts/catalog.ts';
import type { CountOp, CriterionNode } from '../schema/criteria.ts';
import { valueOrder } from './domain.ts';
import type { ConceptOccurrence } from './rules.ts';
import { unreachable } from '../unreachable.ts';

type Polarity = 'requires' | 'excludes';

/** One comparison inside a rule, in words. */
export interface Atom {
  /** `ageYears`, or `spondylolisthesis[].mm` for an item field. */
  path: string;
  /** The list fact, for item fields and counts. */
  list?: string;
  /** Label of the fact or field, in sentence case. */
  label: string;
  /** The condition on the value, e.g. "≥ 2 mm", "L3 to S1", "yes". */
  text: string;
  polarity: Polarity;
  /** Under a negation inside the rule (an exception: "unless …"). */
  inverted: boolean;
  /** A boolean fact compared with true or false (worded "requires it", "excludes it"). */
  boolean?: boolean;
  /** For top-level numeric comparisons: the parts needed to restate the atom with the other polarity. */
  flip?: () => Omit<Atom, 'flip'>;
}

type Ordering = Exclude<CountOp, 'eq'>;
const symbol: Record<CountOp, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };
const opposite: Record<Ordering, Ordering> = { gte: 'lt', gt: 'lte', lte: 'gt', lt: 'gte' };

/** The atoms of one occurrence, in tree order. */
export function atomsOf(occurrence: ConceptOccurrence): Atom[] {
  const atoms: Atom[] = [];
  const polarity: Polarity = occurrence.negated ? 'excludes' : 'requires';
  const flipped: Polarity = occurrence.negated ? 'requires' : 'excludes';
  const outerList = [...occurrence.steps].reverse().find((s) => s.kind !== 'not') as
    { fact: string } | undefined;
  const visit = (
    node: CriterionNode,
    item: ItemKind | undefined,
    list: string | undefined,
    inverted: boolean,
  ) => {
    switch (node.kind) {
      case 'compare': {
        const info = fieldInfo(node.fact, item);
        const path = list ? `${list}[].${node.fact}` : node.fact;
        const base = {
          path,
          list,
          label: sentenceLabel(info?.label ?? node.fact),
          polarity,
          inverted,
        };
        if (node.op === 'present') return void atoms.push({ ...base, text: 'documented' });
        if (node.op === 'in')
          return void atoms.push({
            ...base,
            text: describeValues(node.value as unknown[], valueOrder(node.fact, item)),
          });
        if (node.op === 'eq') {
          if (typeof node.value === 'boolean') {
            const flipBoolean = () => ({
              ...base,
              text: node.value ? 'no' : 'yes',
              boolean: true,
              polarity: flipped,
            });
            return void atoms.push({
              ...base,
              text: node.value ? 'yes' : 'no',
              boolean: true,
              flip: list || inverted ? undefined : flipBoolean,
            });
          }
          return void atoms.push({
            ...base,
            text:
              typeof node.value === 'number'
                ? formatFactValue(node.value, info?.unit)
                : describeValues([node.value]),
          });
        }
        const value = node.value as number;
        const op = node.op;
        const text = `${symbol[op]} ${formatFactValue(value, info?.unit)}`;
        const flip = () => ({
          ...base,
          text: `${symbol[opposite[op]]} ${formatFactValue(value, info?.unit)}`,
          polarity: flipped,
        });
        return void atoms.push({ ...base, text, flip: list || inverted ? undefined : flip });
      }
      case 'count': {
        // "At least one item" says only that the list is read, which the field atoms already show.
        if ((node.op === 'gte' && node.value === 1) || (node.op === 'gt' && node.value === 0)) {
          atoms.push({
            path: `${node.fact}#any`,
            list: node.fact,
            label: '',
            text: 'any',
            polarity,
            inverted,
          });
          return;
        }
        const label = sentenceLabel(fieldInfo(node.fact, item)?.label ?? node.fact);
        const base = {
          path: `${node.fact}#count`,
          list: node.fact,
          label: `number of ${label}`,
          inverted,
        };
        const op = node.op;
        const flip =
          op === 'eq'
            ? undefined
            : () => ({
                ...base,
                text: `${symbol[opposite[op]]} ${node.value}`,
                polarity: flipped,
              });
        atoms.push({
          ...base,
          text: `${symbol[op]} ${node.value}`,
          polarity,
          flip: list || inverted ? undefined : flip,
        });
        return;
      }
      case 'some':
      case 'every': {
        const childItem = (facts as Record<string, { item?: ItemKind }>)[node.fact]?.item;
        atoms.push({
          path: `${node.fact}#any`,
          list: node.fact,
          label: '',
          text: 'any',
          polarity,
          inverted,
        });
        return visit(node.where, childItem, node.fact, inverted);
      }
      case 'not':
        return visit(node.child, item, list, !inverted);
      case 'match':
        // Only in advisory conditions, which comparisons never read (see content validation).
        return;
      case 'all':
      case 'any':
      case 'at-least':
        return node.children.forEach((c) => visit(c, item, list, inverted));
      default:
        return unreachable(node, 'criterion node');
    }
  };
  visit(occurrence.node, occurrence.item, outerList?.fact, false);
  return atoms;
}

/** Label of a list fact, e.g. "Spondylolisthesis". */
function listLabel(fact: string): string {
  return (facts as Record<string, { label: string }>)[fact]?.label ?? fact;
}

/** A side's atoms for one path, in words. */
function sideText(
  atoms: readonly Atom[],
  readsList: boolean,
  isItemField: boolean,
  showVerb: boolean,
): string {
  if (atoms.length === 0) return isItemField && readsList ? 'any' : 'does not consider it';
  const parts = [
    ...new Set(
      atoms.map((a) => {
        const value = a.inverted ? `unless ${a.text}` : a.text;
        if (isItemField && !showVerb) return value;
        if (a.boolean && !a.inverted && !isItemField)
          return `${a.polarity} ${a.text === 'yes' ? 'it' : 'its absence'}`;
        return `${a.polarity} ${value}`;
      }),
    ),
  ];
  return parts.join(' and ');
}

/**
 * Sentences saying how rule A differs from rule B, one per fact or field whose condition
 * differs. Empty when every fact is read the same way (the rules may still combine them
 * differently; see `differenceSentences`).
 */
export function factDifferences(
  a: readonly ConceptOccurrence[],
  b: readonly ConceptOccurrence[],
  nameA: string,
  nameB: string,
): string[] {
  let atomsA = a.flatMap(atomsOf);
  let atomsB = b.flatMap(atomsOf);
  const paths = [...new Set([...atomsA, ...atomsB].map((x) => x.path))];
  // Top-level comparisons are worded in the polarity most of them use: "requires ≥ 18" rather than "excludes < 18".
  for (const path of paths) {
    const all = [...atomsA, ...atomsB].filter((x) => x.path === path);
    const excludes = all.filter((x) => x.polarity === 'excludes').length;
    const preferred: Polarity = excludes * 2 > all.length ? 'excludes' : 'requires';
    const align = (atoms: Atom[]) =>
      atoms.map((x) =>
        x.path === path && x.polarity !== preferred && x.flip
          ? { ...x.flip(), flip: undefined }
          : x,
      );
    atomsA = align(atomsA);
    atomsB = align(atomsB);
  }
  const sentences: string[] = [];
  for (const path of paths) {
    if (path.endsWith('#any')) continue;
    const onA = atomsA.filter((x) => x.path === path);
    const onB = atomsB.filter((x) => x.path === path);
    const key = (atoms: Atom[]) =>
      [...new Set(atoms.map((x) => `${x.polarity}|${x.inverted}|${x.text}`))].sort().join(';');
    if (key(onA) === key(onB)) continue;
    const sample = onA[0] ?? onB[0]!;
    const isItemField = path.includes('[].');
    const list = sample.list;
    const readsA = list !== undefined && atomsA.some((x) => x.list === list);
    const readsB = list !== undefined && atomsB.some((x) => x.list === list);
    const polarities = new Set([...onA, ...onB].map((x) => x.polarity));
    const showVerb = polarities.size > 1 || !(readsA && readsB);
    const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
    const which = showVerb
      ? ''
      : sample.polarity === 'excludes'
        ? ' (as an exclusion)'
        : ' (as a requirement)';
    const label = isItemField
      ? `${listLabel(list!)}${which}, ${sample.label}`
      : capital(sample.label);
    sentences.push(
      `${label}: ${nameA} ${sideText(onA, readsA, isItemField, showVerb)}; ${nameB} ${sideText(onB, readsB, isItemField, showVerb)}.`,
    );
  }
  return sentences;
}

/** The differences in words, falling back to the two rules side by side when the same facts are combined differently. */
export function differenceSentences(
  a: readonly ConceptOccurrence[],
  b: readonly ConceptOccurrence[],
  nameA: string,
  nameB: string,
  describe: (occurrences: readonly ConceptOccurrence[]) => string,
): string[] {
  const sentences = factDifferences(a, b, nameA, nameB);
  if (sentences.length > 0) return sentences;
  return [
    `The same facts, combined differently: ${nameA}: ${describe(a)}; ${nameB}: ${describe(b)}.`,
  ];
}
