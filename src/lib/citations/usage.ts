/** Which pages cite a source: found by walking every entry's data for citation objects. */

interface EntryLike {
  id: string;
  data: unknown;
}
interface ContentLike {
  policies: EntryLike[];
  studies: EntryLike[];
  guidelines: EntryLike[];
  claims: EntryLike[];
}

/** Adds one to `counts` for every citation object below `value`, by source id. */
function countCitations(value: unknown, counts: Map<string, number>): void {
  if (Array.isArray(value)) {
    for (const v of value) countCitations(v, counts);
    return;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // One citation per object, even when it names the same source as source and claimant.
    const ids = new Set([record.source, record.claimant].filter((v) => typeof v === 'string'));
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const v of Object.values(record)) countCitations(v, counts);
  }
}

/** A page that cites a source, with how many citations it holds. */
export interface CitingPage {
  kind: 'policies' | 'studies' | 'guidelines' | 'claims';
  href: string;
  title: string;
  count: number;
}

/** Every source's citing pages, in one walk over the content (memoised per content object). */
const indexes = new WeakMap<ContentLike, Map<string, CitingPage[]>>();
function citationIndex(content: ContentLike): Map<string, CitingPage[]> {
  let index = indexes.get(content);
  if (index) return index;
  index = new Map();
  const kinds = [
    ['policies', content.policies],
    ['studies', content.studies],
    ['guidelines', content.guidelines],
    ['claims', content.claims],
  ] as const;
  for (const [kind, entries] of kinds)
    for (const entry of entries) {
      const counts = new Map<string, number>();
      countCitations(entry.data, counts);
      const data = entry.data as { shortName?: string; claim?: string };
      for (const [source, count] of counts) {
        let pages = index.get(source);
        if (!pages) index.set(source, (pages = []));
        pages.push({
          kind,
          href: `/${kind}/${entry.id}/`,
          title: data.shortName ?? data.claim ?? entry.id,
          count,
        });
      }
    }
  indexes.set(content, index);
  return index;
}

/** Pages that cite `sourceId`, with how many citations each (policies, studies, guidelines, claims). */
export function citingPages(sourceId: string, content: ContentLike): CitingPage[] {
  return citationIndex(content).get(sourceId) ?? [];
}
