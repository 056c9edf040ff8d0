/**
 * `PatientFacts`: the JSON format of one patient's documented facts, shared by the CLI, the
 * browser checker and the tests. Built from the fact catalogue; every key is optional.
 */
import * as z from 'zod/mini';
import { facts, type FactKey } from './catalog.ts';

type Shape = { [K in FactKey]: z.ZodMiniOptional<(typeof facts)[K]['schema']> };

function buildShape(): Shape {
  const shape = {} as Record<string, z.core.$ZodType>;
  for (const [key, spec] of Object.entries(facts)) shape[key] = z.optional(spec.schema);
  return shape as Shape;
}

/** One patient's facts. Unknown keys are rejected so that a typo is not read as "undocumented". */
export const PatientFacts = z.strictObject({
  /** Optional pointer to the published JSON Schema, allowed so exported files validate in editors. */
  $schema: z.optional(z.string().check(z.maxLength(200))),
  ...buildShape(),
});
export type PatientFacts = z.infer<typeof PatientFacts>;
