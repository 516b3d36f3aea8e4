import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withoutControlCharacters } from '../util/typography.ts';

/**
 * Removes control characters from text and attribute values (text pasted from word processors carries
 * vertical tabs and the like): browsers show them as boxes, they make the page invalid HTML, and XML feeds
 * that carry the body cannot contain them at all.
 */
export default function rehypeStripControlCharacters() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'text') node.value = withoutControlCharacters(node.value);
      if (node.type !== 'element') return;
      for (const [name, value] of Object.entries(node.properties)) {
        if (typeof value === 'string') node.properties[name] = withoutControlCharacters(value);
        if (Array.isArray(value)) node.properties[name] = value.map((item) => (typeof item === 'string' ? withoutControlCharacters(item) : item));
      }
    });
  };
}
