/**
 * What values a fact (or a field of a list item) can take, read from the fact catalogue's own
 * schemas, so that comparisons and example patients only ever use values a chart could hold.
 * Build-time only: it uses zod's JSON Schema generator, which the browser checker does not need.
 */
import { toJSONSchema } from 'zod/v4/core';
import { facts, itemFields, type ItemKind } from '../facts/catalog.ts';

/** The shape of one fact or item field. */
export interface FieldDomain {
  /** `bmi` for a fact, `spondylolisthesis[].mm` for a field of a list item. */
  path: string;
  fact: string;
  field?: string;
  /** Label from the catalogue, e.g. "Slip". */
  label: string;
  /** Unit from the catalogue, e.g. "mm". */
  unit?: string;
  type: 'integer' | 'number' | 'boolean' | 'enum' | 'string' | 'list';
  /** Allowed values in catalogue order, for enums (strings or numeric literals). */
  values?: readonly (string | number)[];
  minimum?: number;
  maximum?: number;
  /** Longest list allowed, for lists. */
  maxItems?: number;
  /** Item kind of a list fact. */
  item?: ItemKind;
}

interface JsonSchemaLike {
  type?: string;
  enum?: (string | number)[];
  anyOf?: { const?: string | number }[];
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

interface CatalogueEntry {
  schema: unknown;
  label: string;
  unit?: string;
  item?: ItemKind;
}

const cache = new Map<string, FieldDomain | undefined>();

/** The domain of `fact`, or of `field` inside one item of the list-valued `fact`; undefined when the catalogue has no such entry. */
export function fieldDomain(fact: string, field?: string): FieldDomain | undefined {
  const path = field === undefined ? fact : `${fact}[].${field}`;
  if (cache.has(path)) return cache.get(path);
  const top = (facts as Record<string, CatalogueEntry>)[fact];
  const entry =
    field === undefined
      ? top
      : top?.item
        ? (itemFields[top.item] as Record<string, CatalogueEntry>)[field]
        : undefined;
  const domain = entry ? toDomain(path, fact, field, entry) : undefined;
  cache.set(path, domain);
  return domain;
}

function toDomain(
  path: string,
  fact: string,
  field: string | undefined,
  entry: CatalogueEntry,
): FieldDomain {
  const json = toJSONSchema(entry.schema as Parameters<typeof toJSONSchema>[0]) as JsonSchemaLike;
  const base = { path, fact, field, label: entry.label, unit: entry.unit };
  if (json.type === 'array')
    return { ...base, type: 'list', maxItems: json.maxItems, item: entry.item };
  if (json.enum) return { ...base, type: 'enum', values: json.enum };
  if (json.anyOf?.every((option) => option.const !== undefined))
    return { ...base, type: 'enum', values: json.anyOf.map((option) => option.const!) };
  if (json.type === 'boolean') return { ...base, type: 'boolean' };
  if (json.type === 'integer' || json.type === 'number')
    return { ...base, type: json.type, minimum: json.minimum, maximum: json.maximum };
  return { ...base, type: 'string' };
}

/** The domain of a field of a list item, by item kind (the fact names inside `some`/`every`). */
export function itemFieldDomain(item: ItemKind, field: string): FieldDomain | undefined {
  const list = Object.entries(facts as Record<string, CatalogueEntry>).find(
    ([, entry]) => entry.item === item,
  )?.[0];
  return list ? fieldDomain(list, field) : undefined;
}

/** Catalogue order of a fact's or item field's values, for describing value lists as ranges. */
export function valueOrder(
  fact: string,
  item?: ItemKind,
): readonly (string | number)[] | undefined {
  return (item ? itemFieldDomain(item, fact) : fieldDomain(fact))?.values;
}

/** The domain for a path written `fact` or `fact[].field`. */
export function domainOfPath(path: string): FieldDomain | undefined {
  const match = /^(\w+)(?:\[\]\.(\w+))?$/.exec(path);
  return match ? fieldDomain(match[1]!, match[2]) : undefined;
}
