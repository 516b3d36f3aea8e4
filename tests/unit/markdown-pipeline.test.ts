/**
 * The Markdown pipeline exactly as the content loader runs it, fed every DOMPurify payload and the
 * Markdown-specific attacks; and Astro's renderer built from the same steps.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownConfig, renderMarkdown } from '../../src/lib/markdown/processor';
import { splitAtPictures } from '../../src/lib/markdown/rehype-body-pictures';
import { auditWriterHtml, unresolvedFragmentLinks } from '../support/allow-list';
import { markdownAttacks } from '../support/markdown-attacks';

const vectors: { title: string; payload: string }[] = JSON.parse(
  readFileSync(new URL('../fixtures/xss/dompurify-vectors.json', import.meta.url), 'utf8'),
);

const render = async (markdown: string) => (await renderMarkdown(markdown)).html;

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

describe('pictures in a body', () => {
  it('takes local pictures out, leaving markers, and keeps remote ones', async () => {
    const { html, pictures } = await renderMarkdown(
      ['![A chart](./chart.png "Votes by state | Graphic: Example Desk")', '', 'Text with ![an icon](icon%20one.png) inline and ![remote](https://example.org/r.jpg).', '', '<figure><img src="./raw.jpg" alt="Raw"><figcaption>Raw caption</figcaption></figure>'].join('\n'),
    );
    expect(html).toBe(
      '<!--picture:0-->\n<p>Text with <!--picture:1--> inline and <img src="https://example.org/r.jpg" alt="remote">.</p>\n<figure><!--picture:2--><figcaption>Raw caption</figcaption></figure>',
    );
    expect(pictures).toEqual([
      { src: './chart.png', alt: 'A chart', caption: 'Votes by state', credit: 'Graphic: Example Desk', figure: true },
      { src: 'icon one.png', alt: 'an icon', caption: undefined, credit: undefined, figure: false },
      { src: './raw.jpg', alt: 'Raw', caption: undefined, credit: undefined, figure: false },
    ]);
  });

  it('cannot be forged: a writer’s comment is removed by the sanitizer', async () => {
    const { html, pictures } = await renderMarkdown('<!--picture:0-->\n\nText');
    expect(html.trim()).toBe('<p>Text</p>');
    expect(pictures).toEqual([]);
  });

  it('looks for pictures beside the Markdown file, leaving a missing one a plain img for the content check to report', async () => {
    const markdown = '![An icon](./favicon.svg)\n\n![Gone](./missing.png)';
    const { html, pictures } = await renderMarkdown(markdown, 'public/synthetic.md');
    expect(html).toBe('<!--picture:0-->\n<p><img src="./missing.png" alt="Gone"></p>');
    expect(pictures.map(({ src }) => src)).toEqual(['./favicon.svg']);
  });

  it('splits the HTML at the markers', () => {
    expect(splitAtPictures('<p>a <!--picture:0--> b</p><!--picture:1-->')).toEqual(['<p>a ', 0, ' b</p>', 1]);
    expect(splitAtPictures('<p>none</p>')).toEqual(['<p>none</p>']);
  });
});

describe('Astro’s renderer, for Markdown Astro renders itself', () => {
  it('runs the same sanitizing steps', async () => {
    const { processor, ...shared } = markdownConfig;
    const renderer = await processor.createRenderer(shared);
    const markdown = '# Big "quote"\n\n<script>alert(1)</script><p id="x" onclick="y">Raw</p>';
    expect((await renderer.render(markdown)).code).toBe((await renderMarkdown(markdown)).html);
  });
});
