/**
 * The Atom feed of policy revisions (RFC 4287): every encoded policy's revision history, newest
 * first, one entry per revision, linking to the policy page. Pure: the site URL is passed in and
 * "updated" is the newest revision date, never the clock.
 */
import type { PolicyEntry } from '../engine/compile.ts';
import { dateTimestamp, formatDate } from '../format/dates.ts';

export interface FeedEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary: string;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The feed's entries, newest first. A revision listed by several encoded versions of one policy appears once, linked to the newest version. */
export function revisionEntries(entries: readonly PolicyEntry[], site: string): FeedEntry[] {
  const rank = (e: PolicyEntry) => (e.data.status === 'current' ? 1 : 0);
  const sorted = [...entries].sort((x, y) => rank(y) - rank(x) || x.id.localeCompare(y.id));
  const seen = new Set<string>();
  const out: FeedEntry[] = [];
  for (const entry of sorted) {
    const policy = entry.data;
    const document = `${policy.payer}|${policy.policyNumber ?? policy.title}`;
    for (const revision of policy.revisions) {
      const key = `${document}|${revision.version}|${revision.date}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const link = new URL(`/policies/${entry.id}/`, site).href;
      out.push({
        id: `${link}#revision-${revision.date}-${revision.version.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        title: `${policy.shortName}: version ${revision.version} (${formatDate(revision.date)})`,
        updated: dateTimestamp(revision.date),
        link,
        summary: revision.summary,
      });
    }
  }
  return out.sort((x, y) => y.updated.localeCompare(x.updated) || x.title.localeCompare(y.title));
}

/** The feed document. */
export function atomFeed(entries: readonly PolicyEntry[], site: string): string {
  const items = revisionEntries(entries, site);
  const self = new URL('/feed.xml', site).href;
  const updated = items[0]?.updated ?? '1970-01-01T00:00:00Z';
  const body = items
    .map(
      (e) => `  <entry>
    <id>${escape(e.id)}</id>
    <title>${escape(e.title)}</title>
    <updated>${e.updated}</updated>
    <link rel="alternate" type="text/html" href="${escape(e.link)}"/>
    <summary>${escape(e.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escape(self)}</id>
  <title>BVN Atlas: policy revisions</title>
  <subtitle>Revisions of the payer policies and Medicare LCDs on basivertebral nerve ablation that BVN Atlas has encoded, as each policy’s own revision history records them.</subtitle>
  <updated>${updated}</updated>
  <link rel="self" type="application/atom+xml" href="${escape(self)}"/>
  <link rel="alternate" type="text/html" href="${escape(new URL('/policies/', site).href)}"/>
  <author><name>BVN Atlas</name></author>
${body}
</feed>
`;
}
