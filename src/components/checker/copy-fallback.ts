/**
 * Copying the packet or the letter as text: through the Clipboard API, or, where the browser
 * refuses, into the page's fallback box, selected. Loaded on the first copy.
 */
import { copyText } from './dom.ts';

/** Copies `text` (the `what`, as `kind`) and returns what to say in the status line. */
export async function copyOrShow(
  root: HTMLElement,
  text: string,
  kind: string,
  what: 'packet' | 'letter',
): Promise<string> {
  const fallback = root.querySelector<HTMLElement>('[data-fallback]')!;
  const area = fallback.querySelector('textarea')!;
  if (await copyText(text)) {
    fallback.hidden = true;
    return `${what === 'packet' ? 'Packet' : 'Letter'} copied as ${kind}.`;
  }
  area.value = text;
  fallback.hidden = false;
  area.focus();
  area.select();
  return `Copying was not allowed; the ${what} as ${kind} is in the box below.`;
}
