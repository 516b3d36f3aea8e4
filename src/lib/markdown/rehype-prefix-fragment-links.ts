import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Sanitizing prefixes every writer-supplied `id`; this makes the writer's in-page links (`#notes`, footnote
 * references and back-links) point at the prefixed ids, so they still resolve without client-side script.
 */
export default function rehypePrefixFragmentLinks(options: { prefix: string }) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && href.length > 1) {
        node.properties.href = `#${options.prefix}${href.slice(1)}`;
      }
    });
  };
}
