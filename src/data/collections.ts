/**
 * Astro-side access to the content collections, shared by every page: reads each collection
 * once, sorts it, and compiles the policies for the engine. Pages call this, then src/lib.
 */
import { getCollection, getEntry, render } from 'astro:content';
import { compilePolicies } from '../lib/engine/compile.ts';
import { compileCriteriaSets } from '../lib/engine/compile-criteria-sets.ts';
import type { SourceLookup } from '../lib/compare/citation-nodes.ts';
import type { EvaluablePolicy } from '../lib/engine/types.ts';
import type { Article } from '../lib/schema/article.ts';
import type { Chart } from '../lib/schema/chart.ts';
import type { Claim } from '../lib/schema/claim.ts';
import type { CriteriaSet } from '../lib/schema/criteria-set.ts';
import type { Finding } from '../lib/schema/finding.ts';
import type { Guideline } from '../lib/schema/guideline.ts';
import type { Payer } from '../lib/schema/payer.ts';
import type { Policy } from '../lib/schema/policy.ts';
import type { Source } from '../lib/schema/source.ts';
import type { Study } from '../lib/schema/study.ts';

export interface Entry<T> {
  id: string;
  data: T;
}

export interface SiteContent {
  sources: Entry<Source>[];
  payers: Entry<Payer>[];
  policies: Entry<Policy>[];
  studies: Entry<Study>[];
  guidelines: Entry<Guideline>[];
  claims: Entry<Claim>[];
  /** Trial eligibility and guideline selection criteria, including sets whose criteria were not read. */
  criteriaSets: Entry<CriteriaSet>[];
  charts: Entry<Chart>[];
  articles: Entry<Article>[];
  findings: Entry<Finding>[];
  sourceById: ReadonlyMap<string, Source>;
  payerById: ReadonlyMap<string, Payer>;
  /** Every evaluable line (current versions by line id, superseded as `line@policy`). */
  lines: EvaluablePolicy[];
  /** The encoded criteria sets as evaluable lines (owner: a trial or a guideline, never a payer). */
  evidenceLines: EvaluablePolicy[];
}

let cached: Promise<SiteContent> | undefined;

const byId = <T>(a: Entry<T>, b: Entry<T>) => a.id.localeCompare(b.id);

async function load(): Promise<SiteContent> {
  const [
    sources,
    payers,
    policies,
    studies,
    guidelines,
    claims,
    criteriaSets,
    charts,
    articles,
    findings,
  ] = await Promise.all([
    getCollection('sources'),
    getCollection('payers'),
    getCollection('policies'),
    getCollection('studies'),
    getCollection('guidelines'),
    getCollection('claims'),
    getCollection('criteria-sets'),
    getCollection('charts'),
    getCollection('articles'),
    getCollection('findings'),
  ]);
  const plain = <T>(entries: { id: string; data: T }[]) =>
    entries.map(({ id, data }) => ({ id, data })).sort(byId);
  const policyEntries = plain<Policy>(policies);
  return {
    sources: plain<Source>(sources),
    payers: plain<Payer>(payers),
    policies: policyEntries,
    studies: plain<Study>(studies),
    guidelines: plain<Guideline>(guidelines),
    claims: plain<Claim>(claims),
    criteriaSets: plain<CriteriaSet>(criteriaSets),
    charts: plain<Chart>(charts),
    articles: plain<Article>(articles),
    findings: plain<Finding>(findings),
    sourceById: new Map(sources.map((s) => [s.id, s.data])),
    payerById: new Map(payers.map((p) => [p.id, p.data])),
    lines: compilePolicies(policyEntries),
    evidenceLines: compileCriteriaSets(plain<CriteriaSet>(criteriaSets)),
  };
}

/** The whole site's content, loaded once per build. */
export function siteContent(): Promise<SiteContent> {
  cached ??= load();
  return cached;
}

/** A source's record by id (`undefined` when no file has that id). */
export async function sourceRecord(id: string): Promise<Source | undefined> {
  return (await siteContent()).sourceById.get(id);
}

/** Sources as the comparison's views cite them: short title and verification, by id. */
export async function sourceLookup(): Promise<SourceLookup> {
  const { sourceById } = await siteContent();
  return (id) => {
    const source = sourceById.get(id);
    return source && { title: source['title-short'], verification: source.verification };
  };
}

/** An article's data and its rendered body, for the page that shows it. */
export async function renderedArticle(id: string) {
  const entry = await getEntry('articles', id);
  if (!entry) throw new Error(`src/content/articles/${id}.mdx is missing`);
  const { Content } = await render(entry);
  return { article: entry.data, Content };
}

/** Current evaluable lines only (the ones the checker and comparisons use by default). */
export async function currentLines(): Promise<EvaluablePolicy[]> {
  return (await siteContent()).lines.filter((line) => !line.id.includes('@'));
}
