/**
 * Random valid patient facts for property tests and the engine benchmark, generated from the
 * fact catalogue's own zod/mini schemas (so a new fact is covered without editing this file).
 * Numbers are drawn near the policies' thresholds as often as elsewhere in their range.
 */
import fc from 'fast-check';
import { facts } from '../../src/lib/facts/catalog.ts';
import { numericRange } from '../../src/lib/facts/ranges.ts';
import type { PatientFacts } from '../../src/lib/facts/schema.ts';

/** Values the encoded policies compare against, so boundaries are hit often. */
const thresholds = [-2.5, 0, 1, 2, 3, 4, 5, 6, 12, 18, 24, 25, 26, 40];

interface Def {
  type: string;
  entries?: Record<string, string>;
  values?: unknown[];
  element?: { _zod: { def: Def } };
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  checks?: unknown[];
}

function arbitraryFor(schema: { _zod: { def: Def } }): fc.Arbitrary<unknown> {
  const def = schema._zod.def;
  switch (def.type) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'string':
      return fc.string({ minLength: 1, maxLength: 20 });
    case 'number': {
      const { min = -1000, max = 1000, integer } = numericRange(schema);
      const near = thresholds
        .filter((t) => t >= min && t <= max)
        .flatMap((t) => [t, t - 0.1, t + 0.1])
        .filter((t) => t >= min && t <= max);
      const any = integer
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      return integer
        ? fc.oneof(fc.constantFrom(...near.filter(Number.isInteger)), any)
        : fc.oneof(fc.constantFrom(...near), any);
    }
    case 'array':
      return fc.array(arbitraryFor(def.element!), { maxLength: 5 });
    case 'object': {
      const parts: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, field] of Object.entries(def.shape!)) parts[key] = arbitraryFor(field);
      return fc.record(parts, { requiredKeys: [] });
    }
    case 'optional':
      return arbitraryFor(def.innerType!);
    default:
      throw new Error(`arbitrary-facts: no generator for zod type "${def.type}"`);
  }
}

/** Any valid PatientFacts: each fact present or absent (undocumented) at random. */
export const arbitraryFacts: fc.Arbitrary<PatientFacts> = fc.record(
  Object.fromEntries(
    Object.entries(facts).map(([key, spec]) => [key, arbitraryFor(spec.schema as never)]),
  ),
  { requiredKeys: [] },
);

/**
 * Patients close to a fully documented one: `base` with a random subset of facts removed and
 * a few replaced by random valid values, so that every outcome, `meets` included, occurs often.
 */
export function arbitraryNear(base: PatientFacts): fc.Arbitrary<PatientFacts> {
  const keys = Object.keys(base);
  return fc
    .tuple(
      fc.subarray(keys, { maxLength: 4 }),
      arbitraryFacts,
      fc.subarray(Object.keys(facts), { maxLength: 3 }),
    )
    .map(([removed, random, replaced]) => {
      const result: Record<string, unknown> = { ...structuredClone(base) };
      for (const key of removed) delete result[key];
      for (const key of replaced)
        if (key in random) result[key] = (random as Record<string, unknown>)[key];
      return result;
    });
}
