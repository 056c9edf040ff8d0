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

function countCitations(value: unknown, sourceId: string): number {
  if (Array.isArray(value))
    return value.reduce((n: number, v) => n + countCitations(v, sourceId), 0);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let n = record.source === sourceId || record.claimant === sourceId ? 1 : 0;
    for (const v of Object.values(record)) n += countCitations(v, sourceId);
    return n;
  }
  return 0;
}

/** Pages that cite `sourceId`, with how many citations each. */
export function citingPages(
  sourceId: string,
  content: ContentLike,
): { href: string; title: string; count: number }[] {
  const kinds = [
    ['policies', content.policies],
    ['studies', content.studies],
    ['guidelines', content.guidelines],
    ['claims', content.claims],
  ] as const;
  const pages: { href: string; title: string; count: number }[] = [];
  for (const [kind, entries] of kinds)
    for (const entry of entries) {
      const count = countCitations(entry.data, sourceId);
      const data = entry.data as { shortName?: string; claim?: string };
      if (count > 0)
        pages.push({
          href: `/${kind}/${entry.id}/`,
          title: data.shortName ?? data.claim ?? entry.id,
          count,
        });
    }
  return pages;
}
