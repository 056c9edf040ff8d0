/**
 * Pagefind weights (0 to 10; plain text counts 1, an h1 7 by default). The page about a thing
 * outranks the pages that record or repeat it: a study's, guideline's or policy's own title, and
 * a policy's numbers and codes, weigh the most; the titles of source records and AI claims weigh
 * less than ordinary headings, so a search for "L39420" or "64628" lands on the LCD or policy
 * that applies it before the bibliography record or the AI answer that mentions it.
 */

/** The title of the page about a study, guideline or policy. */
export const titleWeight = 10;

/** A policy's number, LCD id, billing articles and procedure codes, on its own page. */
export const codeWeight = 10;

/** A criteria-matrix row's criterion name (Modic changes, spondylolisthesis, …). */
export const criterionWeight = 5;

/** The title of a page that records or quotes another document: a source record, an AI claim. */
export const recordTitleWeight = 2;

/** The text of a source record (what a document is and says): findable, below the pages that use it. */
export const recordTextWeight = 0.5;

/**
 * How pagefind ranks, for the search page. A weak short-page bonus (default 0.75) ranks the
 * detailed policy and study pages above their one-paragraph records ("SMART" finds the trial's
 * study pages first; 0.5 let a record outrank the 2018 page). A match in a page's `keywords`
 * (its codes and numbers, see src/lib/search/keywords.ts) adds far more than a match in a title
 * (pagefind's default 5 let an AI claim whose title says "Modic type 1" outrank the matrix for
 * "Modic type 3"), so a code leads to the page that applies it, not the record that names it.
 */
export const searchRanking = {
  pageLength: 0.2,
  metaWeights: { title: 2, keywords: 10 },
};
