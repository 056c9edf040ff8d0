/**
 * /data/lines.json: every current policy line's id, name and payer, for the browser pair page's form
 * and to check the ids it is given (docs/comparison.md, "The browser pair page").
 */
import type { APIRoute } from 'astro';
import { comparison } from '../../data/comparison.ts';
import type { LineIndex } from '../../lib/compare/pair-query.ts';

export const GET: APIRoute = async () => {
  const { current, names, payerOf } = await comparison();
  const index: LineIndex = {
    lines: current
      .map((line) => ({
        id: line.id,
        name: names.get(line.id) ?? line.policyName,
        payer: payerOf(line).name,
      }))
      .sort((x, y) => x.payer.localeCompare(y.payer) || x.name.localeCompare(y.name)),
  };
  return new Response(JSON.stringify(index), {
    headers: { 'Content-Type': 'application/json' },
  });
};
