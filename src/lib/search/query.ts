/**
 * The search page's state as a URL and as a pagefind query: pure functions shared by the
 * browser island and the unit tests. The URL is the state, so a search can be bookmarked,
 * shared, and started from the header's plain GET form (`/search/?q=…`).
 */

/** What the user asked for: the words and the checked filter values per facet parameter. */
export interface SearchState {
  query: string;
  /** Checked values by query-string parameter (`kind`, `payer`, `line`, `stance`). */
  selected: Record<string, string[]>;
}

/** Reads the state from a query string; unknown parameters are ignored. */
export function readState(search: string, params: readonly string[]): SearchState {
  const url = new URLSearchParams(search);
  const selected: Record<string, string[]> = {};
  for (const param of params) {
    const values = [...new Set(url.getAll(param).filter((v) => v.length > 0))];
    if (values.length > 0) selected[param] = values;
  }
  return { query: (url.get('q') ?? '').trim(), selected };
}

/** Writes the state as a query string (`?q=…&kind=…`), empty when there is nothing to search. */
export function writeState(state: SearchState): string {
  const url = new URLSearchParams();
  if (state.query) url.set('q', state.query);
  for (const [param, values] of Object.entries(state.selected))
    for (const value of values) url.append(param, value);
  const text = url.toString();
  return text ? `?${text}` : '';
}

/** Pagefind's filter object: any checked value within a facet, every facet that has one. */
export function pagefindFilters(
  state: SearchState,
  filterOf: Readonly<Record<string, string>>,
): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const [param, values] of Object.entries(state.selected)) {
    const filter = filterOf[param];
    if (filter && values.length > 0) filters[filter] = { any: values };
  }
  return filters;
}

/** Whether there is anything to search for: words, or at least one filter on its own. */
export function hasSearch(state: SearchState): boolean {
  return state.query.length > 0 || Object.values(state.selected).some((v) => v.length > 0);
}

/** The sentence the live region announces after each search. */
export function resultSummary(count: number, state: SearchState): string {
  const filters = Object.values(state.selected).reduce((n, v) => n + v.length, 0);
  const results = count === 0 ? 'No results' : count === 1 ? '1 result' : `${count} results`;
  const words = state.query ? ` for “${state.query}”` : '';
  const narrowed =
    filters === 0 ? '' : filters === 1 ? ', with 1 filter' : `, with ${filters} filters`;
  return `${results}${words}${narrowed}.`;
}
