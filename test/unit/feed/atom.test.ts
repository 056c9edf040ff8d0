/** The Atom feed of policy revisions. */
import { describe, expect, it } from 'vitest';
import { atomFeed, revisionEntries } from '../../../src/lib/feed/atom.ts';
import { loadContent } from '../../helpers/content.ts';

describe('the policy revisions feed', () => {
  it('lists every revision once, newest first, linked to its policy page', async () => {
    const { policies } = await loadContent();
    const entries = revisionEntries(policies, 'https://example.org');
    const updated = entries.map((e) => e.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const mgbOctober = entries.filter(
      (e) => e.title.includes('MGB 097') && e.title.includes('October 2025'),
    );
    expect(mgbOctober).toHaveLength(1);
    expect(mgbOctober[0]!.link).toBe('https://example.org/policies/mgb-097-2026-01/');
    expect(
      entries.find((e) => e.title.startsWith('MGB 097 (Jan 2026): version January 2026'))!.updated,
    ).toBe('2026-01-01T00:00:00Z');
    const total = new Set(
      policies.flatMap((p) =>
        p.data.revisions.map(
          (r) => `${p.data.payer}|${p.data.policyNumber ?? p.data.title}|${r.version}|${r.date}`,
        ),
      ),
    ).size;
    expect(entries).toHaveLength(total);
  });

  it('is an Atom document with the required elements, escaped text and updated = the newest revision', async () => {
    const { policies } = await loadContent();
    const xml = atomFeed(policies, 'https://example.org');
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
      ),
    ).toBe(true);
    for (const tag of ['id', 'title', 'updated', 'author'])
      expect(xml).toMatch(new RegExp(`<feed[^>]*>[\\s\\S]*?<${tag}>`));
    expect(xml).toContain('<updated>2026-01-01T00:00:00Z</updated>');
    expect((xml.match(/<entry>/g) ?? []).length).toBe((xml.match(/<\/entry>/g) ?? []).length);
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
  });
});
