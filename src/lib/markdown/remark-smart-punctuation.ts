import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { smartDashesAndEllipses, smartQuotes } from '../typography.ts';

/** Blocks whose text starts afresh: a quote right at their start opens. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Smart punctuation for Markdown text, the same rules as `smartPunctuation` for plain fields.
 *
 * Quotes are decided over the document's text joined up, so `"a *quoted* phrase"` pairs across the
 * emphasis; code is masked (its quotes are left alone) and each block starts with a space. Replaced
 * here rather than with remark-smartypants, whose natural-language parser took half of all Markdown time.
 */
export default function remarkSmartPunctuation() {
  return (tree: Root) => {
    const texts: { node: Extract<Nodes, { value: string }>; start: number }[] = [];
    let joined = '';
    visit(tree, (node) => {
      if (BLOCKS.has(node.type)) joined += ' ';
      else if (node.type === 'text' || node.type === 'inlineCode') {
        texts.push({ node, start: joined.length });
        joined += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      }
    });
    const quoted = smartQuotes(joined);
    // Text that spells out an entity (`&#8220;`) changes length when educated; then each node goes alone.
    const aligned = quoted.length === joined.length;
    for (const { node, start } of texts) {
      if (node.type !== 'text') continue;
      const value = aligned ? quoted.slice(start, start + node.value.length) : smartQuotes(node.value);
      node.value = smartDashesAndEllipses(value);
    }
  };
}
