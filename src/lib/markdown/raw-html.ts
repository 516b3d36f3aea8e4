/**
 * How a writer's raw HTML becomes elements without swallowing their text.
 *
 * An HTML parser fed the whole body lets one tag reach far: after `<title>` or `<script>` everything is that
 * element's (dropped) content up to its end tag, and an unclosed `<object>`, `<details>` or `<h2>` takes every
 * later paragraph in. So a writer's HTML is parsed one Markdown block at a time, by two rules:
 *
 * 1. Each Markdown block's raw HTML is self-contained: the block is parsed on its own, so what its HTML leaves
 *    open ends with it (inline HTML with its paragraph, heading or table cell; an HTML block with itself), as a
 *    browser closes what a fragment leaves open. The one exception is CommonMark's way of wrapping Markdown in
 *    HTML: an element opened by an HTML block and closed by a later HTML block beside it (`<details>`, a blank
 *    line, Markdown, `</details>`) holds the blocks between.
 * 2. A tag of an element whose content a reader would not see (what the sanitizer strips with its content:
 *    code, styling, embedded and foreign content, GFM's tagfilter nine; and `details`, shown collapsed) counts
 *    only together with its partner. Alone it is a writer naming the tag, `The <title> element…`, and is shown
 *    as text, as GFM's tagfilter shows those tags.
 *
 * What a complete stripped element holds is dropped on purpose; `droppedContent` finds it for the content check.
 */
import type { Root as MdastRoot } from 'mdast';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype, { defaultHandlers, type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { htmlTags, pairTags, type HtmlTag } from './html-tags.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

type Raw = Extract<RootContent, { type: 'raw' }>;

const STRIPPED = new Set(sanitizeSchema.strip);
/** Elements that hide their content: rule 2 applies to their tags. */
const HIDING = new Set([...STRIPPED, 'details']);

/** Shows as text each tag of `raws` (one block's raw HTML, in order) that would hide text with no partner. */
function showLoneHidingTags(raws: Raw[], tags: HtmlTag[], partners: Map<HtmlTag, HtmlTag>): void {
  const lone = Map.groupBy(
    tags.filter((tag) => HIDING.has(tag.name) && !tag.whole && !partners.has(tag)),
    (tag) => raws[tag.source],
  );
  for (const [raw, shown] of lone) {
    // The tag's `<` as a character reference: text to the HTML parser.
    const cuts = [0, ...shown.map((tag) => tag.index), raw.value.length];
    raw.value = cuts.slice(1).map((cut, index) => raw.value.slice(cuts[index] + (index > 0 ? 1 : 0), cut)).join('&lt;');
  }
}

/** The HTML parser for raw HTML (parse5, through rehype-raw): parses `nodes` as one fragment. */
const parseRaw = rehypeRaw();
// Any file makes the parser keep the nodes' positions (they come from the nodes); an empty one saves it
// indexing the lines of the whole body again for every block it parses.
const positioned = new VFile();
const parsed = (nodes: RootContent[]): RootContent[] => parseRaw({ type: 'root', children: nodes }, positioned).children;

function rawNodesIn(node: Element): Raw[] {
  const raws: Raw[] = [];
  visit(node, 'raw', (raw) => void raws.push(raw));
  return raws;
}

/** An empty paragraph the parser made of a paragraph's own end tag, the writer's HTML having closed it early. */
const isMadeByParser = (node: Element) => node.tagName === 'p' && !node.position && node.children.length === 0;

/** Rule 1 for a block of inline HTML (its raw nodes are its tags): the block parsed alone. */
function parsedBlock(block: Element): ElementContent[] {
  const raws = rawNodesIn(block);
  if (raws.length === 0) return [block];
  const tags = htmlTags(raws.map((raw) => raw.value));
  showLoneHidingTags(raws, tags, pairTags(tags));
  const root: Root = { type: 'root', children: parsed([block]) };
  visit(root, 'element', (node, index, parent) => {
    if (!isMadeByParser(node)) return;
    parent!.children.splice(index!, 1);
    return index;
  });
  return root.children as ElementContent[];
}

/**
 * remark-rehype options that parse each block of inline HTML as the block is made: its paragraph, heading or
 * table cell. (Only here are its bounds known: a tight list item's paragraphs are unwrapped right after.)
 */
export const rawHtmlToHast: RemarkRehypeOptions = {
  allowDangerousHtml: true,
  handlers: {
    paragraph: (state, node) => parsedBlock(defaultHandlers.paragraph(state, node)),
    heading: (state, node) => parsedBlock(defaultHandlers.heading(state, node)),
    tableRow(state, node, parent) {
      const row = defaultHandlers.tableRow(state, node, parent);
      row.children = row.children.flatMap((cell) => (cell.type === 'element' ? parsedBlock(cell) : [cell]));
      return row;
    },
  },
};

/** Rule 1 for the HTML blocks among `parent`'s children, after those inside its children. */
function parseHtmlBlocks(parent: Root | Element): void {
  for (const child of parent.children) if (child.type === 'element') parseHtmlBlocks(child);
  const at = parent.children.flatMap((child, index) => (child.type === 'raw' ? [index] : []));
  if (at.length === 0) return;
  const raws = at.map((index) => parent.children[index] as Raw);
  const tags = htmlTags(raws.map((raw) => raw.value));
  const partners = pairTags(tags);
  showLoneHidingTags(raws, tags, partners);
  // Each HTML block is parsed alone, but with the later blocks that close what it opens, and those between.
  const ends = at.map((index) => index);
  for (const [start, end] of partners) if (!start.closing) ends[start.source] = Math.max(ends[start.source], at[end.source]);
  const spans: [number, number][] = [];
  for (const [source, start] of at.entries()) {
    const last = spans.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], ends[source]);
    else spans.push([start, ends[source]]);
  }
  const children: RootContent[] = [];
  let next = 0;
  for (const [start, end] of spans) {
    for (const node of parent.children.slice(next, start)) children.push(node);
    for (const node of parsed(parent.children.slice(start, end + 1))) children.push(node);
    next = end + 1;
  }
  for (const node of parent.children.slice(next)) children.push(node);
  parent.children = children as ElementContent[];
}

/** Parses the writer's HTML blocks into the tree (inline HTML is parsed already, by `rawHtmlToHast`). */
export function rehypeHtmlBlocks() {
  return (tree: Root) => parseHtmlBlocks(tree);
}

const frontSteps = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, rawHtmlToHast).use(rehypeHtmlBlocks).freeze();
const STRIPPED_TAG = new RegExp(`<(${[...STRIPPED].join('|')})[\\s/>]`, 'i');

function textOf(node: Element): string {
  let text = '';
  visit(node.tagName === 'template' && node.content ? node.content : node, 'text', (child) => void (text += child.value));
  return text.replace(/\s+/g, ' ').trim();
}

/** What a body's raw HTML drops with an element the sanitizer strips whole, a problem for the writer to see. */
export interface DroppedContent {
  /** The line in the body where the element starts. */
  line: number;
  wrong: string;
  expected: string;
}

/**
 * The text in `markdown` that a stripped element (`<script>`, `<style>`, `<svg>`…) would drop from the page.
 * For a body within the nesting limit (nesting.ts), as the content check asks it.
 */
export function droppedContent(markdown: string): DroppedContent[] {
  if (!STRIPPED_TAG.test(markdown)) return [];
  const file = new VFile(markdown);
  const dropped: DroppedContent[] = [];
  visit(frontSteps.runSync(frontSteps.parse(file), file), 'element', (element) => {
    if (!STRIPPED.has(element.tagName)) return;
    const text = textOf(element);
    if (!text) return SKIP;
    const tag = `<${element.tagName}>`;
    const shown = text.length > 60 ? `${text.slice(0, 59)}…` : text;
    dropped.push({
      line: element.position?.start.line ?? 1,
      wrong: `"${shown}" is inside ${tag}, whose content is never shown`,
      expected: `no ${tag} element; to show the tag itself, write it alone or in backticks (\`${tag}\`)`,
    });
    return SKIP;
  });
  return dropped;
}

/** HTML blocks that CommonMark runs on to their closing mark, or to the end of the body when it never comes. */
const RUN_ON_BLOCKS: { opening: RegExp; closing: string; what: string }[] = [
  { opening: /^\s*<!--/, closing: '-->', what: 'an HTML comment' },
  { opening: /^\s*<\?/, closing: '?>', what: 'a processing instruction' },
  { opening: /^\s*<!\[CDATA\[/, closing: ']]>', what: 'a CDATA section' },
  { opening: /^\s*<![a-z]/i, closing: '>', what: 'a declaration' },
];

/**
 * Comments and the like opened in `tree` (a body's Markdown tree) and never closed: the block runs on to the
 * end of the body (or of the quote or list holding it), and the sanitizer then removes it, so every later
 * paragraph there is gone from the page.
 */
export function unclosedBlocks(tree: MdastRoot): DroppedContent[] {
  const unclosed: DroppedContent[] = [];
  // Inline HTML is only HTML when complete, so any such node left open is a block.
  visit(tree, 'html', (node) => {
    const block = RUN_ON_BLOCKS.find(({ opening }) => opening.test(node.value));
    if (!block || node.value.includes(block.closing)) return;
    unclosed.push({ line: node.position?.start.line ?? 1, wrong: `${block.what} opened here is never closed, so the rest of its block is hidden`, expected: `${block.closing} to close it` });
  });
  return unclosed;
}
