/**
 * Renders view nodes (src/lib/compare/view-nodes.ts) in the browser with DOM methods: text as
 * text nodes, only the view's own tags, no event attributes and same-site links only, so nothing
 * in a data file can become markup or a way off the site.
 */
import { viewTags, type ViewNode } from '../../lib/compare/view-nodes.ts';

const allowedTags = new Set<string>(viewTags);
/** A path on this site or a fragment; never another origin (`//host` included). */
const sameSiteHref = /^(\/(?!\/)|#)/;

/** The nodes as a fragment of DOM nodes. Throws on a tag the views never use. */
export function renderNodes(nodes: readonly ViewNode[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const node of nodes) fragment.append(renderNode(node));
  return fragment;
}

function renderNode(node: ViewNode): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  if (!allowedTags.has(node.tag)) throw new Error(`a view may not hold <${node.tag}>`);
  const element = document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (/^on/i.test(name)) continue;
    if (name === 'href' && !sameSiteHref.test(value)) continue;
    element.setAttribute(name, value);
  }
  element.append(renderNodes(node.children));
  return element;
}
