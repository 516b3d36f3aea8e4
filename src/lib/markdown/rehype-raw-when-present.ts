import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { visit } from 'unist-util-visit';

/**
 * Parses the writer's raw HTML into the tree, so the sanitizer sees real elements. A body with none skips
 * the step: re-parsing a whole tree through parse5 cost a quarter of all Markdown time.
 */
export default function rehypeRawWhenPresent() {
  const parseRaw = rehypeRaw();
  return (tree: Root, file: Parameters<typeof parseRaw>[1]) => {
    let present = false;
    visit(tree, 'raw', () => {
      present = true;
      return false;
    });
    return present ? parseRaw(tree, file) : undefined;
  };
}
