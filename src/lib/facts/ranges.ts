/** Reading a numeric fact's allowed range back from its zod/mini schema (for messages and form attributes). */

interface CheckDef {
  check?: string;
  value?: number;
  inclusive?: boolean;
}
interface SchemaLike {
  _zod: { def: { type?: string; checks?: { _zod: { def: CheckDef } }[] } };
}

/** `{ min, max, integer }` of a number schema; undefined bounds when the schema has none. */
export function numericRange(schema: unknown): { min?: number; max?: number; integer: boolean } {
  const def = (schema as SchemaLike)._zod.def;
  const range: { min?: number; max?: number; integer: boolean } = { integer: false };
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'greater_than') range.min = c.value;
    if (c.check === 'less_than') range.max = c.value;
    if (c.check === 'number_format') range.integer = true;
  }
  if ((def as { format?: string }).format === 'safeint') range.integer = true;
  return range;
}
