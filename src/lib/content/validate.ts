/**
 * Validates the whole content tree: each file against its collection's schema, then every
 * cross-reference (source ids, section locators, payers, lines, facts, concepts). Pure: it takes
 * parsed files and returns errors, each naming the file, the field and what was expected.
 * The content check script, the Astro build, the CLI and the tests all call this.
 */
import type { z } from 'astro/zod';
import { facts, itemFields, type ItemKind } from '../facts/catalog.ts';
import { PatientFacts } from '../facts/schema.ts';
import { conceptById } from '../criteria/concepts.ts';
import { borrowSpec } from '../criteria/prune.ts';
import { walkCriteria } from '../criteria/walk.ts';
import { articleSchema } from '../schema/article.ts';
import { chartReferences, chartSchema, type Chart } from '../schema/chart.ts';
import { claimSchema, type Claim } from '../schema/claim.ts';
import { criteriaSetSchema, type CriteriaSet } from '../schema/criteria-set.ts';
import { findingSchema, type Finding } from '../schema/finding.ts';
import type { Citation } from '../schema/common.ts';
import type { CriterionNode } from '../schema/criteria.ts';
import { guidelineSchema, type Guideline } from '../schema/guideline.ts';
import { payerSchema, type Payer } from '../schema/payer.ts';
import { policySchema, type Policy } from '../schema/policy.ts';
import { sourceSchema, type Source } from '../schema/source.ts';
import { studySchema, type Study } from '../schema/study.ts';
import type { Article } from '../schema/article.ts';
import { mdxComponents } from './mdx-components.ts';

/** One content file as read from disk. */
export interface ContentFile {
  /** Collection folder name, e.g. `policies`. */
  collection: string;
  /** Entry id: the file name without extension. */
  id: string;
  /** Path relative to the project root, used in messages. */
  path: string;
  /** Parsed data (frontmatter for MDX). */
  data: unknown;
  /** MDX body, for citation components. */
  body?: string;
  /** Line number in the file where the MDX body starts (1-based), for messages. */
  bodyLine?: number;
  /** Set when the file could not be parsed. */
  error?: string;
}

/** A problem in one file. */
export interface ContentError {
  path: string;
  field: string;
  message: string;
}

export interface ValidContent {
  sources: Map<string, Source>;
  payers: Map<string, Payer>;
  policies: Map<string, Policy>;
  studies: Map<string, Study>;
  guidelines: Map<string, Guideline>;
  claims: Map<string, Claim>;
  'criteria-sets': Map<string, CriteriaSet>;
  charts: Map<string, Chart>;
  articles: Map<string, Article & { body: string; bodyLine: number }>;
  findings: Map<string, Finding>;
}

const schemas: Record<keyof ValidContent, z.ZodType> = {
  sources: sourceSchema,
  payers: payerSchema,
  policies: policySchema,
  studies: studySchema,
  guidelines: guidelineSchema,
  claims: claimSchema,
  'criteria-sets': criteriaSetSchema,
  charts: chartSchema,
  articles: articleSchema,
  findings: findingSchema,
};

/** Formats a zod issue path as `lines[0].criteria.children[3].citation.source`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return (
    path
      .map((part, i) =>
        typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
      )
      .join('') || '(entry)'
  );
}

/** Formats errors one per line: `file: field: message`. */
export function formatErrors(errors: readonly ContentError[]): string {
  return errors.map((e) => `${e.path}: ${e.field}: ${e.message}`).join('\n');
}

/** Validates every file and every cross-reference. */
export function validateContent(files: readonly ContentFile[]): {
  errors: ContentError[];
  content: ValidContent;
} {
  const errors: ContentError[] = [];
  const content: ValidContent = {
    sources: new Map(),
    payers: new Map(),
    policies: new Map(),
    studies: new Map(),
    guidelines: new Map(),
    claims: new Map(),
    'criteria-sets': new Map(),
    charts: new Map(),
    articles: new Map(),
    findings: new Map(),
  };
  const pathOf = new Map<string, string>();

  for (const file of files) {
    if (!(file.collection in schemas)) {
      errors.push({
        path: file.path,
        field: '(file)',
        message: `unknown collection "${file.collection}"`,
      });
      continue;
    }
    const collection = file.collection as keyof ValidContent;
    if (file.error) {
      errors.push({ path: file.path, field: '(file)', message: file.error });
      continue;
    }
    const key = `${collection}/${file.id}`;
    if (pathOf.has(key)) {
      errors.push({
        path: file.path,
        field: '(id)',
        message: `duplicate id "${file.id}": also used by ${pathOf.get(key)}`,
      });
      continue;
    }
    pathOf.set(key, file.path);
    const result = schemas[collection].safeParse(file.data);
    if (!result.success) {
      for (const issue of result.error.issues)
        errors.push(
          issue.code === 'unrecognized_keys'
            ? {
                path: file.path,
                field: formatPath([...issue.path, issue.keys.join(', ')]),
                message: 'unknown field (not in the schema: check the spelling)',
              }
            : { path: file.path, field: formatPath(issue.path), message: issue.message },
        );
      continue;
    }
    const data =
      collection === 'articles'
        ? { ...(result.data as Article), body: file.body ?? '', bodyLine: file.bodyLine ?? 1 }
        : result.data;
    (content[collection] as Map<string, unknown>).set(file.id, data);
  }

  const where = (collection: string, id: string) =>
    pathOf.get(`${collection}/${id}`) ?? `${collection}/${id}`;
  errors.push(...checkReferences(content, where));
  return { errors, content };
}

/** Cross-reference checks over schema-valid content. */
function checkReferences(
  content: ValidContent,
  where: (collection: string, id: string) => string,
): ContentError[] {
  const errors: ContentError[] = [];

  const checkCitation = (path: string, field: string, c: Citation) => {
    const source = content.sources.get(c.source);
    if (!source) {
      errors.push({
        path,
        field: field.startsWith('<Cite>') ? field : `${field}.source`,
        message: `unknown source "${c.source}" (expected the id of a file in src/content/sources)`,
      });
      return;
    }
    if (c.section && source.sections && !source.sections.includes(c.section))
      errors.push({
        path,
        field: field.startsWith('<Cite>') ? field : `${field}.section`,
        message: `source "${c.source}" has no section "${c.section}" (expected one of: ${source.sections.join('; ')})`,
      });
  };
  /** Finds every citation-shaped object inside an entry and checks it. */
  const checkAllCitations = (path: string, value: unknown, field: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => checkAllCitations(path, v, `${field}[${i}]`));
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (
        typeof record.source === 'string' &&
        ('section' in record || 'page' in record || 'table' in record)
      )
        checkCitation(path, field, record as unknown as Citation);
      // A citation's own `source` is an id string; any other object-valued field may hold citations.
      for (const [k, v] of Object.entries(record))
        if (typeof v === 'object') checkAllCitations(path, v, field ? `${field}.${k}` : k);
    }
  };
  const requireSource = (path: string, field: string, id: string) => {
    if (!content.sources.has(id))
      errors.push({
        path,
        field,
        message: `unknown source "${id}" (expected the id of a file in src/content/sources)`,
      });
  };

  for (const [id, source] of content.sources)
    source.related?.forEach((r, i) => requireSource(where('sources', id), `related[${i}]`, r));
  // RIS keeps 20 characters of an ID, so two sources whose ids share them would export alike.
  const risIds = new Map<string, string>();
  for (const id of content.sources.keys()) {
    const other = risIds.get(id.slice(0, 20));
    if (other)
      errors.push({
        path: where('sources', id),
        field: '(file name)',
        message: `the id shares its first 20 characters with "${other}"; RIS exports keep only 20, so rename one of them`,
      });
    else risIds.set(id.slice(0, 20), id);
  }

  // Policies: payers, versions, lines, criteria.
  const lineOwner = new Map<string, { policy: string; index: number }>();
  for (const [id, policy] of content.policies) {
    const path = where('policies', id);
    checkAllCitations(path, policy, '');
    if (!content.payers.has(policy.payer))
      errors.push({
        path,
        field: 'payer',
        message: `unknown payer "${policy.payer}" (expected the id of a file in src/content/payers)`,
      });
    if (policy.supersedes && !content.policies.has(policy.supersedes))
      errors.push({ path, field: 'supersedes', message: `unknown policy "${policy.supersedes}"` });
    policy.lines.forEach((line, index) => {
      if (policy.status !== 'current') return;
      const other = lineOwner.get(line.id);
      if (other)
        errors.push({
          path,
          field: `lines[${index}].id`,
          message: `duplicate line id "${line.id}": also used by ${where('policies', other.policy)}`,
        });
      else lineOwner.set(line.id, { policy: id, index });
    });
    const nodeIds = new Map<string, string>();
    const claimId = (id: string, field: string) => {
      const seen = nodeIds.get(id);
      if (seen)
        errors.push({
          path,
          field: `${field}.id`,
          message: `duplicate criterion id "${id}" (also at ${seen})`,
        });
      else nodeIds.set(id, field);
    };
    policy.lines.forEach((line, index) => {
      if (line.criteria)
        walkCriteria(line.criteria, (node, context) => {
          const field = `lines[${index}].criteria${context.path}`;
          claimId(node.id, field);
          errors.push(...checkNode(path, field, node, context.item));
          // Comparisons (matrix, pair pages, examples) do not model cross-list matches yet.
          if (node.kind === 'match')
            errors.push({
              path,
              field: `${field}.kind`,
              message: '`match` is allowed only in an advisory condition, not in criteria',
            });
        });
      line.advisories?.forEach((advisory, a) => {
        const base = `lines[${index}].advisories[${a}]`;
        claimId(advisory.id, base);
        if (advisory.concept && !conceptById.has(advisory.concept))
          errors.push({
            path,
            field: `${base}.concept`,
            message: `unknown concept "${advisory.concept}" (expected an id from src/lib/criteria/concepts.ts)`,
          });
        walkCriteria(advisory.condition, (node, context) => {
          const field = `${base}.condition${context.path}`;
          claimId(node.id, field);
          errors.push(...checkNode(path, field, node, context.item));
        });
      });
    });
  }
  for (const [id, policy] of content.policies) {
    const path = where('policies', id);
    policy.lines.forEach((line, index) => {
      if (line.criteriaFrom) {
        const spec = borrowSpec(line.criteriaFrom);
        const owner = lineOwner.get(spec.line);
        const target = owner && content.policies.get(owner.policy)?.lines[owner.index];
        const field = `lines[${index}].criteriaFrom`;
        if (!target)
          errors.push({
            path,
            field,
            message: `unknown line "${spec.line}" (expected the id of a current policy line)`,
          });
        else if (!target.criteria)
          errors.push({
            path,
            field,
            message: `line "${spec.line}" has no criteria of its own to reuse`,
          });
        else {
          const ids = new Set<string>(target.advisories?.map((a) => a.id));
          walkCriteria(target.criteria, (node) => ids.add(node.id));
          for (const id of spec.without)
            if (!ids.has(id))
              errors.push({
                path,
                field: `${field}.without`,
                message: `line "${spec.line}" has no criterion "${id}"`,
              });
        }
      }
      line.lcd?.candidates.forEach((candidate, i) => {
        const owner = lineOwner.get(candidate);
        const lcdPolicy = owner && content.policies.get(owner.policy);
        if (!lcdPolicy)
          errors.push({
            path,
            field: `lines[${index}].lcd.candidates[${i}]`,
            message: `unknown line "${candidate}" (expected the line id of an LCD policy)`,
          });
        else if (!lcdPolicy.jurisdiction)
          errors.push({
            path,
            field: `lines[${index}].lcd.candidates[${i}]`,
            message: `"${candidate}" is not an LCD line (its policy has no jurisdiction)`,
          });
      });
    });
  }

  // A search term sends readers to a policy, so the policy must say it (in a cited note).
  for (const [id, policy] of content.policies)
    policy.searchTerms.forEach((term, i) => {
      if (!policy.notes.some((n) => n.text.toLowerCase().includes(term.toLowerCase())))
        errors.push({
          path: where('policies', id),
          field: `searchTerms[${i}]`,
          message: `"${term}" is not in any of the policy's notes (a search term must be something the page says, with its citation)`,
        });
    });
  for (const [id, study] of content.studies) {
    const path = where('studies', id);
    checkAllCitations(path, study, '');
    requireSource(path, 'source', study.source);
    study.relatedSources.forEach((s, i) => requireSource(path, `relatedSources[${i}]`, s));
    if (study.parent && !content.studies.has(study.parent))
      errors.push({
        path,
        field: 'parent',
        message: `unknown study "${study.parent}" (expected the id of a file in src/content/studies)`,
      });
  }
  for (const [id, finding] of content.findings)
    errors.push(...checkFindingReferences(where('findings', id), finding, content.studies));
  for (const [id, finding] of content.findings)
    checkAllCitations(where('findings', id), finding, '');
  for (const [id, guideline] of content.guidelines) {
    const path = where('guidelines', id);
    checkAllCitations(path, guideline, '');
    requireSource(path, 'source', guideline.source);
  }
  // Criteria sets: owners, sources, criteria (checked like a policy line's), ids shared with no line.
  for (const [id, set] of content['criteria-sets']) {
    const path = where('criteria-sets', id);
    checkAllCitations(path, set, '');
    if (lineOwner.has(id))
      errors.push({
        path,
        field: '(id)',
        message: `id "${id}" is also a policy line id (${where('policies', lineOwner.get(id)!.policy)}); a criteria set needs an id of its own`,
      });
    if (set.owner.kind === 'trial-eligibility' && !content.studies.has(set.owner.study))
      errors.push({
        path,
        field: 'owner.study',
        message: `unknown study "${set.owner.study}" (expected the id of a file in src/content/studies)`,
      });
    if (set.owner.kind === 'guideline-selection' && !content.guidelines.has(set.owner.guideline))
      errors.push({
        path,
        field: 'owner.guideline',
        message: `unknown guideline "${set.owner.guideline}" (expected the id of a file in src/content/guidelines)`,
      });
    const seen = new Map<string, string>();
    if (set.criteria)
      walkCriteria(set.criteria, (node, context) => {
        const field = `criteria${context.path}`;
        const earlier = seen.get(node.id);
        if (earlier)
          errors.push({
            path,
            field: `${field}.id`,
            message: `duplicate criterion id "${node.id}" (also at ${earlier})`,
          });
        else seen.set(node.id, field);
        errors.push(...checkNode(path, field, node, context.item));
        if (node.kind === 'match')
          errors.push({
            path,
            field: `${field}.kind`,
            message: '`match` is allowed only in an advisory condition, not in criteria',
          });
      });
  }
  // A chart's numbers, intervals and citations are the study rows it names: each must exist.
  for (const [id, chart] of content.charts) {
    const path = where('charts', id);
    const outcomeAt = (field: string, ref: { study: string; outcome: string }) => {
      const study = content.studies.get(ref.study);
      if (!study) {
        errors.push({
          path,
          field: `${field}.study`,
          message: `unknown study "${ref.study}" (expected the id of a file in src/content/studies)`,
        });
        return undefined;
      }
      const row = study.outcomes.find((o) => o.id === ref.outcome);
      if (!row)
        errors.push({
          path,
          field: `${field}.outcome`,
          message: `study "${ref.study}" has no outcome "${ref.outcome}" (expected one of: ${study.outcomes.map((o) => o.id).join(', ')})`,
        });
      return row;
    };
    const rows = new Map(
      chartReferences(chart).map(({ field, ref }) => [field, outcomeAt(field, ref)]),
    );
    if (chart.kind === 'responders')
      chart.pairs.forEach((pair, i) => {
        const treatment = rows.get(`pairs[${i}].treatment`);
        const comparator = rows.get(`pairs[${i}].comparator`);
        if (
          treatment &&
          comparator &&
          (treatment.timepointMonths !== comparator.timepointMonths ||
            treatment.responderDefinition !== comparator.responderDefinition)
        )
          errors.push({
            path,
            field: `pairs[${i}]`,
            message: `both arms need the same timepoint and responder definition (got ${treatment.timepointMonths} and ${comparator.timepointMonths} months; "${treatment.responderDefinition}" and "${comparator.responderDefinition}")`,
          });
      });
    if (chart.kind === 'trajectory')
      chart.series.forEach((series, i) =>
        series.points.forEach((_, j) => {
          const row = rows.get(`series[${i}].points[${j}]`);
          if (row && (row.measure !== 'odi' || row.statistic !== 'mean-change'))
            errors.push({
              path,
              field: `series[${i}].points[${j}]`,
              message: `the ODI-over-time chart plots mean change in ODI (got ${row.measure} ${row.statistic})`,
            });
        }),
      );
  }
  for (const [id, claim] of content.claims) {
    const path = where('claims', id);
    checkAllCitations(path, claim, '');
    requireSource(path, 'claimant', claim.claimant);
    if (claim.engineCheck) {
      const parsed = PatientFacts.safeParse(claim.engineCheck.facts);
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          errors.push({
            path,
            field: formatPath(['engineCheck', 'facts', ...issue.path]),
            message: issue.message,
          });
      claim.engineCheck.against.forEach((set, i) => {
        const entry = content['criteria-sets'].get(set);
        if (!entry || entry.status !== 'encoded')
          errors.push({
            path,
            field: `engineCheck.against[${i}]`,
            message: `"${set}" is not an encoded criteria set (expected the id of a file in src/content/criteria-sets whose criteria were read)`,
          });
      });
    }
  }
  for (const [id, article] of content.articles) {
    const path = where('articles', id);
    const fileLine = (bodyLine: number) => bodyLine + article.bodyLine - 1;
    const { uses, error } = mdxComponents(article.body, ['Cite', 'StudyValue']);
    if (error)
      errors.push({ path, field: `body (line ${fileLine(error.line)})`, message: error.message });
    for (const cite of uses.get('Cite') ?? []) {
      const where = `<Cite> on line ${fileLine(cite.line)}`;
      const { source, section, page, table, item, verification } = cite.attributes;
      if (cite.expressions.length > 0)
        errors.push({
          path,
          field: where,
          message: `give ${cite.expressions.join(', ')} as plain text ("…"), not {…}, so it can be checked`,
        });
      else if (!source)
        errors.push({ path, field: where, message: 'needs a source="…" attribute' });
      else if (!section && !page && !table)
        errors.push({ path, field: where, message: 'needs a locator: section, page or table' });
      else
        checkCitation(path, where, {
          source,
          section,
          page,
          table,
          item,
          verification,
        } as Citation);
    }
    // Numbers in articles come from study entries through <StudyValue>; a wrong reference fails here, not at render time.
    for (const ref of uses.get('StudyValue') ?? []) {
      const field = `body (line ${fileLine(ref.line)})`;
      const { study: studyId, outcome, arm } = ref.attributes;
      const study = studyId ? content.studies.get(studyId) : undefined;
      if (!studyId || !study)
        errors.push({
          path,
          field,
          message: `<StudyValue> needs study="…" naming a file in src/content/studies (got "${studyId ?? ''}")`,
        });
      else if (outcome && !study.outcomes.some((o) => o.id === outcome))
        errors.push({
          path,
          field,
          message: `study "${studyId}" has no outcome "${outcome}" (expected one of: ${study.outcomes.map((o) => o.id).join(', ')})`,
        });
      else if (arm && !study.arms.some((a) => a.id === arm))
        errors.push({
          path,
          field,
          message: `study "${studyId}" has no arm "${arm}" (expected one of: ${study.arms.map((a) => a.id).join(', ')})`,
        });
      else if (!outcome === !arm)
        errors.push({
          path,
          field,
          message: '<StudyValue> needs exactly one of outcome="…" or arm="…"',
        });
    }
  }
  return errors;
}

/** A summary-of-findings entry's references: every study, outcome row and adverse-event figure it names must exist. */
function checkFindingReferences(
  path: string,
  finding: Finding,
  studies: ReadonlyMap<string, Study>,
): ContentError[] {
  const errors: ContentError[] = [];
  const studyList = () => [...studies.keys()].join(', ');
  const study = (id: string, field: string) => {
    const found = studies.get(id);
    if (!found)
      errors.push({
        path,
        field,
        message: `unknown study "${id}" (expected one of: ${studyList()})`,
      });
    return found;
  };
  const outcome = (ref: { study: string; outcome: string }, field: string) => {
    const s = study(ref.study, `${field}.study`);
    if (s && !s.outcomes.some((o) => o.id === ref.outcome))
      errors.push({
        path,
        field: `${field}.outcome`,
        message: `study "${ref.study}" has no outcome "${ref.outcome}" (expected one of: ${s.outcomes.map((o) => o.id).join(', ')})`,
      });
  };
  finding.rows.forEach((row, i) => {
    const at = `rows[${i}]`;
    row.studies.forEach((id, j) => study(id, `${at}.studies[${j}]`));
    for (const field of ['effect', 'treatment', 'comparator'] as const) {
      const ref = row[field];
      if (ref) outcome(ref, `${at}.${field}`);
    }
    row.observations.forEach((ref, j) => outcome(ref, `${at}.observations[${j}]`));
    row.harms.forEach((ref, j) => {
      const s = study(ref.study, `${at}.harms[${j}].study`);
      if (s && !s.harms.some((h) => h.id === ref.harm))
        errors.push({
          path,
          field: `${at}.harms[${j}].harm`,
          message: `study "${ref.study}" has no harm figure "${ref.harm}" (expected one of: ${s.harms.map((h) => h.id).join(', ') || 'none: add it under harms'})`,
        });
    });
  });
  return errors;
}

/** Checks one criterion node against the fact catalogue and the concept registry. */
function checkNode(
  path: string,
  field: string,
  node: CriterionNode,
  item: ItemKind | undefined,
): ContentError[] {
  const errors: ContentError[] = [];
  if (node.concept && !conceptById.has(node.concept))
    errors.push({
      path,
      field: `${field}.concept`,
      message: `unknown concept "${node.concept}" (expected an id from src/lib/criteria/concepts.ts)`,
    });
  if (node.concept && !node.citation)
    errors.push({
      path,
      field: `${field}.citation`,
      message: `criterion "${node.id}" has a concept and needs a citation of the policy text`,
    });

  if (node.kind === 'match') {
    // `fact` is a top-level list; `on` is a field of the current item and of that list's items.
    const listItem = itemKindOf(node.fact);
    if (!listItem)
      errors.push({
        path,
        field: `${field}.fact`,
        message: `"${node.fact}" is not a list-valued fact; match searches a list`,
      });
    else if (!item)
      errors.push({
        path,
        field: `${field}.kind`,
        message: '`match` compares a list item with another list: put it inside some/every',
      });
    else if (!lookupFact(node.on, item) || !lookupFact(node.on, listItem))
      errors.push({
        path,
        field: `${field}.on`,
        message: `"${node.on}" must be a field of both ${item} and ${listItem} items`,
      });
    return errors;
  }
  if (
    node.kind === 'compare' ||
    node.kind === 'count' ||
    node.kind === 'some' ||
    node.kind === 'every'
  ) {
    const spec = lookupFact(node.fact, item);
    if (!spec) {
      const known = item ? Object.keys(itemFields[item]) : Object.keys(facts);
      errors.push({
        path,
        field: `${field}.fact`,
        message: `unknown fact "${node.fact}" (expected one of: ${known.join(', ')})`,
      });
      return errors;
    }
    const isList = (spec.schema as { _zod: { def: { type: string } } })._zod.def.type === 'array';
    if (node.kind === 'compare') {
      if (isList)
        errors.push({
          path,
          field: `${field}.fact`,
          message: `"${node.fact}" is a list: compare its items with some/every, or its length with count`,
        });
      const values =
        node.op === 'present' ? [] : Array.isArray(node.value) ? node.value : [node.value];
      values.forEach((value) => {
        if (!safeParseMini(spec.schema, value))
          errors.push({
            path,
            field: `${field}.value`,
            message: `${JSON.stringify(value)} is not a possible value of "${node.fact}"`,
          });
      });
    } else if (!isList) {
      errors.push({
        path,
        field: `${field}.fact`,
        message: `"${node.fact}" is not a list; ${node.kind} needs a list-valued fact`,
      });
    }
  }
  return errors;
}

interface FactLike {
  schema: unknown;
  item?: ItemKind;
}

function lookupFact(key: string, item: ItemKind | undefined): FactLike | undefined {
  if (item) return (itemFields[item] as Record<string, FactLike>)[key];
  return (facts as Record<string, FactLike>)[key];
}

/** The list-item catalogue a list-valued fact uses. */
export function itemKindOf(fact: string): ItemKind | undefined {
  return (facts as Record<string, FactLike>)[fact]?.item;
}

function safeParseMini(schema: unknown, value: unknown): boolean {
  return (schema as { safeParse(v: unknown): { success: boolean } }).safeParse(value).success;
}
