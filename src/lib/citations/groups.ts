/** How the bibliography and the citation basket group sources, in display order. */
import type { SourceKind } from '../schema/source.ts';

export const sourceGroups: readonly { kind: readonly SourceKind[]; title: string }[] = [
  { kind: ['seed'], title: 'Seed documents (AI answer pages)' },
  { kind: ['payer-policy'], title: 'Payer policies' },
  { kind: ['lcd', 'billing-article', 'cms-article'], title: 'Medicare LCDs and articles' },
  { kind: ['guideline'], title: 'Guidelines and society statements' },
  { kind: ['trial', 'cohort', 'case-report'], title: 'Trials and cohorts' },
  { kind: ['review', 'economic-evaluation'], title: 'Reviews and models' },
  { kind: ['appeal-decision'], title: 'External appeal decisions' },
  { kind: ['web-page', 'other'], title: 'Other pages and notes' },
];
