/**
 * Site-search facets: which filters the search page offers and with which values. Content pages
 * declare their filters as pagefind `data-pagefind-filter` spans (kind, payer, product line,
 * stance); this module derives the same values from the content, so the search page can render
 * its filter form at build time, before the index is loaded. The browser test checks that the
 * values offered here and the values in the built index are the same set.
 */
import { productLineLabel, stanceLabel } from '../format/positions.ts';
import type { Guideline } from '../schema/guideline.ts';
import type { Payer } from '../schema/payer.ts';
import type { Policy } from '../schema/policy.ts';

/** One filter option: the value pagefind indexes and the words shown next to its checkbox. */
export interface FacetOption {
  value: string;
  label: string;
}

/** One group of checkboxes on the search page. */
export interface SearchFacet {
  /** Query-string parameter, e.g. `line` in `/search/?q=bmi&line=Medicaid`. */
  param: string;
  /** Pagefind filter name, as in `data-pagefind-filter="product line"`. */
  filter: string;
  /** Legend of the fieldset. */
  legend: string;
  options: FacetOption[];
}

/** Kinds of page that carry a `kind` filter, in the order the search page lists them. */
export const kindOptions: readonly FacetOption[] = [
  { value: 'policy', label: 'Policies' },
  { value: 'guideline', label: 'Guidelines' },
  { value: 'study', label: 'Studies' },
  { value: 'claim', label: 'AI claims' },
];

const unique = (values: Iterable<string>) =>
  [...new Set(values)].sort((a, b) => a.localeCompare(b));
const asOptions = (values: Iterable<string>): FacetOption[] =>
  unique(values).map((value) => ({ value, label: value }));

/** The facets offered by the search page, from the content that the indexed pages render. */
export function searchFacets(content: {
  policies: readonly Policy[];
  payers: ReadonlyMap<string, Payer>;
  guidelines: readonly Guideline[];
}): SearchFacet[] {
  const payers = content.policies
    .map((p) => content.payers.get(p.payer)?.shortName)
    .filter((n): n is string => Boolean(n));
  const lines = content.policies.flatMap((p) =>
    p.lines.flatMap((l) => l.productLines.map((x) => productLineLabel[x])),
  );
  const stances = content.guidelines.map((g) => stanceLabel[g.stance]);
  return [
    { param: 'kind', filter: 'kind', legend: 'Kind of page', options: [...kindOptions] },
    { param: 'payer', filter: 'payer', legend: 'Payer', options: asOptions(payers) },
    { param: 'line', filter: 'product line', legend: 'Product line', options: asOptions(lines) },
    { param: 'stance', filter: 'stance', legend: 'Guideline stance', options: asOptions(stances) },
  ].filter((facet) => facet.options.length > 0);
}
