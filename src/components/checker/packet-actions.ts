/**
 * The packet's tools, loaded on first use: copy it as plain text or Markdown, and download its
 * references as BibTeX, RIS or CSL-JSON, written by citation-js in this browser from the
 * records in the line's data (citation-js loads only for a download; nothing is fetched for it).
 */
import type { CheckerData } from '../../lib/checker/data.ts';
import type { Packet } from '../../lib/checker/packet.ts';
import { packetMarkdown, packetText } from '../../lib/checker/packet-text.ts';
import { copyOrShow } from './copy-fallback.ts';
import { download } from './dom.ts';

/** Reference files offered by the packet: BibTeX, RIS and CSL-JSON of exactly the sources it cites. */
const referenceFiles = {
  'refs-bib': { extension: 'bib', type: 'application/x-bibtex', name: 'BibTeX' },
  'refs-ris': { extension: 'ris', type: 'application/x-research-info-systems', name: 'RIS' },
  'refs-json': {
    extension: 'json',
    type: 'application/vnd.citationstyles.csl+json',
    name: 'CSL-JSON',
  },
} as const;

/** Does what a packet tool button asks and returns what to say in the status line. */
export async function packetAction(
  root: HTMLElement,
  packet: Packet,
  data: CheckerData,
  action: string,
): Promise<string | undefined> {
  if (action in referenceFiles)
    return downloadReferences(packet, data, action as keyof typeof referenceFiles);
  if (action !== 'copy-text' && action !== 'copy-markdown') return;
  const text =
    action === 'copy-text'
      ? packetText(packet, location.origin)
      : packetMarkdown(packet, location.origin);
  return copyOrShow(root, text, action === 'copy-text' ? 'plain text' : 'Markdown', 'packet');
}

/** Downloads the references as the file `action` asks for; says what was downloaded. */
async function downloadReferences(
  packet: Packet,
  data: CheckerData,
  action: keyof typeof referenceFiles,
): Promise<string> {
  const file = referenceFiles[action];
  const formats = await import('../../lib/citations/formats.ts');
  const items = packet.references.map((r) => data.sources[r.id]!.csl);
  const write = { bib: formats.bibtexOf, ris: formats.risOf, json: formats.cslJsonOf }[
    file.extension
  ];
  const name = `${packet.lineId}-references.${file.extension}`;
  download(name, write(items), file.type);
  return `Downloaded the ${items.length} references of this packet as ${file.name} (${name}).`;
}
