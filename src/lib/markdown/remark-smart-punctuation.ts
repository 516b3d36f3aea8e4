import type { Link, Nodes, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { smartDashesAndEllipses, smartQuotes } from '../util/typography.ts';
import { htmlTags } from './html-tags.ts';

/** Blocks whose text starts afresh: a quote right at their start opens. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Raw HTML elements whose text is code or typed input, kept as typed like Markdown's code. */
const LITERAL_ELEMENTS = new Set(['code', 'kbd', 'pre', 'samp']);

/** A link showing its own URL (an autolink, or a URL written as link text): the URL is shown as typed. */
function showsItsUrl(link: Link): boolean {
  const text = link.children.map((child) => (child.type === 'text' ? child.value : '\0')).join('');
  return [text, `http://${text}`, `mailto:${text}`].includes(link.url);
}

/**
 * Smart punctuation for Markdown text, the same rules as `smartPunctuation` for plain fields.
 *
 * Quotes are decided over the document's text joined up, so `"a *quoted* phrase"` pairs across the
 * emphasis; text that must stay as typed is masked (its quotes are left alone, and it is not changed): code,
 * raw `<code>`, `<kbd>`, `<pre>` and `<samp>` elements, URLs shown as link text, and characters the writer
 * escaped or spelled as a reference (remark-literal-text.ts). Each block starts with a space. Replaced here
 * rather than with remark-smartypants, whose natural-language parser took half of all Markdown time.
 */
export default function remarkSmartPunctuation() {
  return (tree: Root) => {
    const texts: { node: Text; start: number }[] = [];
    let joined = '';
    const mask = (text: string) => void (joined += 'A'.repeat(text.length));
    // Raw literal elements open in the current block: raw HTML never reaches past its block (raw-html.ts).
    let openLiteral = 0;
    visit(tree, (node: Nodes) => {
      if (BLOCKS.has(node.type)) {
        joined += ' ';
        openLiteral = 0;
      } else if (node.type === 'html') {
        for (const tag of htmlTags([node.value])) if (LITERAL_ELEMENTS.has(tag.name)) openLiteral = Math.max(0, openLiteral + (tag.closing ? -1 : 1));
      } else if (node.type === 'link' && showsItsUrl(node)) {
        mask(node.url);
        return SKIP;
      } else if (node.type === 'inlineCode' || (node.type === 'text' && (node.data?.literal || openLiteral > 0))) {
        mask(node.value);
      } else if (node.type === 'text') {
        texts.push({ node, start: joined.length });
        joined += node.value;
      }
    });
    const quoted = smartQuotes(joined);
    // Text holding a noncharacter, which smartQuotes strips, is shorter educated; then each node goes alone.
    const aligned = quoted.length === joined.length;
    for (const { node, start } of texts) {
      const value = aligned ? quoted.slice(start, start + node.value.length) : smartQuotes(node.value);
      node.value = smartDashesAndEllipses(value);
    }
  };
}
