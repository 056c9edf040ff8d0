/**
 * Loads the checker's split data (src/lib/checker/split.ts) from /data/checker/: the index, the
 * evidence file and line files. Same origin only; nothing about the patient is sent (a request
 * names a policy line, never a fact).
 */
import type { LineFile } from '../../lib/checker/split.ts';

export async function getJson<T>(src: string): Promise<T> {
  const response = await fetch(src, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The files of the lines `ids` under `root` (/data/checker/), in that order. */
export const lineFiles = (root: string, ids: readonly string[]): Promise<LineFile[]> =>
  Promise.all(ids.map((id) => getJson<LineFile>(`${root}lines/${encodeURIComponent(id)}.json`)));
