/**
 * Heading ids as GitHub makes them, so links written the GitHub way resolve: its slugger, over the heading's
 * text as typed (before smart punctuation: `## Sub "quoted" -- it's` is `sub-quoted----its`), numbering
 * repeats in document order. Markdown headings are named first, while their text is as typed, and as on
 * GitHub their numbering counts only them; headings in raw HTML, which GitHub leaves without ids, are named
 * once parsed, by the same slugger, so no id repeats.
 */
import GithubSlugger from 'github-slugger';
import type { Root as HtmlRoot } from 'hast';
import type { Root as MarkdownRoot } from 'mdast';
import type { Literal, Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** A node's text as a reader sees it (its text and code, no markup), in Markdown or HTML. */
function textOf(node: Node): string {
  let text = '';
  visit(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') text += (child as Literal).value;
  });
  return text;
}

export function remarkHeadingIds() {
  return (tree: MarkdownRoot, file: VFile) => {
    const slugger = new GithubSlugger();
    visit(tree, 'heading', (heading) => {
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: slugger.slug(textOf(heading)) } };
    });
    file.data.headingSlugger = slugger;
  };
}

export function rehypeHeadingIds() {
  return (tree: HtmlRoot, file: VFile) => {
    const slugger = file.data.headingSlugger ?? new GithubSlugger();
    visit(tree, 'element', (node) => {
      if (/^h[1-6]$/.test(node.tagName) && !node.properties.id) node.properties.id = slugger.slug(textOf(node));
    });
  };
}

declare module 'vfile' {
  interface DataMap {
    /** The ids given to a body's Markdown headings, for its raw HTML headings to be named after them. */
    headingSlugger: GithubSlugger;
  }
}
