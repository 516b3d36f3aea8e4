/**
 * "Nothing a writer types is lost": raw HTML is sanitized, but never swallows the text around it. A tag whose
 * element would hide text is shown as text unless written whole; what a whole stripped element drops is a
 * content error, with its line.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check';
import { renderMarkdown } from '../../src/lib/markdown/processor';
import { htmlTags, pairTags } from '../../src/lib/markdown/html-tags';
import { droppedContent } from '../../src/lib/markdown/raw-html';
import { formatProblem } from '../../src/lib/content/problems';
import { auditWriterHtml } from '../support/allow-list';
import { outputRoot, writeContent } from '../support/build-site';

const render = async (markdown: string) => (await renderMarkdown(markdown)).html;

describe('raw HTML keeps the writer’s text', () => {
  it.each(['title', 'textarea', 'script', 'style', 'svg', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'object', 'template', 'select', 'noscript', 'math', 'details'])(
    'shows a lone <%s> named in prose as text, and keeps every later block',
    async (tag) => {
      const html = await render(`The <${tag}> element is old.\n\nNext paragraph.\n\n## Later heading\n\nLast.`);
      expect(html).toBe(`<p>The &#x3C;${tag}> element is old.</p>\n<p>Next paragraph.</p>\n<h2 id="user-content-later-heading">Later heading</h2>\n<p>Last.</p>`);
    },
  );

  it('shows lone tags as text in an HTML block, a table cell, a list item and a heading too', async () => {
    const html = await render(['<div>The <title> of a page', '</div>', '', '| <style> | b |', '| --- | --- |', '', '- a <select> list', '', '## The </script> end tag', '', 'After.'].join('\n'));
    for (const text of ['The &#x3C;title> of a page', '<th>&#x3C;style></th>', '<li>a &#x3C;select> list</li>', '>The &#x3C;/script> end tag</h2>', '<p>After.</p>']) {
      expect(html).toContain(text);
    }
  });

  it('shows as text GFM’s tagfilter example, keeping the allowed tags around', async () => {
    const html = await render('<strong> <title> <style> <em>\n\n<blockquote>\n  <xmp> is disallowed.  <XMP> is also disallowed.\n</blockquote>');
    expect(html).toBe('<p><strong> &#x3C;title> &#x3C;style> <em></em></strong></p>\n<blockquote>\n  &#x3C;xmp> is disallowed.  &#x3C;XMP> is also disallowed.\n</blockquote>');
  });

  it('ends an element left open with its Markdown block: an unclosed <h2> takes no later paragraph', async () => {
    expect(await render('A <h2> typed in prose\n\nnext\n\nnext again')).toBe('<p>A </p>\n<h2 id="user-content--typed-in-prose"> typed in prose</h2>\n<p>next</p>\n<p>next again</p>');
    expect(await render('Some <b>bold\n\nplain')).toBe('<p>Some <b>bold</b></p>\n<p>plain</p>');
    expect(await render('<div>\nOpen\n\nplain')).toBe('\nOpen\n<p>plain</p>');
  });

  it('lets HTML blocks wrap Markdown blocks, as CommonMark intends', async () => {
    const html = await render('<details>\n<summary>More</summary>\n\nInside *Markdown*.\n\n</details>\n\nAfter.');
    expect(html).toBe('<details>\n<summary>More</summary>\n<p>Inside <em>Markdown</em>.</p>\n</details>\n<p>After.</p>');
  });

  it('keeps whole elements the schema allows, and drops whole stripped ones with their content', async () => {
    expect(await render('Press <kbd>Ctrl</kbd> and <abbr title="save">S</abbr>.\n\n<details><summary>More</summary>open</details>')).toBe('<p>Press <kbd>Ctrl</kbd> and <abbr title="save">S</abbr>.</p>\n<details><summary>More</summary>open</details>');
    expect(await render('Before <script>alert(1)</script> after.\n\n<style>\np { color: red }\n</style>\n\nLast.')).toBe('<p>Before  after.</p>\n\n<p>Last.</p>');
  });

  it('stays inside the allow-list whatever is shown as text', async () => {
    const html = await render('<svg onload=alert(1)> <script src=x> <iframe src=javascript:alert(1)> <title><img src=x onerror=alert(1)>');
    expect(auditWriterHtml(html)).toEqual([]);
    expect(html).toContain('&#x3C;svg onload=alert(1)>');
  });
});

describe('reading a writer’s tags', () => {
  it('pairs tags as a parser would, skipping comments and the content of raw-text elements', () => {
    const tags = htmlTags(['<b><!-- <i> --><script>if (a <i> b) {}', '</script><svg/><br></b></i>']);
    expect(tags.map(({ name, closing, whole }) => `${closing ? '/' : ''}${name}${whole ? '/' : ''}`)).toEqual(['b', 'script', '/script', 'svg/', 'br/', '/b', '/i']);
    const partners = pairTags(tags);
    expect([...partners].filter(([start]) => !start.closing).map(([start, end]) => `${start.name}…/${end.name}`)).toEqual(['script…/script', 'b…/b']);
  });

  it('takes time in proportion to what is typed, whatever it is', () => {
    const started = performance.now();
    for (const typed of ['<a b="'.repeat(50_000), '<script> '.repeat(50_000), '<p>'.repeat(50_000) + '</b>'.repeat(50_000), '<!-- '.repeat(50_000)]) pairTags(htmlTags([typed, typed]));
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('dropped content is reported', () => {
  it('finds what whole stripped elements drop, with its line; nothing for lone tags or empty elements', () => {
    const markdown = ['Intro with <script>alert(1)</script> inline.', '', 'The <title> element is fine.', '', '<style>', 'p { color: red }', '</style>', '', '<iframe src="https://example.org"></iframe>', '', '| a |', '| --- |', '| <textarea>typed</textarea> |'].join('\n');
    expect(droppedContent(markdown)).toEqual([
      { line: 1, wrong: '"alert(1)" is inside <script>, whose content is never shown', expected: 'no <script> element; to show the tag itself, write it alone or in backticks (`<script>`)' },
      { line: 5, wrong: '"p { color: red }" is inside <style>, whose content is never shown', expected: 'no <style> element; to show the tag itself, write it alone or in backticks (`<style>`)' },
      { line: 13, wrong: '"typed" is inside <textarea>, whose content is never shown', expected: 'no <textarea> element; to show the tag itself, write it alone or in backticks (`<textarea>`)' },
    ]);
    expect(droppedContent('Plain text, `<script>` in code, and a lone <svg> tag.')).toEqual([]);
  });

  it('is a content error naming the file and line', () => {
    const folder = join(outputRoot, 'dropped-content');
    const article = '---\ntitle: A synthetic title\ndek: A synthetic dek.\nkicker: Test Fixture\nsection: world\nauthors: [tester]\npublished: 2024-01-01T00:00:00Z\n---\n\nFirst paragraph.\n\n<object data="x.swf">Fallback text</object>\n';
    writeContent(folder, { 'authors/tester.md': '---\nname: Synthetic Tester\nrole: Test fixture\n---\n\nBio <svg><text>Logo</text></svg>.\n', 'articles/embed.md': article });
    expect(checkContent(folder, { now: new Date('2026-01-01T00:00:00Z') }).map(formatProblem)).toEqual([
      `${relative(process.cwd(), join(folder, 'authors/tester.md'))}:6 (body) — "Logo" is inside <svg>, whose content is never shown — no <svg> element; to show the tag itself, write it alone or in backticks (\`<svg>\`)`,
      `${relative(process.cwd(), join(folder, 'articles/embed.md'))}:12 (body) — "Fallback text" is inside <object>, whose content is never shown — no <object> element; to show the tag itself, write it alone or in backticks (\`<object>\`)`,
    ]);
  });
});
