/** JSON Schema of `PatientFacts`, generated from the zod schema and annotated from the fact catalogue. */
import { toJSONSchema } from 'zod/v4/core';
import { facts, factGroups, itemFields, type FactKey, type ItemKind } from './catalog.ts';
import { factDescriptions, itemFieldDescriptions } from './descriptions.ts';
import { PatientFacts } from './schema.ts';

/** The catalogue's words for one field of a list item (its description is in descriptions.ts). */
type ItemFieldWords = { label: string; unit?: string };

type JsonObject = Record<string, unknown> & {
  properties?: Record<string, JsonObject>;
  items?: JsonObject;
};

/** The schema, with each property's label, description, unit and form group. */
export function patientFactsJsonSchema(): JsonObject {
  const schema = toJSONSchema(PatientFacts, { target: 'draft-2020-12' }) as JsonObject;
  schema.$id = '/schema/patient-facts.json';
  schema.title = 'BVN Atlas patient facts';
  schema.description =
    'One patient’s documented facts for evaluating BVN ablation policies. Every property is optional: an absent property means undocumented, which is different from false.';
  for (const [key, spec] of Object.entries(facts)) {
    const property = schema.properties?.[key];
    if (!property) continue;
    Object.assign(
      property,
      {
        title: spec.label,
        description: factDescriptions[key as FactKey],
        'x-group': factGroups[spec.group],
      },
      spec.unit ? { 'x-unit': spec.unit } : {},
    );
    const item = 'item' in spec && spec.item ? itemFields[spec.item] : undefined;
    if (item && property.items?.properties)
      for (const [field, info] of Object.entries<ItemFieldWords>(item)) {
        const p = property.items.properties[field];
        if (p)
          Object.assign(
            p,
            {
              title: info.label,
              description: (itemFieldDescriptions[spec.item as ItemKind] as Record<string, string>)[
                field
              ],
            },
            info.unit ? { 'x-unit': info.unit } : {},
          );
      }
  }
  return schema;
}
