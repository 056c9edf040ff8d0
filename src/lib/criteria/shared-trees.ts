/**
 * Which lines of one policy page can share one printed criteria tree. A policy with many product
 * lines often applies one set of criteria to several of them (`criteriaFrom`); printing the tree
 * once per line makes the page as long as the policy has lines, with nothing new to read. A line
 * shares the tree of an earlier line on the page when everything the tree shows would be the same:
 * the compiled criteria and each rule's standing against the evidence. Its anchors
 * (`<line>--<node>`, which the matrix, the packet and the evidence pages link to) are kept on the
 * shared tree's nodes, so every link still lands on the rule it names.
 */

/** What a page prints for one line's criteria or advisories. */
export interface PrintedRules {
  /** Line id. */
  id: string;
  /** What is printed (compiled criteria, advisories, per-rule evidence badges), or undefined when nothing is. */
  printed: unknown;
}

export interface SharedTrees {
  /** For a line that prints its own tree: the later lines whose anchors sit on it, in page order. */
  aliases: Map<string, string[]>;
  /** For a line that prints no tree: the line whose tree it shares. */
  sharedWith: Map<string, string>;
}

/** Groups the lines of one page by what they print; the first line of each group prints it. */
export function sharedTrees(lines: readonly PrintedRules[]): SharedTrees {
  const firstByKey = new Map<string, string>();
  const aliases = new Map<string, string[]>();
  const sharedWith = new Map<string, string>();
  for (const line of lines) {
    if (line.printed === undefined) continue;
    const key = JSON.stringify(line.printed);
    const first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, line.id);
      aliases.set(line.id, []);
    } else {
      aliases.get(first)!.push(line.id);
      sharedWith.set(line.id, first);
    }
  }
  return { aliases, sharedWith };
}
