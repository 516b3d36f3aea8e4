import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The page's headline is its only `h1`, so a writer's `# Heading` becomes an `h2`. */
export default function rehypeDemoteH1() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'h1') node.tagName = 'h2';
    });
  };
}
