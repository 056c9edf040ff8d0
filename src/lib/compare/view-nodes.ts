/**
 * A page's content as plain data: elements with a tag, string attributes and children, and text.
 * The comparison's views are written once as such nodes; an Astro component renders them at
 * build time (src/components/compare/ViewNodes.astro) and the pair island renders the same nodes
 * in the browser (src/components/compare/render-nodes.ts), so both show the same words and links.
 * The citation pieces every view needs are in citation-nodes.ts.
 */

/** The elements a view may use; a closed list, so the browser renderer creates nothing else. */
export const viewTags = [
  'a',
  'abbr',
  'article',
  'caption',
  'dd',
  'dl',
  'dt',
  'h2',
  'h3',
  'h4',
  'li',
  'nav',
  'p',
  'section',
  'span',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
] as const;
export type ViewTag = (typeof viewTags)[number];

export interface ViewElement {
  tag: ViewTag;
  attrs: Record<string, string>;
  children: ViewNode[];
}
/** Text (rendered as text, never as markup) or an element. */
export type ViewNode = string | ViewElement;

/** An element; `undefined`, `false` and empty-string attributes are left out, as are empty children. */
export function el(
  tag: ViewTag,
  attrs: Record<string, string | number | false | undefined> = {},
  ...children: (ViewNode | ViewNode[] | false | undefined | null)[]
): ViewElement {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs))
    if (value !== undefined && value !== false) kept[name] = String(value);
  const flat: ViewNode[] = [];
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    for (const node of Array.isArray(child) ? child : [child]) if (node !== '') flat.push(node);
  }
  return { tag, attrs: kept, children: flat };
}

/** The visible text of nodes, whitespace collapsed (for tests and summaries). */
export function nodeText(nodes: readonly ViewNode[]): string {
  const walk = (n: ViewNode): string => (typeof n === 'string' ? n : n.children.map(walk).join(''));
  return nodes.map(walk).join('').replace(/\s+/g, ' ').trim();
}

/** A table's head: one row of column headers. */
export function headRow(...headers: (ViewNode | ViewNode[])[]): ViewElement {
  return el(
    'thead',
    {},
    el(
      'tr',
      {},
      headers.map((h) => el('th', { scope: 'col' }, h)),
    ),
  );
}

/** The line above a table wider than its region (shown by a CSS scroll-state query). */
export const scrollHint = 'Wider than the screen: scroll sideways for more →';

/**
 * A horizontally scrollable, keyboard-focusable region around a wide table, named by the table's
 * caption (the same markup as src/components/layout/TableScroll.astro).
 */
export function tableScrollNode(labelledby: string, table: ViewElement): ViewElement {
  return el(
    'section',
    { class: 'table-scroll', tabindex: 0, 'aria-labelledby': labelledby },
    el('p', { class: 'scroll-hint', 'aria-hidden': 'true' }, scrollHint),
    table,
  );
}
