/**
 * How deeply a body may nest quotes, lists, emphasis, links and raw HTML tags inside one another. The
 * Markdown and HTML tools walk trees recursively: 2,000 nested `>` or `<span>` overflowed the stack and
 * crashed the build, and deeply indented lists take seconds to parse. No article needs a hundred levels.
 */
import type { Html, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { htmlTags } from './html-tags.ts';

export const MAX_NESTING = 100;

export const NESTING_EXPECTED = `at most ${MAX_NESTING} levels of quotes, lists, emphasis, links and HTML tags inside one another`;

/** Elements a parser closes by itself when the next one starts: left open, they do not deepen the tree. */
const CLOSED_BY_PARSER = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rp', 'rt', 'caption', 'colgroup']);
/** The Markdown constructs that nest: each is written with at least one character of syntax of its own. */
const NESTING = new Set(['blockquote', 'list', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteDefinition']);

/** The deepest nesting of a Markdown tree, raw HTML tags left open counted in; measured without recursion. */
export function nestingDepth(tree: Root): number {
  let deepest = 0;
  let openTags = 0;
  // Depth-first, in document order, so tags opened in one raw HTML node and closed in a later one count.
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node.type === 'html') {
      for (const { name, closing, whole } of htmlTags([(node as Html).value])) {
        if (whole || CLOSED_BY_PARSER.has(name)) continue;
        openTags = Math.max(0, openTags + (closing ? -1 : 1));
        deepest = Math.max(deepest, depth + openTags);
      }
    }
    deepest = Math.max(deepest, depth + openTags + (NESTING.has(node.type) ? 1 : 0));
    const childDepth = NESTING.has(node.type) ? depth + 1 : depth;
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push([node.children[index], childDepth]);
  }
  return deepest;
}

export const tooDeep = (depth: number) => `nested ${depth} levels deep`;

/**
 * The nesting problem of a Markdown body, if any (`parse` gives its tree, for a caller that may have it
 * already). Each level takes at least one character of Markdown or
 * HTML syntax, so a body with fewer such characters than the limit is not parsed at all.
 */
export function nestingProblem(markdown: string, parse: () => Root = () => fromMarkdown(markdown)): string | undefined {
  if ((markdown.match(/[<>*_[+~-]|\d[.)]/g)?.length ?? 0) <= MAX_NESTING) return undefined;
  const depth = nestingDepth(parse());
  return depth > MAX_NESTING ? tooDeep(depth) : undefined;
}
