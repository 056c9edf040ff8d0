/**
 * Documents that belong to another: a billing article of an LCD, a response to its comments.
 * A source names the sources it is a part of in `related`; this reads that link the other way.
 */
import type { Source } from '../schema/source.ts';

export interface RelatedDocument {
  id: string;
  /** Document number, e.g. "A59468". */
  number?: string;
  /** Short title, e.g. "Article A59468". */
  title: string;
}

/** The sources that declare themselves related to `sourceId`, in id order. */
export function relatedDocuments(
  sourceId: string,
  sources: Iterable<{ id: string; data: Source }>,
): RelatedDocument[] {
  return [...sources]
    .filter((s) => s.id !== sourceId && s.data.related?.includes(sourceId))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((s) => ({
      id: s.id,
      ...(s.data.number && { number: s.data.number }),
      title: s.data['title-short'],
    }));
}
