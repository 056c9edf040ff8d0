/**
 * The pure parts of a page's digest for partial builds (src/data/partial-build.ts): a policy
 * without its body, JSON that spells out Maps and Sets, and where a route writes a page.
 */
import type { Policy } from '../schema/policy.ts';

/**
 * The fields of a policy that only the pages declaring that policy show (in `reads`); a change to
 * any other field changes the site digest, so every page is rendered again.
 */
export const bodyFields = ['summary', 'lastReviewed', 'notes', 'revisions', 'searchTerms'] as const;
/** The same, for each of a policy's lines. */
export const lineBodyFields = ['summary', 'criteria', 'advisories', 'caveats', 'gaps'] as const;

/** A policy without its body: what pages that do not declare it may show of it. */
export function policyShape(policy: Policy): unknown {
  const shape: Record<string, unknown> = { ...policy };
  for (const field of bodyFields) delete shape[field];
  shape.lines = policy.lines.map((line) => {
    const rest: Record<string, unknown> = { ...line };
    for (const field of lineBodyFields) delete rest[field];
    return rest;
  });
  return shape;
}

/**
 * JSON with Maps and Sets spelled out, so two values digest alike only when they are alike.
 * `substitute` may replace a value (before it is written) by another, e.g. a digest standing for it.
 */
export function stableJson(value: unknown, substitute?: (v: unknown) => unknown): string {
  return JSON.stringify(value, (_key, raw: unknown) => {
    const v = substitute ? substitute(raw) : raw;
    if (v instanceof Map) return { '<map>': [...v] };
    if (v instanceof Set) return { '<set>': [...v] };
    if (typeof v === 'function') throw new Error('a page digest cannot cover a function');
    if (typeof v === 'number' && !Number.isFinite(v)) return `<number ${String(v)}>`;
    return v;
  });
}

/** The output file of a page: the route pattern with its params filled in. */
export function outputFile(pattern: string, params: Record<string, string | undefined>): string {
  const path = pattern.replace(/\[(\w+)\]/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${pattern}: no value for [${name}]`);
    return value;
  });
  return (path.endsWith('/') ? `${path}index.html` : path).replace(/^\//, '');
}
