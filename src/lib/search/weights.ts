/**
 * Pagefind weights for page titles. The pages about a thing (a study, a guideline, a policy) put
 * it in their title at the highest weight pagefind allows, so searching for a trial's or policy's
 * name finds its page before the bibliography records and pages that merely mention it.
 */
export const titleWeight = 10;
