/**
 * The Markdown pipeline exactly as the content loader runs it, fed every DOMPurify payload and the
 * Markdown-specific attacks; and Astro's renderer built from the same steps.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownConfig, renderMarkdown } from '../../src/lib/markdown/processor';
import { elementsHoldingPictures, markedPicture } from '../../src/lib/markdown/rehype-body-pictures';
import { messagesFor } from '../../src/lib/util/messages';
import { smartPunctuation } from '../../src/lib/util/typography';
import { outputRoot, writeContent } from '../support/build-site';
import { TINY_JPEG, TINY_PNG } from '../support/pictures';
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

  it('leaves a writer no Pagefind attribute: a body cannot set a result’s date or order, title, section, or what is indexed', async () => {
    const html = await render(
      '<time datetime="2099-01-01T00:00:00.000Z" data-pagefind-sort="published[datetime]">Soon</time> ' +
        '<span data-pagefind-meta="title:Forged" data-pagefind-filter="section:Forged" data-pagefind-weight="10">x</span>\n\n' +
        '<div data-pagefind-body data-pagefind-ignore="all" data-pagefind-index-attrs="title">y</div>',
    );
    expect(html).toContain('<time datetime="2099-01-01T00:00:00.000Z">Soon</time>');
    expect(html).not.toContain('pagefind');
  });

  it.each(markdownAttacks)('Markdown attack: %s', async (_name, markdown) => {
    const html = await render(markdown);
    expect(auditWriterHtml(html)).toEqual([]);
    // The text may still read "javascript:…" (an inert autolink); no attribute may carry it.
    expect(html).not.toMatch(/=\s*"[^"]*(javascript|vbscript|data):/i);
  });

  it('makes [x](javascript:alert(1)) an inert link with its text kept', async () => {
    expect(await render('[x](javascript:alert(1))')).toBe('<p><a>x</a></p>');
  });

  it.each([
    ['a link', '[e](HTTPS://EXAMPLE.ORG/Path)', '<p><a href="https://EXAMPLE.ORG/Path">e</a></p>'],
    ['an autolink', '<MAILTO:a@b.c>', '<p><a href="mailto:a@b.c">MAILTO:a@b.c</a></p>'],
    ['raw HTML', '<a href="Tel:+15550100">call</a> <img src="HTTP://example.org/a.png" alt="a">', '<p><a href="tel:+15550100">call</a> <img src="http://example.org/a.png" alt="a"></p>'],
    ['a refused scheme, whatever its case', '[x](JAVASCRIPT:alert(1)) <a href="VbScript:x">y</a>', '<p><a>x</a> <a>y</a></p>'],
  ])('reads URL schemes case-insensitively: %s', async (_name, markdown, html) => {
    expect(await render(markdown)).toBe(html);
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

  it('drops control characters and bidi overrides from attribute values too (a vertical tab in alt text broke the feeds)', async () => {
    const html = await render('![Vertical\u000Btab](https://example.org/a.png "Ti\u202Etle") <abbr title="a\u000Cb\uFFFE">c</abbr>');
    expect(html).toBe('<p><img src="https://example.org/a.png" alt="Verticaltab" title="Title"> <abbr title="ab">c</abbr></p>');
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
    ['keeps text that spells an entity as typed', '\\&#8220; and &amp;#8220; "quoted"', '<p>&#x26;#8220; and &#x26;#8220; “quoted”</p>'],
    ['keeps autolinked URLs as typed', 'See www.example.com/a--b...c and <https://example.org/"x"--y>.', '<p>See <a href="http://www.example.com/a--b...c">www.example.com/a--b...c</a> and <a href="https://example.org/%22x%22--y">https://example.org/"x"--y</a>.</p>'],
    ['keeps a URL written as link text as typed', '[https://example.org/a--b](https://example.org/a--b) but [a--b](https://example.org)', '<p><a href="https://example.org/a--b">https://example.org/a--b</a> but <a href="https://example.org">a—b</a></p>'],
    ['leaves raw code, kbd and samp alone', '<code>a -- "b"</code>, <kbd>"x"...</kbd> and <samp>s--t</samp> then "go"', '<p><code>a -- "b"</code>, <kbd>"x"...</kbd> and <samp>s--t</samp> then “go”</p>'],
    ['leaves raw pre alone', 'Run <pre>"p" -- q</pre>', '<p>Run </p>\n<pre>"p" -- q</pre>'],
    ['keeps escaped characters as typed', '\\"quoted\\" \\-\\- \\.\\.\\. it\\\'s "real"', '<p>"quoted" -- ... it\'s “real”</p>'],
    ['keeps characters spelled as references as typed', '&quot;x&quot; &#39;y&#39; &#45;&#45; "z"', '<p>"x" \'y\' -- “z”</p>'],
    ['makes -- and --- one em dash, and leaves longer runs', 'word---word, a -- b, c----d', '<p>word—word, a — b, c----d</p>'],
  ])('%s', async (_name, markdown, html) => {
    expect(await render(markdown)).toBe(html);
  });

  it('follows the same rules in plain fields: an entity typed in a title stays as typed, --- is one dash', () => {
    expect(smartPunctuation('"Fair" &#8220;play&#8221; -- word---word <b> C:\\')).toBe('“Fair” &#8220;play&#8221; — word—word <b> C:\\');
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

  it('names headings from the text as typed, as GitHub does, so in-page links written the GitHub way resolve', async () => {
    const html = await render(['## Sub "quoted" -- it\'s', '', '## Ellipsis... `co--de`', '', 'See [above](#sub-quoted----its) and [code](#ellipsis-co--de).'].join('\n'));
    expect(html).toContain('<h2 id="user-content-sub-quoted----its">Sub “quoted” — it’s</h2>');
    expect(html).toContain('<h2 id="user-content-ellipsis-co--de">Ellipsis… <code>co--de</code></h2>');
    expect(unresolvedFragmentLinks(html)).toEqual([]);
  });

  it('numbers repeated headings as GitHub does, counting Markdown headings first, and never repeats an id', async () => {
    const html = await render(['<h2>Notes</h2>', '', '## Notes', '', '## Notes'].join('\n'));
    expect(html).toBe('<h2 id="user-content-notes-2">Notes</h2>\n<h2 id="user-content-notes">Notes</h2>\n<h2 id="user-content-notes-1">Notes</h2>');
  });

  it('demotes a writer’s h1, the page having its own', async () => {
    expect(await render('# Big')).toBe('<h2 id="user-content-big">Big</h2>');
  });

  it('gives raw headings a prefixed id too', async () => {
    expect(await render('<h3>Raw heading</h3>')).toBe('<h3 id="user-content-raw-heading">Raw heading</h3>');
  });
});

describe('pictures in a body', () => {
  // A content folder of its own: pictures must be real pictures inside the folder being built.
  const root = join(outputRoot, 'pipeline-pictures');
  const article = join(root, 'articles/synthetic.md');
  beforeAll(() => {
    writeContent(root, { 'articles/chart.png': '', 'articles/icon one.png': '', 'articles/raw.jpg': '', 'articles/growth-100%.png': '', 'articles/evil.js': 'process.exit(9)', 'articles/face.svg': '<svg/>' });
    for (const name of ['chart.png', 'icon one.png', 'growth-100%.png']) writeFileSync(join(root, 'articles', name), TINY_PNG);
    writeFileSync(join(outputRoot, 'outside.png'), TINY_PNG);
    writeFileSync(join(root, 'articles/raw.jpg'), TINY_JPEG);
    symlinkSync(join(root, 'articles/evil.js'), join(root, 'articles/face.png'));
    symlinkSync('/etc/hostname', join(root, 'articles/host.png'));
  });

  it('takes local pictures out, leaving markers, and keeps remote ones', async () => {
    const { html, pictures } = await renderMarkdown(
      ['![A chart](./chart.png "Votes by state | Graphic: Example Desk")', '', 'Text with ![an icon](icon%20one.png) inline and ![remote](https://example.org/r.jpg).', '', '<figure><img src="./raw.jpg" alt="Raw"><figcaption>Raw caption</figcaption></figure>'].join('\n'),
      article,
      root,
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

  it('cannot be forged inside an attribute: only a comment node is a marker', async () => {
    const { html } = await renderMarkdown('<abbr title="a<!--picture:0-->b"><a href="x">c</a></abbr>', article, root);
    const tree = fromHtml(html, { fragment: true });
    expect(elementsHoldingPictures(tree).size).toBe(0);
    const comments: unknown[] = [];
    visit(tree, 'comment', (node) => void comments.push(node));
    expect(comments).toEqual([]);
  });

  it('knows which elements hold a picture, however deep', async () => {
    const { html } = await renderMarkdown('> - Linked: [![A chart](./chart.png)](https://example.org/)', article, root);
    const tree = fromHtml(html, { fragment: true });
    expect([...elementsHoldingPictures(tree)].map((element) => element.tagName)).toEqual(['blockquote', 'ul', 'li', 'a']);
    expect(markedPicture({ type: 'comment', value: 'picture:0' })).toBe(0);
    expect(markedPicture({ type: 'text', value: '<!--picture:0-->' })).toBeUndefined();
  });

  it('takes a file name with % as written when it is no escape', async () => {
    const { pictures } = await renderMarkdown('![Growth](growth-100%.png)\n\n![Bad](b%zz.png)', article, root);
    expect(pictures.map(({ src }) => src)).toEqual(['growth-100%.png']);
  });

  it('leaves anything that may not be published a plain img for the content check to report: missing, outside, linked out, not a picture, SVG', async () => {
    const names = [
      // What Vite reads after ? as a query: Astro's own image flag, forged, pointed the import outside.
      '../../outside.png?astroContentImageFlag&/../pipeline-pictures/articles/chart.png',
      '../../outside.png#/../pipeline-pictures/articles/chart.png',
      'x\\..\\..\\..\\outside.png',
      './missing.png', '../../outside.png', '../../../etc/hostname.png', 'host.png', 'face.png', 'evil.js', 'face.svg', '/etc/passwd'];
    const { html, pictures } = await renderMarkdown(names.map((name) => `![x](${name})`).join('\n\n'), article, root);
    expect(pictures).toEqual([]);
    expect(html.match(/<img /g)).toHaveLength(names.length);
  });
});

describe('footnotes', () => {
  const markdown = 'A claim.[^a] Again.[^a]\n\n[^a]: The source.';

  it('are labelled in the site’s language: the heading screen readers read, and each back-link', async () => {
    const arabic = messagesFor('ar').footnotes;
    const html = (await renderMarkdown(markdown, undefined, undefined, arabic)).html;
    const tree = fromHtml(html, { fragment: true });
    const texts: string[] = [];
    const labels: unknown[] = [];
    visit(tree, 'element', (node) => {
      if (node.tagName === 'h2') texts.push(String((node.children[0] as { value: string }).value));
      if (node.properties.dataFootnoteBackref !== undefined) labels.push(node.properties.ariaLabel);
    });
    expect(texts).toEqual(['الحواشي']);
    expect(labels).toEqual(['العودة إلى الإشارة 1', 'العودة إلى الإشارة 1-2']);
  });

  it('say the same in English without words of the site’s, as the messages write it', async () => {
    const html = (await renderMarkdown(markdown)).html;
    expect(html).toBe((await renderMarkdown(markdown, undefined, undefined, messagesFor('en').footnotes)).html);
    expect(html).toContain('aria-label="Back to reference 1-2"');
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
