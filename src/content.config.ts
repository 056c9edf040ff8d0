/**
 * The content collections. Schemas live in src/lib/schema (pure, shared with the CLI and the
 * tests); cross-references are checked by src/lib/content/validate.ts before every build.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { dataFiles } from './loaders/data-files.ts';
import { articleSchema } from './lib/schema/article.ts';
import { chartSchema } from './lib/schema/chart.ts';
import { claimSchema } from './lib/schema/claim.ts';
import { criteriaSetSchema } from './lib/schema/criteria-set.ts';
import { findingSchema } from './lib/schema/finding.ts';
import { guidelineSchema } from './lib/schema/guideline.ts';
import { payerSchema } from './lib/schema/payer.ts';
import { policySchema } from './lib/schema/policy.ts';
import { sourceSchema } from './lib/schema/source.ts';
import { studySchema } from './lib/schema/study.ts';

/** Content folder, relative to the project root; the scale benchmark points it at generated content. */
const root = process.env.BVN_CONTENT_DIR ?? 'src/content';

export const collections = {
  sources: defineCollection({ loader: dataFiles(`${root}/sources`), schema: sourceSchema }),
  payers: defineCollection({ loader: dataFiles(`${root}/payers`), schema: payerSchema }),
  policies: defineCollection({ loader: dataFiles(`${root}/policies`), schema: policySchema }),
  studies: defineCollection({ loader: dataFiles(`${root}/studies`), schema: studySchema }),
  guidelines: defineCollection({
    loader: dataFiles(`${root}/guidelines`),
    schema: guidelineSchema,
  }),
  claims: defineCollection({ loader: dataFiles(`${root}/claims`), schema: claimSchema }),
  'criteria-sets': defineCollection({
    loader: dataFiles(`${root}/criteria-sets`),
    schema: criteriaSetSchema,
  }),
  findings: defineCollection({ loader: dataFiles(`${root}/findings`), schema: findingSchema }),
  charts: defineCollection({ loader: dataFiles(`${root}/charts`), schema: chartSchema }),
  articles: defineCollection({
    loader: glob({ base: `./${root}/articles`, pattern: '**/[^_]*.mdx' }),
    schema: articleSchema,
  }),
};
