/** Loads and compiles the real content once per test file, as the CLI does. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCompiledContent } from '../../src/loaders/content-files.ts';
import type { PatientFacts } from '../../src/lib/facts/schema.ts';
import type { EvaluablePolicy } from '../../src/lib/engine/types.ts';

export const root = fileURLToPath(new URL('../..', import.meta.url));

let loaded: ReturnType<typeof loadCompiledContent> | undefined;
export function compiled() {
  loaded ??= loadCompiledContent(root);
  return loaded;
}

/** Current lines and a lookup of every line (including superseded `line@policy`). */
export async function lines(): Promise<{
  current: EvaluablePolicy[];
  byId: Map<string, EvaluablePolicy>;
}> {
  const { lines: all } = await compiled();
  return {
    current: all.filter((l) => !l.id.includes('@')),
    byId: new Map(all.map((l) => [l.id, l])),
  };
}

const vignetteDir = fileURLToPath(new URL('../fixtures/vignettes/', import.meta.url));

/** The vignette facts files (test/fixtures/vignettes/<case id>.json). */
export function vignettes(): { id: string; facts: PatientFacts }[] {
  return readdirSync(vignetteDir)
    .filter((f) => /^V\d+.*\.json$/.test(f))
    .sort()
    .map((f) => ({
      id: f.replace(/\.json$/, ''),
      facts: JSON.parse(readFileSync(vignetteDir + f, 'utf8')) as PatientFacts,
    }));
}

/** The V01 baseline: a fully documented ideal candidate. */
export function baseline(): PatientFacts {
  return structuredClone(vignettes().find((v) => v.id === 'V01-baseline')!.facts);
}
