import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check';
import { contentText } from '../../src/lib/content/markdown-file';
import { formatProblem } from '../../src/lib/content/problems';
import { outputRoot, writeContent } from '../support/build-site';

const fixtures = 'tests/fixtures';
const now = new Date('2026-01-01T00:00:00Z');
const report = (dir: string) => checkContent(join(fixtures, dir), { now }).map(formatProblem);

describe('content check', () => {
  it('passes the real content', () => {
    expect(checkContent('content')).toEqual([]);
  });

  it('reports every mistake of the broken fixture, each once, with file, line, field, what is wrong and what is expected', () => {
    const at = (file: string) => `tests/fixtures/broken-content/${file}`;
    const longName = `over-long-file-name-${Array(17).fill('very').join('-')}-long`;
    const slugForm = 'at most 100 lowercase letters, digits and single hyphens, e.g. putin-biden-win';
    const future = 'is in the future — a moment before 2026-01-02T00:00:00.000Z (scheduled publishing is not supported)';
    expect(report('broken-content')).toEqual([
      `${at('authors/avatar-without-alt.md')}:4 avatar.alt — missing — alt text describing the picture`,
      `${at('authors/avatar-without-alt.md')}:5 avatar.src — no file ./missing-picture.png beside the file — the path of a PNG, JPEG, WebP, AVIF or GIF picture in the content folder, relative to the Markdown file`,
      `${at('articles/Duplicate-Slug.md')}:1 (file name) — "Duplicate-Slug" is not URL-safe — a file name of ${slugForm}`,
      `${at('articles/date-without-zone.md')}:7 published — "2024-01-01T09:00:00" has no time zone — a date-time with zone, e.g. 2020-11-23T09:00:00-05:00`,
      `${at('articles/duplicate-slug.md')}:1 (file name) — same URL as ${at('articles/Duplicate-Slug.md')} when case is ignored — a file name no other file has, whatever the case`,
      `${at('articles/empty-dek.md')}:3 dek — empty — a one-line summary of 1–300 characters`,
      `${at('articles/future-date.md')}:7 published — 2999-01-01T00:00:00Z ${future}`,
      `${at('articles/future-update.md')}:12 updates.1.date — 2999-01-01T00:00:00Z ${future}`,
      `${at('articles/image-without-alt.md')}:12 (body) — image https://example.org/synthetic.jpg has no alt text — ![a description of the picture](…)`,
      `${at('articles/image-without-alt.md')}:14 (body) — <img src="https://example.org/synthetic.png"> has no alt text — <img … alt="a description of the picture">`,
      `${at('articles/image-without-alt.md')}:16 (body) — no file ./missing-chart.png beside the file — the path of a PNG, JPEG, WebP, AVIF or GIF picture in the content folder, relative to the Markdown file`,
      `${at('articles/impossible-date.md')}:7 published — "2021-02-30T09:00:00Z" is not a real date — a date-time with zone, e.g. 2020-11-23T09:00:00-05:00`,
      `${at('articles/invalid-yaml.md')}:8 (frontmatter) — invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] — fields written as "name: value", one a line`,
      `${at('articles/invisible-title.md')}:2 title — empty — a headline of 1–140 characters`,
      `${at('articles/missing-title.md')}:2 title — missing — a headline of 1–140 characters`,
      `${at('articles/no-frontmatter.md')}:1 (frontmatter) — missing — the file to start with a --- block of fields, closed by ---`,
      `${at('articles/not_url_safe.md')}:1 (file name) — "not_url_safe" is not URL-safe — a file name of ${slugForm}`,
      `${at('articles/notes.txt')}:1 (file name) — not a Markdown file or a picture, so it would not be published — a .md file (or a picture it uses) in articles/, or no file here`,
      `${at('articles/over-long-dek.md')}:3 dek — too long: 318 characters — a one-line summary of 1–300 characters`,
      `${at(`articles/${longName}.md`)}:1 (file name) — "${longName}" is too long: 109 characters — a file name of ${slugForm}`,
      `${at('articles/over-long-tag.md')}:8 tags.1 — too long: 108 characters — a list of tags, each ${slugForm}`,
      `${at('articles/over-long-title.md')}:2 title — too long: 170 characters — a headline of 1–140 characters`,
      `${at('articles/unknown-field.md')}:8 tittle — unknown field — one of: title, dek, kicker, section, authors, published, updated, tags, related, draft, image, updates, sources`,
      `${at('articles/unknown-section.md')}:5 section — unknown value "sports" — one of: world, politics, business, science, culture, opinion`,
      `${at('articles/wrong-type.md')}:8 draft — wrong type: a string — true or false`,
      `${at('headlines.yaml')}:14 title — same headline as the entry at line 2 — each story listed once`,
      `${at('headlines.yaml')}:8 url — "javascript:alert(1)" is not an http(s) URL — an absolute http(s) URL`,
      `${at('headlines.yaml')}:12 url — "ftp://example.org/story" is not an http(s) URL — an absolute http(s) URL`,
      `${at('headlines.yaml')}:19 date — "2024-01-01" has no time zone — a date-time with zone, e.g. 2020-11-23T09:00:00-05:00`,
      `${at('headlines.yaml')}:23 date — "2024-13-01T09:00:00Z" is not a real date — a date-time with zone, e.g. 2020-11-23T09:00:00-05:00`,
      `${at('headlines.yaml')}:27 date — 2999-01-01T00:00:00Z ${future}`,
      `${at('articles/related-to-itself.md')}:8 related — the article pins itself — another article's file name or a headline id`,
      `${at('articles/unknown-author.md')}:6 authors — unknown author "nobody" — a file authors/nobody.md, or an existing author id`,
      `${at('articles/unknown-related.md')}:8 related — unknown id "no-such-story" — an article file name or a headline id`,
    ]);
  });

  it('accepts a date a little ahead (clock skew, time zones) but not beyond the tolerance', () => {
    const problems = checkContent(join(fixtures, 'broken-content'), { now: new Date('2998-12-31T12:00:00Z'), futureToleranceHours: 24 });
    expect(problems.some((problem) => problem.wrong.includes('in the future'))).toBe(false);
  });

  describe('reads files as editors save them', () => {
    const folder = join(outputRoot, 'content-check-unit');
    const article = '---\ntitle: A synthetic title\ndek: A synthetic dek.\nkicker: Test Fixture\nsection: world\nauthors: [tester]\npublished: 2024-01-01T00:00:00Z\n---\n\nBody text.\n';
    const author = '---\nname: Synthetic Tester\nrole: Test fixture\n---\n\nGenerated for tests.\n';
    const headlines = '- kicker: Test Fixture\n  title: A synthetic headline\n  dek: A synthetic dek.\n';
    const at = (name: string) => relative(process.cwd(), join(folder, name));
    const check = (files: Record<string, string>) => checkContent(writeContent(folder, { 'authors/tester.md': author, ...files }), { now }).map(formatProblem);
    const crlf = (text: string) => text.replaceAll('\n', '\r\n');
    const cr = (text: string) => text.replaceAll('\n', '\r');

    it('with a byte-order mark, or CRLF or CR-only line endings', () => {
      expect(contentText(Buffer.from('\uFEFFa\r\nb\rc\n\r\n'))).toBe('a\nb\nc\n\n');
      expect(
        check({
          'authors/tester.md': `\uFEFF${crlf(author)}`,
          'articles/bom.md': `\uFEFF${article}`,
          'articles/crlf.md': crlf(article),
          'articles/cr.md': cr(article),
          'articles/all-three.md': `\uFEFF${cr(crlf(article))}`,
          'headlines.yaml': `\uFEFF${crlf(headlines)}`,
        }),
      ).toEqual([]);
    });

    it('with the lines of problems counted the same whatever the line endings', () => {
      const unknownSection = article.replace('section: world', 'section: sports');
      expect(check({ 'articles/cr.md': cr(unknownSection), 'articles/crlf.md': `\uFEFF${crlf(unknownSection)}`, 'headlines.yaml': cr(`${headlines}  url: ftp://example.org/\n`) })).toEqual([
        `${at('articles/cr.md')}:5 section — unknown value "sports" — one of: world, politics, business, science, culture, opinion`,
        `${at('articles/crlf.md')}:5 section — unknown value "sports" — one of: world, politics, business, science, culture, opinion`,
        `${at('headlines.yaml')}:4 url — "ftp://example.org/" is not an http(s) URL — an absolute http(s) URL`,
      ]);
    });

    it('each rule that has no file in the broken fixture: headline id equal to an article id, updated in the future, a missing lead picture, an empty list, not a date-time, the wrong form, 25 hours ahead', () => {
      const withFields = (fields: string) => article.replace('---\n\nBody', `${fields}---\n\nBody`);
      expect(
        check({
          'articles/a-synthetic-headline.md': article,
          'headlines.yaml': headlines,
          'articles/updated-ahead.md': withFields('updated: 2026-01-02T01:00:00Z\n'),
          'articles/lead-missing.md': withFields('image: { src: ./gone.jpg, alt: Gone }\n'),
          'articles/no-authors.md': article.replace('authors: [tester]', 'authors: []'),
          'articles/not-a-date.md': article.replace('published: 2024-01-01T00:00:00Z', 'published: yesterday'),
          'articles/wrong-form.md': withFields('tags: [Not A Slug]\n'),
          'articles/published-ahead.md': article.replace('published: 2024-01-01T00:00:00Z', 'published: 2026-01-02T01:00:00Z'),
        }),
      ).toEqual([
        `${at('articles/lead-missing.md')}:8 image.src — no file ./gone.jpg beside the file — the path of a PNG, JPEG, WebP, AVIF or GIF picture in the content folder, relative to the Markdown file`,
        `${at('articles/no-authors.md')}:6 authors — empty list — a list of author ids, e.g. [peter]`,
        `${at('articles/not-a-date.md')}:7 published — "yesterday" is not a date-time — a date-time with zone, e.g. 2020-11-23T09:00:00-05:00`,
        `${at('articles/published-ahead.md')}:7 published — 2026-01-02T01:00:00Z is in the future — a moment before 2026-01-02T00:00:00.000Z (scheduled publishing is not supported)`,
        `${at('articles/updated-ahead.md')}:8 updated — 2026-01-02T01:00:00Z is in the future — a moment before 2026-01-02T00:00:00.000Z (scheduled publishing is not supported)`,
        `${at('articles/wrong-form.md')}:8 tags.0 — "Not A Slug" is not in the expected form — a list of tags, each at most 100 lowercase letters, digits and single hyphens, e.g. putin-biden-win`,
        `${at('headlines.yaml')}:2 title — its id "a-synthetic-headline" is the file name of an article — a story with no article file here (remove the entry or the article)`,
      ]);
    });

    it('a comment (or the like) never closed, which would hide the rest of the body', () => {
      const body = (text: string) => article.replace('Body text.', text);
      expect(
        check({
          'articles/comment.md': body('Para one.\n\n<!-- editor note\n\nImportant second paragraph.'),
          'articles/closed.md': body('Para one.\n\n<!-- editor note -->\n\nSecond.\n\n<!--\n\nA note over paragraphs\n\n-->'),
          'articles/quoted.md': body('> <?php echo 1\n>\n> Hidden in the quote.'),
        }),
      ).toEqual([
        `${at('articles/comment.md')}:12 (body) — an HTML comment opened here is never closed, so the rest of its block is hidden — --> to close it`,
        `${at('articles/quoted.md')}:10 (body) — a processing instruction opened here is never closed, so the rest of its block is hidden — ?> to close it`,
      ]);
    });

    it('a letter of the body stacked with combining marks ("Zalgo" text), on its line, as in titles; the marks of real writing pass', () => {
      const body = (text: string) => article.replace('Body text.', text);
      const stack = (marks: number) => '\u0301'.repeat(marks);
      expect(
        check({
          'articles/zalgo.md': body(`Para one.\n\nA stacked Z${stack(9)}algo here.`),
          // A control character the page drops must not hide the stack its removal joins.
          'articles/hidden.md': body(`Para one.\n\nSplit a${stack(5)}\u0007${stack(5)} stack.`),
          'articles/eight.md': body(`Eight are fine: Z${stack(8)}, and AT&T or &amp; are no marks.`),
          // Written apart, published together: character references, a comment dropped, emphasis joined.
          'articles/references.md': body(`Para one.\n\nA Z${'&#x301;'.repeat(9)} here.`),
          'articles/comment-between.md': body(`Para one.\n\nA Z${stack(5)}<!-- x -->${stack(5)} here.`),
          'articles/emphasis-between.md': body(`Para one.\n\n# Title\n\nA Z${stack(5)}*${stack(5)}* here.`),
          'articles/writing.md': body('Nguye\u0302\u0303n Phu\u0301 Tro\u0323ng; בְּרֵאשִׁ֖ית בָּרָ֣א; स्त्र्यों की कथा; مُحَمَّدٌ رَسُولٌ.'),
        }),
      ).toEqual([
        `${at('articles/comment-between.md')}:12 (body) — the letter "Z" carries 10 combining marks, which draw over the lines around it — at most 8 to a letter`,
        `${at('articles/emphasis-between.md')}:14 (body) — the letter "Z" carries 10 combining marks, which draw over the lines around it — at most 8 to a letter`,
        `${at('articles/hidden.md')}:12 (body) — the letter "a" carries 10 combining marks, which draw over the lines around it — at most 8 to a letter`,
        `${at('articles/references.md')}:12 (body) — the letter "Z" carries 9 combining marks, which draw over the lines around it — at most 8 to a letter`,
        `${at('articles/zalgo.md')}:12 (body) — the letter "Z" carries 9 combining marks, which draw over the lines around it — at most 8 to a letter`,
      ]);
    });

    it('with YAML aliases resolved, and an alias to nothing named with its line', () => {
      expect(check({ 'articles/alias.md': article.replace('dek: A synthetic dek.', 'dek: *t').replace('title: A synthetic title', 'title: &t A synthetic title') })).toEqual([]);
      expect(check({ 'articles/alias.md': article.replace('dek: A synthetic dek.', 'dek: *nowhere') })).toEqual([
        `${at('articles/alias.md')}:3 (frontmatter) — invalid YAML: Unresolved alias (the anchor must be set before the alias): nowhere — fields written as "name: value", one a line`,
      ]);
    });
  });
});
