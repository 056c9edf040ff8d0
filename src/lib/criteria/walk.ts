/** Depth-first traversal of a criteria tree, with the context each node sits in. */
import type { CriterionNode } from '../schema/criteria.ts';
import { facts, type ItemKind } from '../facts/catalog.ts';
import { unreachable } from '../unreachable.ts';

export interface WalkContext {
  /** Field path from the tree root, e.g. `.children[2].child.children[0]`. */
  path: string;
  /** Inside `some`/`every`: the list item kind whose fields the node's facts name. */
  item: ItemKind | undefined;
  /** True when the node sits under an odd number of `not`s, i.e. it describes an exclusion. */
  negated: boolean;
  /** Ancestors, root first. */
  ancestors: CriterionNode[];
}

/** Calls `visit` for every node, parents before children. */
export function walkCriteria(
  root: CriterionNode,
  visit: (node: CriterionNode, context: WalkContext) => void,
  start: WalkContext = { path: '', item: undefined, negated: false, ancestors: [] },
): void {
  visit(root, start);
  const next = (path: string, extra: Partial<WalkContext> = {}): WalkContext => ({
    ...start,
    path: start.path + path,
    ancestors: [...start.ancestors, root],
    ...extra,
  });
  switch (root.kind) {
    case 'all':
    case 'any':
    case 'at-least':
      root.children.forEach((child, i) => walkCriteria(child, visit, next(`.children[${i}]`)));
      break;
    case 'not':
      walkCriteria(root.child, visit, next('.child', { negated: !start.negated }));
      break;
    case 'some':
    case 'every': {
      const item = (facts as Record<string, { item?: ItemKind }>)[root.fact]?.item;
      walkCriteria(root.where, visit, next('.where', { item }));
      break;
    }
    case 'match': {
      const item = (facts as Record<string, { item?: ItemKind }>)[root.fact]?.item;
      if (root.where) walkCriteria(root.where, visit, next('.where', { item }));
      break;
    }
    case 'compare':
    case 'count':
      break;
    default:
      unreachable(root, 'criterion node');
  }
}
