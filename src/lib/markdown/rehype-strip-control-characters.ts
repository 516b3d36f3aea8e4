import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withoutControlCharacters } from '../typography.ts';

/**
 * Removes control characters from text (text pasted from word processors carries vertical tabs and the
 * like), which browsers show as boxes and which make the page invalid HTML.
 */
export default function rehypeStripControlCharacters() {
  return (tree: Root) => {
    visit(tree, 'text', (node) => {
      node.value = withoutControlCharacters(node.value);
    });
  };
}
