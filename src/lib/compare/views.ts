/**
 * Filtered views of the criteria matrix, one static page each (no JavaScript): by payer type,
 * product line, state and payer. A view lists the lines it shows; the matrix is recomputed for
 * them, so "same" and "differs" are relative to the lines in view.
 *
 * Pages that do not grow with the catalogue: a view with more lines than `matrixPageColumns`
 * is split into parts of at most that many columns (lines sorted by payer, so a payer's lines
 * stay together), and the full matrix of every line is shown at /compare/ only while it fits
 * on one page (`fullMatrixFits`); past that, /compare/ is the index of the views.
 */
import { productLineLabel } from '../format/positions.ts';
import { splitIntoParts, type Part } from '../format/parts.ts';
import type { Payer, PayerKind } from '../schema/payer.ts';
import type { Policy, ProductLine } from '../schema/policy.ts';
import { productLines, stateCodes } from '../facts/vocabulary.ts';

/** Plain words for payer types. */
export const payerKindLabel: Record<PayerKind, string> = {
  'medicare-contractor': 'Medicare contractors (LCDs)',
  'medicare-advantage-vendor': 'Medicare Advantage review vendors',
  'health-plan': 'Health plans',
  'blue-cross-blue-shield': 'Blue Cross Blue Shield plans',
  unidentified: 'Issuer not identified',
};

const payerKinds = Object.keys(payerKindLabel) as PayerKind[];

/**
 * Most policy lines (matrix columns) on one matrix page. Measured on built pages: with today's
 * 15 real lines a matrix page costs about 7 KB gzipped plus 1.2 KB per column; at 3,000
 * synthetic policies (`npm run bench:scale`), pages of 20 columns weighed 28 KB on average but
 * up to 41 KB where rich real lines and many differing rules meet (about 2 KB per column). 16
 * columns keep that worst case near 33 KB, within the 40 KB matrix budget
 * (scripts/lib/budgets.ts).
 */
export const matrixPageColumns = 16;

/** True while the matrix of every current line fits on one page (/compare/ shows it). */
export function fullMatrixFits(lineCount: number, columns = matrixPageColumns): boolean {
  return lineCount <= columns;
}

export type ViewFacet = 'payer-type' | 'product-line' | 'state' | 'payer';

/** The facets in menu order, with their heading. */
export const viewFacets: readonly { facet: ViewFacet; label: string }[] = [
  { facet: 'payer-type', label: 'By payer type' },
  { facet: 'product-line', label: 'By product line' },
  { facet: 'state', label: 'By state' },
  { facet: 'payer', label: 'By payer' },
];

/** What a view needs to know about one line. */
export interface ViewLine {
  id: string;
  productLines: readonly ProductLine[];
  /** The payer that issued the line's policy. */
  payer: { id: string; name: string; kind: PayerKind };
  /**
   * States (postal codes) where the line applies: the payer's states, or for a Medicare LCD the
   * states of its contractor's jurisdiction; empty for a payer that sells nationally.
   */
  states: readonly string[];
}

/**
 * What the views need to know about each line, from its policy and the policy's payer. A line
 * whose policy or payer is missing is an error (the content check prevents it).
 */
export function viewLines(
  lines: readonly { id: string; policyId: string; productLines: readonly ProductLine[] }[],
  policies: ReadonlyMap<string, Pick<Policy, 'payer' | 'jurisdiction'>>,
  payers: ReadonlyMap<string, Pick<Payer, 'name' | 'kind' | 'states'>>,
): ViewLine[] {
  return lines.map((line) => {
    const policy = policies.get(line.policyId);
    const payer = policy && payers.get(policy.payer);
    if (!policy || !payer)
      throw new Error(
        `views: line ${line.id} has no ${policy ? `payer ${policy.payer}` : `policy ${line.policyId}`}`,
      );
    return {
      id: line.id,
      productLines: line.productLines,
      payer: { id: policy.payer, name: payer.name, kind: payer.kind },
      states: [...new Set([...(payer.states ?? []), ...(policy.jurisdiction?.states ?? [])])],
    };
  });
}

/** One page of one view: the whole view when it fits, else one part of it. */
export interface MatrixView {
  /** Page id, e.g. `payer-type-health-plan` or `payer-type-health-plan-part-2` (URL /compare/views/<id>/). */
  id: string;
  facet: ViewFacet;
  value: string;
  /** E.g. "Payer type: Health plans". */
  label: string;
  /** Line ids shown on this page, in the order of the lines given. */
  lines: string[];
  /** Which part of the view this page is (`count` 1 when the view fits on one page). */
  part: Omit<Part<string>, 'items'>;
}

/** URL of a view page. */
export function viewPath(id: string): string {
  return `/compare/views/${id}/`;
}

interface Facet {
  facet: ViewFacet;
  id: string;
  value: string;
  label: string;
  member: (line: ViewLine) => boolean;
}

function facets(lines: readonly ViewLine[]): Facet[] {
  const payers = [...new Map(lines.map((l) => [l.payer.id, l.payer])).values()].sort(
    (x, y) => x.name.localeCompare(y.name) || x.id.localeCompare(y.id),
  );
  return [
    ...payerKinds.map((kind) => ({
      facet: 'payer-type' as const,
      id: `payer-type-${kind}`,
      value: kind,
      label: `Payer type: ${payerKindLabel[kind]}`,
      member: (l: ViewLine) => l.payer.kind === kind,
    })),
    ...productLines.map((product) => ({
      facet: 'product-line' as const,
      id: `product-line-${product}`,
      value: product,
      label: `Product line: ${productLineLabel[product]}`,
      member: (l: ViewLine) => l.productLines.includes(product),
    })),
    ...stateCodes.map((state) => ({
      facet: 'state' as const,
      id: `state-${state.toLowerCase()}`,
      value: state,
      label: `State: ${state}`,
      member: (l: ViewLine) => l.states.includes(state),
    })),
    ...payers.map((payer) => ({
      facet: 'payer' as const,
      id: `payer-${payer.id}`,
      value: payer.id,
      label: `Payer: ${payer.name}`,
      member: (l: ViewLine) => l.payer.id === payer.id,
    })),
  ];
}

/**
 * Every page of every non-empty view of `lines` (given in the matrix's column order). A view
 * of more than `columns` lines is split into parts, its lines sorted by payer name first.
 */
export function matrixViews(lines: readonly ViewLine[], columns = matrixPageColumns): MatrixView[] {
  const order = new Map(lines.map((l, i) => [l.id, i]));
  const byPayer = [...lines].sort(
    (x, y) => x.payer.name.localeCompare(y.payer.name) || order.get(x.id)! - order.get(y.id)!,
  );
  return facets(lines).flatMap(({ member, ...facet }) => {
    const shown = lines.filter(member);
    if (shown.length === 0) return [];
    const ordered = shown.length > columns ? byPayer.filter(member) : shown;
    return splitIntoParts(facet.id, ordered, columns).map(({ items, ...part }) => ({
      ...facet,
      id: part.id,
      // Within a page, the matrix's own column order.
      lines: items.map((l) => l.id).sort((a, b) => order.get(a)! - order.get(b)!),
      part,
    }));
  });
}

/** One entry of the view menu: a view with its line count and its first page. */
export interface ViewEntry {
  facet: ViewFacet;
  /** First page's id (the view's own id). */
  id: string;
  /** The value's words without the facet, e.g. "Health plans". */
  name: string;
  lines: number;
  parts: number;
}

/** The views of `pages`, one entry per view, grouped by facet in menu order. */
export function viewMenu(
  pages: readonly MatrixView[],
): { facet: ViewFacet; label: string; views: ViewEntry[] }[] {
  return viewFacets.map(({ facet, label }) => ({
    facet,
    label,
    views: pages
      .filter((p) => p.facet === facet && p.part.index === 1)
      .map((p) => ({
        facet,
        id: p.id,
        name: p.label.replace(/^[^:]+: /, ''),
        lines: p.part.total,
        parts: p.part.count,
      })),
  }));
}
