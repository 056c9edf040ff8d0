/**
 * Loads the checker's split data (src/lib/checker/split.ts) from /data/checker/: the bundle of
 * every line when the page names one (built while the catalogue is small), else the index and
 * each line's file when asked for; and the evidence file. Same origin only; nothing about the
 * patient is sent (a request names a policy line, never a fact).
 */
import {
  unbundle,
  type CheckerBundle,
  type CheckerIndex,
  type LineFile,
} from '../../lib/checker/split.ts';

export async function getJson<T>(src: string): Promise<T> {
  const response = await fetch(src, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The index of the lines, and their files, from wherever this page's data comes. */
export interface LineStore {
  index: CheckerIndex;
  /** The files of the lines `ids`, in that order. */
  files(ids: readonly string[]): Promise<LineFile[]>;
}

/**
 * The lines under `root` (/data/checker/): from the one file `bundle` (e.g. `lines.json`) when
 * the page names it, else from the index and one file per line, fetched when first asked for.
 */
export async function openLineStore(root: string, bundle?: string): Promise<LineStore> {
  if (bundle) {
    const { index, lines } = unbundle(await getJson<CheckerBundle>(`${root}${bundle}`));
    // The ids asked for come from this index, so each is in the bundle.
    const byId = new Map(lines.map((f) => [f.line.id, f]));
    return { index, files: (ids) => Promise.resolve(ids.map((id) => byId.get(id)!)) };
  }
  const index = await getJson<CheckerIndex>(`${root}index.json`);
  return {
    index,
    files: (ids) =>
      Promise.all(
        ids.map((id) => getJson<LineFile>(`${root}lines/${encodeURIComponent(id)}.json`)),
      ),
  };
}
