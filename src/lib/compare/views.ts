/**
 * Filtered views of the criteria matrix, one static page each (no JavaScript): by payer type
 * and by product line. A view lists the lines it shows; the matrix is recomputed for them, so
 * "same" and "differs" are relative to the lines in view.
 */
import type { EvaluablePolicy } from '../engine/types.ts';
import { productLineLabel } from '../format/positions.ts';
import type { PayerKind } from '../schema/payer.ts';
import type { ProductLine } from '../schema/policy.ts';
import { productLines } from '../facts/vocabulary.ts';

/** Plain words for payer types. */
export const payerKindLabel: Record<PayerKind, string> = {
  'medicare-contractor': 'Medicare contractors (LCDs)',
  'medicare-advantage-vendor': 'Medicare Advantage review vendors',
  'health-plan': 'Health plans',
  'blue-cross-blue-shield': 'Blue Cross Blue Shield plans',
  unidentified: 'Issuer not identified',
};

const payerKinds = Object.keys(payerKindLabel) as PayerKind[];

export interface MatrixView {
  /** Page id, e.g. `payer-type-health-plan` (URL /compare/views/<id>/). */
  id: string;
  facet: 'payer-type' | 'product-line';
  value: PayerKind | ProductLine;
  /** E.g. "Payer type: Health plans". */
  label: string;
  /** Line ids shown, in the matrix's column order. */
  lines: string[];
}

/** URL of a view. */
export function viewPath(id: string): string {
  return `/compare/views/${id}/`;
}

/** Every non-empty view of `lines`; `payerKindOf` gives the kind of the payer that issued a line's policy. */
export function matrixViews(
  lines: readonly EvaluablePolicy[],
  payerKindOf: (line: EvaluablePolicy) => PayerKind | undefined,
): MatrixView[] {
  const views: MatrixView[] = [];
  for (const kind of payerKinds) {
    const shown = lines.filter((l) => payerKindOf(l) === kind).map((l) => l.id);
    if (shown.length)
      views.push({
        id: `payer-type-${kind}`,
        facet: 'payer-type',
        value: kind,
        label: `Payer type: ${payerKindLabel[kind]}`,
        lines: shown,
      });
  }
  for (const product of productLines) {
    const shown = lines.filter((l) => l.productLines.includes(product)).map((l) => l.id);
    if (shown.length)
      views.push({
        id: `product-line-${product}`,
        facet: 'product-line',
        value: product,
        label: `Product line: ${productLineLabel[product]}`,
        lines: shown,
      });
  }
  return views;
}
