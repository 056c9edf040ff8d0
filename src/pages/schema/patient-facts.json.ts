/** The published JSON Schema of the patient facts format, generated from the zod schema. */
import type { APIRoute } from 'astro';
import { patientFactsJsonSchema } from '../../lib/facts/json-schema.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(patientFactsJsonSchema(), null, 2), {
    headers: { 'Content-Type': 'application/schema+json' },
  });
