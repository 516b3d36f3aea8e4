/**
 * The Markdown pipeline exactly as Astro runs it (our plugins, then Astro's own image, heading-id and
 * raw-HTML steps), fed every DOMPurify payload and the Markdown-specific attacks.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { markdownConfig } from '../../src/lib/markdown/processor';
import { auditWriterHtml, unresolvedFragmentLinks } from '../support/allow-list';
import { markdownAttacks } from '../support/markdown-attacks';

const vectors: { title: string; payload: string }[] = JSON.parse(
  readFileSync(new URL('../fixtures/xss/dompurify-vectors.json', import.meta.url), 'utf8'),
);

let renderer: MarkdownRenderer;
const render = async (markdown: string) =>
  (await renderer.render(markdown, { fileURL: new URL('file:///content/articles/test.md') })).code;

beforeAll(async () => {
  const { processor, ...shared } = markdownConfig;
  renderer = await processor.createRenderer(shared);
});

describe('sanitizing', () => {
  it('has all 223 DOMPurify payloads to test', () => {
    expect(vectors).toHaveLength(223);
  });

  it.each(vectors.map((vector, index) => [index, vector.title, vector.payload]))(
    'DOMPurify vector %i (%s) leaves nothing outside the allow-list',
    async (_index, _title, payload) => {
      // Raw HTML alone in a block, and inline inside a paragraph: Markdown treats the two differently.
      for (const markdown of [payload, `Before ${payload} after`]) {
        expect(auditWriterHtml(await render(markdown))).toEqual([]);
      }
    },
  );

  it.each(markdownAttacks)('Markdown attack: %s', async (_name, markdown) => {
    const html = await render(markdown);
    expect(auditWriterHtml(html)).toEqual([]);
    // The text may still read "javascript:…" (an inert autolink); no attribute may carry it.
    expect(html).not.toMatch(/=\s*"[^"]*(javascript|vbscript|data):/i);
  });

  it('makes [x](javascript:alert(1)) an inert link with its text kept', async () => {
    expect(await render('[x](javascript:alert(1))')).toBe('<p><a>x</a></p>');
  });

  it('removes disallowed elements without showing their tags as text', async () => {
    const html = await render('A <marquee>moving</marquee> <blink>story</blink><style>p{}</style>\n\n<iframe src="https://example.org"></iframe>');
    expect(html.trim()).toBe('<p>A moving story</p>');
  });

  it('keeps the documented writers’ HTML', async () => {
    const markdown = [
      '<figure><img src="https://example.org/a.jpg" alt="A rhino"><figcaption>A rhino</figcaption></figure>',
      '',
      '<aside>Context box</aside>',
      '',
      'H<sub>2</sub>O and E=mc<sup>2</sup>, <abbr title="North Atlantic Treaty Organization">NATO</abbr>.',
      '',
      '| Party | Seats |',
      '| --- | ---: |',
      '| A | 10 |',
    ].join('\n');
    const html = await render(markdown);
    for (const fragment of [
      '<figure><img src="https://example.org/a.jpg" alt="A rhino"><figcaption>A rhino</figcaption></figure>',
      '<aside>Context box</aside>',
      'H<sub>2</sub>O',
      '<sup>2</sup>',
      '<abbr title="North Atlantic Treaty Organization">NATO</abbr>',
      '<th align="right">Seats</th>',
    ]) {
      expect(html).toContain(fragment);
    }
    expect(auditWriterHtml(html)).toEqual([]);
  });

  it('drops control characters pasted with the text', async () => {
    expect((await render('Pasted\u000Bfrom\u0002 Word')).trim()).toBe('<p>Pastedfrom Word</p>');
  });

  it('applies GFM and smart punctuation', async () => {
    const html = await render('"Quoted" -- and ~~struck~~, www.example.org');
    expect(html).toBe(
      '<p>“Quoted” — and <del>struck</del>, <a href="http://www.example.org">www.example.org</a></p>',
    );
  });
});

describe('smart punctuation', () => {
  it.each([
    ['pairs quotes across emphasis and links', '"A *quoted* [phrase](https://example.org)," she said.', '<p>“A <em>quoted</em> <a href="https://example.org">phrase</a>,” she said.</p>'],
    ['opens a quote at the start of each block', '"One"\n\n"Two"', '<p>“One”</p>\n<p>“Two”</p>'],
    ['leaves code alone', 'Type `"--"` then "go"...', '<p>Type <code>"--"</code> then “go”…</p>'],
    ['keeps backslashes and angle brackets as text', 'C:\\\\news \\<b> isn\'t', '<p>C:\\news &#x3C;b> isn’t</p>'],
    ['handles apostrophes and decades', "Russia's '80s -- the 'new' era", '<p>Russia’s ’80s — the ‘new’ era</p>'],
    ['falls back node by node when text spells an entity', '&amp;#8220; "quoted"', '<p>“ “quoted”</p>'],
  ])('%s', async (_name, markdown, html) => {
    expect(await render(markdown)).toBe(html);
  });
});

describe('writer ids (DOM clobbering)', () => {
  it('prefixes heading slugs, raw ids and footnotes, and keeps in-page links working', async () => {
    const html = await render(
      ['## config', '', '<p id="location">Raw</p>', '', 'See [the config](#config) and a note.[^1]', '', '[^1]: The note.'].join('\n'),
    );
    expect(html).toContain('<h2 id="user-content-config">config</h2>');
    expect(html).toContain('<p id="user-content-location">Raw</p>');
    expect(html).toContain('href="#user-content-config"');
    expect(html).toMatch(/<a href="#user-content-fn-1" id="user-content-fnref-1"/);
    expect(html).toMatch(/<li id="user-content-fn-1">/);
    expect(html).toContain('href="#user-content-fnref-1"');
    expect(unresolvedFragmentLinks(html)).toEqual([]);
    expect(auditWriterHtml(html)).toEqual([]);
  });

  it('demotes a writer’s h1, the page having its own', async () => {
    expect(await render('# Big')).toBe('<h2 id="user-content-big">Big</h2>');
  });

  it('gives raw headings a prefixed id too', async () => {
    expect(await render('<h3>Raw heading</h3>')).toBe('<h3 id="user-content-raw-heading">Raw heading</h3>');
  });
});
