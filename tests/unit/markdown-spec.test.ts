/**
 * The official CommonMark spec examples (npm `commonmark-spec`) and the GFM extension examples
 * (tests/fixtures/gfm-spec, written out by hand: no npm package ships the GFM spec) through the pipeline. Each
 * example must match once both sides are brought to common ground by `normalised`, or be listed below with the
 * reason it differs on purpose. A new difference fails the suite, and so does a listed one that no longer differs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Element, Properties, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import rehypeSanitize from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown/processor';
import rehypeDemoteH1 from '../../src/lib/markdown/rehype-demote-h1';
import rehypeLowercaseSchemes from '../../src/lib/markdown/rehype-lowercase-schemes';
import { CLOBBER_PREFIX, sanitizeSchema } from '../../src/lib/markdown/sanitize-schema';

interface Example {
  number: number;
  section: string;
  markdown: string;
  html: string;
}

// The spec writes tabs as →.
const withTabs = (example: Example): Example => ({ ...example, markdown: example.markdown.replaceAll('→', '\t'), html: example.html.replaceAll('→', '\t') });
const commonmark = (createRequire(import.meta.url)('commonmark-spec') as { tests: Example[] }).tests.map(withTabs);
const gfm = (JSON.parse(readFileSync(new URL('../fixtures/gfm-spec/extensions.json', import.meta.url), 'utf8')) as { examples: Example[] }).examples;

const sanitize = rehypeSanitize(sanitizeSchema) as (tree: Root) => Root;
const BLOCK_TAGS = 'address|article|aside|blockquote|details|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul';
const AROUND_BLOCK_TAGS = new RegExp(`\\s*(</?(?:${BLOCK_TAGS})(?:\\s[^>]*)?>)\\s*`, 'g');

/** Smart punctuation undone, on both sides alike: curly quotes, dashes and ellipses straightened. */
const straightened = (text: string) =>
  text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/…/g, '...').replace(/—/g, '--').replace(/(?<!-)-{2,3}(?!-)/g, '--');

/**
 * HTML with the pipeline's documented transformations applied, so expected and rendered HTML compare equal
 * where they differ by nothing else: h1 demoted, URL schemes lower-cased, sanitized by the same schema, heading
 * ids and their `user-content-` prefix left out (and unprefixed from in-page links), the classes Markdown
 * features add left out, smart punctuation straightened, attributes in one order, whitespace between blocks
 * normalised.
 */
function normalised(html: string): string {
  let tree = fromHtml(html, { fragment: true });
  rehypeDemoteH1()(tree);
  rehypeLowercaseSchemes()(tree);
  tree = sanitize(tree);
  visit(tree, (node) => {
    if (node.type === 'text') node.value = straightened(node.value);
    if (node.type !== 'element') return;
    const { id: _id, className: _className, ...properties } = (node as Element).properties;
    if (typeof properties.href === 'string') properties.href = properties.href.replace(`#${CLOBBER_PREFIX}`, '#');
    (node as Element).properties = Object.fromEntries(Object.entries(properties).sort(([a], [b]) => a.localeCompare(b))) as Properties;
  });
  return toHtml(tree).replace(/\s+/g, ' ').replace(AROUND_BLOCK_TAGS, '$1').trim();
}

const render = async (markdown: string) => normalised((await renderMarkdown(markdown)).html);

/** An element an example leaves open ends with its Markdown block here; the expected HTML, parsed whole, carries it on. */
const LEFT_OPEN = 'an element left open ends with its Markdown block (raw-html.ts, rule 1); parsed whole, the expected HTML carries it past the block';
const GFM_AUTOLINKS = 'GFM autolinks bare URLs and email addresses (www., http(s)://, a@b.c); plain CommonMark leaves them text';

/** The examples that differ on purpose, by number, with the reason. */
const DIFFERENCES: Record<'commonmark' | 'gfm', Map<number, string>> = {
  commonmark: new Map([
    ...[21, 31, 150, 187, 344, 476, 477, 494, 613, 614, 615, 616, 630, 631, 642, 643].map((number) => [number, LEFT_OPEN] as const),
    [148, 'the Markdown paragraph inside the raw <pre> is an element closed in place; in the expected HTML a stray </p> after </pre> makes an empty paragraph'],
    [173, 'a <style> with no </style> in its block is shown as text (raw-html.ts, rule 2; GFM tagfilter); in the expected HTML it swallows the rest'],
    ...[602, 608, 611, 612].map((number) => [number, GFM_AUTOLINKS] as const),
  ]),
  gfm: new Map([
    [628, 'ftp:// is not autolinked: micromark links http(s):// and www. only (and the sanitizer would refuse an ftp: href)'],
    [652, LEFT_OPEN],
  ]),
};

describe.each([
  ['CommonMark 0.31.2', commonmark, DIFFERENCES.commonmark],
  ['GFM 0.29-gfm extensions', gfm, DIFFERENCES.gfm],
] as const)('%s spec examples', (_spec, examples, differences) => {
  it.each(examples.map((example) => [example.number, example.section, example] as const))('example %i (%s)', async (number, _section, example) => {
    const [rendered, expected] = [await render(example.markdown), normalised(example.html)];
    if (differences.has(number)) expect(rendered, `example ${number} now matches the spec: take it off the list`).not.toBe(expected);
    else expect(rendered).toBe(expected);
  });

  it('lists differences only of examples it has', () => {
    expect([...differences.keys()].filter((number) => !examples.some((example) => example.number === number))).toEqual([]);
  });
});
