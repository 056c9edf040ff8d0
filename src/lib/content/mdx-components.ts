/**
 * The components an MDX body uses (`<Cite source="…" section="…" />`, `<StudyValue … />`), read
 * with the MDX parser (remark-mdx) rather than patterns, so a component inside a code block is
 * not one, an attribute may sit on another line, and a body MDX cannot parse is an error that
 * names its line instead of citations silently missed. Pure: text in, components out.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';

/** One use of a component: its plain string attributes and the body line it starts on. */
export interface ComponentUse {
  /** Attributes given as `name="text"`; an attribute given as an `{expression}` is left out. */
  attributes: Record<string, string>;
  /** Names of attributes given as `{expression}`, which cannot be checked before rendering. */
  expressions: string[];
  /** 1-based line in the body. */
  line: number;
}

/** The parts of the MDX syntax tree read here (mdast with the mdx-jsx extension). */
interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number } };
}

const parser = unified().use(remarkParse).use(remarkMdx);

/** Every use of the components named `names` in an MDX body, keyed by component name. */
export function mdxComponents(
  body: string,
  names: readonly string[],
): { uses: Map<string, ComponentUse[]>; error?: { line: number; message: string } } {
  const uses = new Map<string, ComponentUse[]>(names.map((n) => [n, []]));
  let tree: MdxNode;
  try {
    tree = parser.parse(body);
  } catch (e) {
    const place = (e as { line?: number }).line;
    const reason = (e as { reason?: string }).reason ?? String(e);
    return { uses, error: { line: place ?? 1, message: `MDX cannot be parsed: ${reason}` } };
  }
  const visit = (node: MdxNode) => {
    const isElement = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
    const found = isElement && node.name ? uses.get(node.name) : undefined;
    if (found) {
      const attributes: Record<string, string> = {};
      const expressions: string[] = [];
      for (const a of node.attributes ?? []) {
        if (a.type !== 'mdxJsxAttribute' || !a.name) continue;
        if (typeof a.value === 'string') attributes[a.name] = a.value;
        else if (a.value !== null && a.value !== undefined) expressions.push(a.name);
      }
      found.push({ attributes, expressions, line: node.position?.start.line ?? 1 });
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return { uses };
}
