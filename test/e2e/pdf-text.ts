/**
 * Text from a PDF printed by Chromium (Skia), for checking that the printed appeal packet holds
 * what it should. Skia writes each font as a Type0 font with a ToUnicode map and the page text as
 * hex glyph strings, so reading it needs: inflate the streams, parse the ToUnicode maps, and map
 * each Tj/TJ string through the current font's map. Enough for tests, not a general PDF parser.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/**
 * Every object, its stream inflated. A stream is read by its /Length, not up to the next
 * "endobj" or "endstream": compressed bytes can contain those words by chance.
 */
function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const from = header.lastIndex;
    const end = text.indexOf('endobj', from);
    const start = text.indexOf('stream', from);
    if (start === -1 || start > end) {
      out.set(Number(match[1]), { dict: text.slice(from, end) });
      continue;
    }
    const dict = text.slice(from, start);
    const dataStart = start + 'stream'.length + (text.startsWith('\r\n', start + 6) ? 2 : 1);
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1];
    const dataEnd =
      length !== undefined ? dataStart + Number(length) : text.indexOf('endstream', dataStart);
    const raw = Buffer.from(text.slice(dataStart, dataEnd), 'latin1');
    out.set(Number(match[1]), {
      dict,
      stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw,
    });
    header.lastIndex = text.indexOf('endobj', dataEnd);
  }
  return out;
}

const utf16 = (hex: string) => {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4)
    s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
};

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g,
    )) {
      const [from, to] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16)];
      if (m[3]!.startsWith('['))
        [...m[3]!.matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((v, i) => map.set(from + i, utf16(v[1]!)));
      else {
        const base = utf16(m[3]!.slice(1, -1));
        for (let code = from; code <= to; code++)
          map.set(
            code,
            base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - from),
          );
      }
    }
  return map;
}

/** The text of every page, in drawing order, a newline wherever the baseline moves. */
export function pdfText(pdf: Buffer): { pages: number; text: string } {
  const objs = objects(pdf);
  const ref = (dict: string, key: string) =>
    Number(new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1]);
  const cmaps = new Map<number, Map<number, string>>();
  for (const [id, obj] of objs) {
    const toUnicode = ref(obj.dict, 'ToUnicode');
    if (/\/Type\s*\/Font/.test(obj.dict) && toUnicode)
      cmaps.set(id, parseCmap(objs.get(toUnicode)?.stream?.toString('latin1') ?? ''));
  }
  const pages = [...objs.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  let text = '';
  for (const page of pages) {
    let resources = page.dict;
    const resourcesRef = ref(page.dict, 'Resources');
    if (resourcesRef) resources = objs.get(resourcesRef)?.dict ?? '';
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map(
      [...fontDict.matchAll(/\/(\S+)\s+(\d+) 0 R/g)].map((m) => [m[1]!, cmaps.get(Number(m[2]))]),
    );
    const contents = [
      ...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g),
    ].map((m) => Number(m[1]));
    for (const id of contents) {
      const stream = objs.get(id)?.stream?.toString('latin1') ?? '';
      let font: Map<number, string> | undefined;
      // Skia places some runs glyph by glyph with `Td` moves along the baseline: a new line of
      // text starts only where the baseline moves (a `Tm` at another height, a `Td` with a
      // vertical offset, or `T*`), so words stay whole in the extracted text.
      let baseline = Number.NaN;
      const newLine = (y: number) => {
        if (Math.abs(y - baseline) > 0.01) text += '\n';
        baseline = y;
      };
      for (const token of stream.matchAll(
        /\/(\S+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>|((?:[-\d.]+\s+){4})([-\d.]+)\s+([-\d.]+)\s+Tm\b|([-\d.]+)\s+([-\d.]+)\s+T[dD]\b|\bT\*/g,
      )) {
        if (token[1]) font = fonts.get(token[1]);
        else if (token[5] !== undefined) newLine(Number(token[5]));
        else if (token[7] !== undefined) newLine(baseline + Number(token[7]));
        else if (token[0] === 'T*') newLine(Number.NaN);
        else if (token[2] !== undefined && font) {
          const hex = token[2].replace(/\s/g, '');
          for (let i = 0; i + 4 <= hex.length; i += 4)
            text += font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
        }
      }
    }
    text += '\n\f\n';
  }
  return { pages: pages.length, text };
}

/**
 * Text for searching: ligatures unfolded (ﬁ → fi) and all whitespace removed, because text wraps
 * across lines and cells. Apply to both sides.
 */
export const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
