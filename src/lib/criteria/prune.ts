/** Removing nodes from a criteria tree, for lines that borrow another line's criteria minus some rules. */
import type { CriterionNode } from '../schema/criteria.ts';
import { unreachable } from '../unreachable.ts';

/** A copy of `node` without the nodes whose ids are in `without`; `undefined` if the root itself is removed. */
export function pruneCriteria(
  node: CriterionNode,
  without: ReadonlySet<string>,
): CriterionNode | undefined {
  if (without.has(node.id)) return undefined;
  switch (node.kind) {
    case 'all':
    case 'any':
    case 'at-least': {
      const children = node.children
        .map((c) => pruneCriteria(c, without))
        .filter((c): c is CriterionNode => c !== undefined);
      if (children.length === 0) return undefined;
      return node.kind === 'at-least'
        ? { ...node, children, min: Math.min(node.min, children.length) }
        : { ...node, children };
    }
    case 'not': {
      const child = pruneCriteria(node.child, without);
      return child && { ...node, child };
    }
    case 'some':
    case 'every': {
      const where = pruneCriteria(node.where, without);
      return where && { ...node, where };
    }
    case 'match': {
      if (!node.where) return node;
      const where = pruneCriteria(node.where, without);
      return where ? { ...node, where } : { ...node, where: undefined };
    }
    case 'compare':
    case 'count':
      return node;
    default:
      return unreachable(node, 'criterion node');
  }
}

/** Normalises `criteriaFrom` (an id, or `{ line, without }`) to a line id and the ids to drop. */
export function borrowSpec(criteriaFrom: string | { line: string; without: readonly string[] }): {
  line: string;
  without: ReadonlySet<string>;
} {
  return typeof criteriaFrom === 'string'
    ? { line: criteriaFrom, without: new Set() }
    : { line: criteriaFrom.line, without: new Set(criteriaFrom.without) };
}
