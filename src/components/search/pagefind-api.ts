/**
 * The part of pagefind's browser API (pagefind.js, written into dist/pagefind/ by `pagefind
 * --site`) that the search island uses. The npm package's own types describe its Node indexing
 * API, not this one, so the few calls used are typed here.
 * @see https://pagefind.app/docs/api/
 */

/** Compound filter: a page matches when it has any of the values. */
export type PagefindFilters = Record<string, { any: string[] }>;

export interface PagefindResultData {
  /** Page URL, e.g. `/policies/cohere-ma-v3/`. */
  url: string;
  /** Text around the best match, HTML with `<mark>` around matched words. */
  excerpt: string;
  /** `title` is the page's first h1. */
  meta: Record<string, string | undefined>;
  /** The page's `data-pagefind-filter` values. */
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  /** Per filter and value: how many of the results have it. */
  filters: Record<string, Record<string, number>>;
}

export interface PagefindApi {
  options(options: {
    excerptLength?: number;
    basePath?: string;
    ranking?: {
      pageLength?: number;
      termFrequency?: number;
      termSaturation?: number;
      termSimilarity?: number;
      /** Boost for matches in metadata fields, by field name (pagefind's default: title 5). */
      metaWeights?: Record<string, number>;
    };
  }): Promise<void>;
  init(): Promise<void>;
  /** `null` as the term lists every page matching the filters. */
  search(term: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
