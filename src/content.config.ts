/**
 * The content collections. Schemas live in src/lib/schema (pure, shared with the CLI and the
 * tests); cross-references are checked by src/lib/content/validate.ts before every build.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { dataFiles } from './loaders/data-files.ts';
import { articleSchema } from './lib/schema/article.ts';
import { claimSchema } from './lib/schema/claim.ts';
import { guidelineSchema } from './lib/schema/guideline.ts';
import { payerSchema } from './lib/schema/payer.ts';
import { policySchema } from './lib/schema/policy.ts';
import { sourceSchema } from './lib/schema/source.ts';
import { studySchema } from './lib/schema/study.ts';

export const collections = {
  sources: defineCollection({ loader: dataFiles('src/content/sources'), schema: sourceSchema }),
  payers: defineCollection({ loader: dataFiles('src/content/payers'), schema: payerSchema }),
  policies: defineCollection({ loader: dataFiles('src/content/policies'), schema: policySchema }),
  studies: defineCollection({ loader: dataFiles('src/content/studies'), schema: studySchema }),
  guidelines: defineCollection({ loader: dataFiles('src/content/guidelines'), schema: guidelineSchema }),
  claims: defineCollection({ loader: dataFiles('src/content/claims'), schema: claimSchema }),
  articles: defineCollection({ loader: glob({ base: './src/content/articles', pattern: '**/[^_]*.mdx' }), schema: articleSchema }),
};
