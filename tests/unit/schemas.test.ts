import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { readHeadlineFile } from '../../src/lib/content/headlines-loader';
import { articleSchema, authorSchema, dateTime, headlineEntrySchema, SLUG_MAX_LENGTH } from '../../src/lib/content/schemas';
import { withoutControlCharacters } from '../../src/lib/util/typography';
import { seedBio, seedBodyParagraphs, seedHeadline, seedMoreStories, straightenQuotes } from '../support/seed';

const content = new URL('../../content/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, content), 'utf8');
const article = articleSchema(z.string());
const author = authorSchema(z.string());
const seedArticleFile = read('articles/putin-not-ready-to-acknowledge-trump-loss.md');
const seedArticle = parseFrontmatter(seedArticleFile).frontmatter;

/** The fields a failed parse names, e.g. `["title", "authors.0"]`. */
function failingFields(schema: z.ZodType, data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('the seed content', () => {
  it('article passes the schema, with its real headline and body', () => {
    const parsed = article.parse(seedArticle);
    expect(parsed.title).toBe('Russia’s Putin says he still isn’t ready to acknowledge Trump’s loss');
    expect(straightenQuotes(parsed.title)).toBe(seedHeadline);
    expect(parsed.published.toISOString()).toBe('2020-11-23T05:00:00.000Z');
    const body = parseFrontmatter(seedArticleFile).content.trim().split('\n\n');
    expect(body).toEqual(seedBodyParagraphs);
  });

  it('author passes the schema and carries the bio', () => {
    const { frontmatter, content: bio } = parseFrontmatter(read('authors/peter.md'));
    expect(author.parse(frontmatter).name).toBe('Peter');
    expect(bio.trim()).toBe(seedBio);
  });

  it('headline file holds the eleven more-stories entries verbatim', () => {
    const { entries, problems } = readHeadlineFile(read('headlines.yaml'), 'content/headlines.yaml');
    expect(problems).toEqual([]);
    const parsed = entries.map((entry) => headlineEntrySchema.parse(entry.data));
    const straight = parsed.map(({ kicker, title, dek }) => ({ kicker, title: straightenQuotes(title), dek: straightenQuotes(dek) }));
    expect(straight).toEqual(seedMoreStories);
    // The raw file holds the seed's text byte for byte; only the rendering is typographic.
    expect(entries.map(({ data }) => data.title)).toEqual(seedMoreStories.map((story) => story.title));
    expect(seedMoreStories).toHaveLength(11);
  });
});

describe('article schema rejects bad fields, naming them', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['missing title', { title: undefined }, ['title']],
    ['empty dek', { dek: '  ' }, ['dek']],
    ['kicker of the wrong type', { kicker: 3 }, ['kicker']],
    ['unknown section', { section: 'sports' }, ['section']],
    ['no authors', { authors: [] }, ['authors']],
    ['date without zone', { published: '2020-11-23T09:00:00' }, ['published']],
    ['not a date', { published: 'yesterday' }, ['published']],
    ['updated before published', { updated: new Date('2020-01-01T00:00:00Z') }, ['updated']],
    ['tag that is not a slug', { tags: ['Vladimir Putin'] }, ['tags.0']],
    ['related that is not a slug', { related: ['../etc'] }, ['related.0']],
    ['draft that is not a boolean', { draft: 'yes' }, ['draft']],
    ['unknown field (a typo)', { tittle: 'x' }, ['']],
    ['over-long title', { title: 'x'.repeat(141) }, ['title']],
    ['lead image without alt text', { image: { src: './a.jpg' } }, ['image.alt']],
    ['lead image with empty alt text', { image: { src: './a.jpg', alt: ' ' } }, ['image.alt']],
    ['update of an unknown kind', { updates: [{ date: '2020-11-24T00:00:00Z', kind: 'erratum', note: 'x' }] }, ['updates.0.kind']],
    ['update dated before publication', { updates: [{ date: '2020-01-01T00:00:00Z', kind: 'update', note: 'x' }] }, ['updates']],
    ['source with a script URL', { sources: [{ publisher: 'P', title: 'T', url: 'javascript:alert(1)' }] }, ['sources.0.url']],
  ])('%s', (_name, change, fields) => {
    const result = article.safeParse({ ...seedArticle, ...change });
    expect(result.success).toBe(false);
    expect(failingFields(article, { ...seedArticle, ...change })).toEqual(fields);
  });

  it('accepts a lead image with alt text, updates and sources', () => {
    const parsed = article.parse({
      ...seedArticle,
      image: { src: './a.jpg', alt: 'A rhino', caption: 'At dawn', credit: 'Photo: A. N. Other' },
      updates: [{ date: '2020-11-24T09:00:00Z', kind: 'correction', note: 'An earlier version misspelled a name.' }],
      sources: [{ publisher: 'The Week', title: 'Speed Read', url: 'https://theweek.com/' }],
    });
    expect(parsed.updates[0].kind).toBe('correction');
    expect(parsed.image?.alt).toBe('A rhino');
  });

  it('drops control characters from display text', () => {
    expect(article.parse({ ...seedArticle, title: 'Pasted\u000B from\u0002 Word' }).title).toBe('Pasted from Word');
  });

  it('drops bidi overrides, embeddings and isolates and the noncharacters U+FFFE/U+FFFF, keeping direction marks', () => {
    // U+202E would reverse the section link printed after the kicker.
    const parsed = article.parse({ ...seedArticle, kicker: 'Speed\u202E Read\u202C', dek: 'a\u202Ab\u2066c\u2069d\u200Ee\u200Ff\uFFFEg\uFFFF' });
    expect(parsed.kicker).toBe('Speed Read');
    expect(parsed.dek).toBe('abcd\u200Ee\u200Ffg');
    expect(withoutControlCharacters('\u202B\u202D\u2067\u2068x')).toBe('x');
  });

  it('drops every noncharacter and a lone surrogate (a YAML escape can write one), which show as boxes and replacement marks', () => {
    const parsed = article.parse({ ...seedArticle, title: 'Non\uFDD0\uFDEFchar\u{1FFFE}\u{10FFFF}acters', dek: 'Lone \uD800 and \uDFFF surrogates, a pair \u{1F600} kept' });
    expect(parsed.title).toBe('Noncharacters');
    expect(parsed.dek).toBe('Lone  and  surrogates, a pair \u{1F600} kept');
  });

  it('drops control characters from alt text, which lands in feeds as XML', () => {
    expect(article.parse({ ...seedArticle, image: { src: './a.jpg', alt: 'A\u000B rhino' } }).image?.alt).toBe('A rhino');
    expect(author.parse({ name: 'A', role: 'B', avatar: { src: './a.jpg', alt: 'Portrait\u000B of A' } }).avatar?.alt).toBe('Portrait of A');
  });

  it('refuses text with nothing visible in it (zero-width spaces, format or control characters) as empty', () => {
    for (const title of ['\u200B\u200B', ' \u200B\u2060\uFEFF ', '\u202E', '\u0002']) {
      const result = article.safeParse({ ...seedArticle, title });
      expect(result.error?.issues).toMatchObject([{ path: ['title'], code: 'too_small', message: 'title must not be empty' }]);
    }
    expect(failingFields(article, { ...seedArticle, image: { src: './a.jpg', alt: '\u200B' } })).toEqual(['image.alt']);
    expect(article.parse({ ...seedArticle, title: 'Zero\u200Bwidth' }).title).toBe('Zero\u200Bwidth');
  });

  it('accepts the marks real writing stacks on a letter: Vietnamese, pointed Hebrew, Devanagari conjuncts, vowelled Arabic', () => {
    for (const title of ['Nguye\u0302\u0303n Phu\u0301 Tro\u0323ng', 'בְּרֵאשִׁ֖ית בָּרָ֣א', 'स्त्र्यों की कथा', 'مُحَمَّدٌ رَسُولٌ']) {
      expect(article.parse({ ...seedArticle, title }).title).toBe(title);
    }
  });

  it('refuses a letter stacked with marks ("Zalgo" text), whose ink covers the lines above and below: other stories on a front, the site header, the social card', () => {
    const stacked = `Z${'\u0301'.repeat(9)}algo`;
    const result = article.safeParse({ ...seedArticle, title: stacked, dek: `A${'\u0316'.repeat(40)}`, image: { src: './a.jpg', alt: stacked, caption: stacked } });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['title', 'the letter "Z" carries 9 combining marks, which draw over the lines around it — at most 8 to a letter'],
      ['dek', 'the letter "A" carries 40 combining marks, which draw over the lines around it — at most 8 to a letter'],
      ['image.alt', 'the letter "Z" carries 9 combining marks, which draw over the lines around it — at most 8 to a letter'],
      ['image.caption', 'the letter "Z" carries 9 combining marks, which draw over the lines around it — at most 8 to a letter'],
    ]);
    expect(article.parse({ ...seedArticle, title: `Z${'\u0301'.repeat(8)}algo` }).title).toBe(`Z${'\u0301'.repeat(8)}algo`);
    // Marks with no letter before them (after a space, or a format character) are one stack too.
    expect(failingFields(article, { ...seedArticle, kicker: `Speed \u2060${'\u0301'.repeat(20)}` })).toEqual(['kicker']);
    expect(failingFields(author, { name: `Pe${'\u0300'.repeat(30)}ter`, role: 'Writer' })).toEqual(['name']);
    expect(failingFields(headlineEntrySchema, { kicker: 'K', title: `T${'\u0300'.repeat(30)}`, dek: 'D' })).toEqual(['title']);
    // A character that is dropped (a control character, a noncharacter, a bidi override, a lone surrogate) must
    // not hide a stack that its removal joins: the marks are counted on the text as published.
    for (const dropped of ['\u0007', '\uFDD0', '\uFFFE', '\u202A', '\uD800']) {
      expect(failingFields(article, { ...seedArticle, title: `a${'\u0301'.repeat(5)}${dropped}${'\u0301'.repeat(5)}` })).toEqual(['title']);
    }
  });

  it('accepts a quoted date-time with zone, and defaults tags, related and draft', () => {
    const { tags: _tags, ...withoutTags } = seedArticle;
    const parsed = article.parse({ ...withoutTags, published: '2020-11-23T09:30:00+01:00' });
    expect(parsed.published.toISOString()).toBe('2020-11-23T08:30:00.000Z');
    expect(parsed).toMatchObject({ tags: [], related: [], draft: false });
  });
});

describe('date-times name a real moment', () => {
  it.each(['2020-13-01T09:00:00Z', '2021-02-30T09:00:00Z', '2020-11-31T00:00:00Z', '2023-02-29T00:00:00Z', '2020-00-10T00:00:00Z', '2020-11-00T00:00:00Z', '2020-11-23T24:00:00Z', '2020-11-23T09:60:00Z', '2020-11-23T09:00:60Z', '2020-11-23T09:00:00+24:00', '2020-11-23T09:00:00+01:60'])(
    'refuses %s, which Date would roll over or not read',
    (value) => {
      expect(dateTime.safeParse(value).error?.issues).toMatchObject([{ path: [], message: `"${value}" is not a real date` }]);
      expect(failingFields(article, { ...seedArticle, published: value })).toEqual(['published']);
      expect(failingFields(article, { ...seedArticle, updates: [{ date: value, kind: 'update', note: 'x' }] })).toEqual(['updates.0.date']);
      expect(failingFields(headlineEntrySchema, { kicker: 'K', title: 'T', dek: 'D', date: value })).toEqual(['date']);
    },
  );

  it.each<[string, string]>([
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2020-11-23T09:30:00.250+01:00', '2020-11-23T08:30:00.250Z'],
    ['2020-11-23 09:30-0500', '2020-11-23T14:30:00.000Z'],
    ['2020-12-31t23:59:59z', '2020-12-31T23:59:59.000Z'],
  ])('reads %s as %s', (value, iso) => {
    expect(dateTime.parse(value).toISOString()).toBe(iso);
  });

  it('says what is wrong with a date-time that is not one', () => {
    expect(dateTime.safeParse('2020-11-23T09:00:00').error?.issues[0].message).toBe('"2020-11-23T09:00:00" has no time zone');
    expect(dateTime.safeParse('yesterday').error?.issues[0].message).toBe('"yesterday" is not a date-time');
    expect(dateTime.safeParse(2020).error?.issues[0].code).toBe('invalid_type');
  });
});

describe('slugs have a length limit, as each becomes a folder name', () => {
  const longest = `${'a'.repeat(SLUG_MAX_LENGTH - 2)}-b`;
  it('refuses a tag or related id longer than the limit', () => {
    expect(failingFields(article, { ...seedArticle, tags: [longest] })).toEqual([]);
    expect(failingFields(article, { ...seedArticle, tags: [`${longest}c`] })).toEqual(['tags.0']);
    expect(failingFields(article, { ...seedArticle, related: [`${longest}c`] })).toEqual(['related.0']);
    expect(failingFields(headlineEntrySchema, { kicker: 'K', title: 'T', dek: 'D', tags: ['x'.repeat(299)] })).toEqual(['tags.0']);
  });
});

describe('author and headline schemas reject bad fields', () => {
  it('author without a role, or an avatar without alt text', () => {
    expect(failingFields(author, { name: 'A' })).toEqual(['role']);
    expect(failingFields(author, { name: 'A', role: 'B', avatar: { src: 'a.jpg' } })).toEqual(['avatar.alt']);
  });

  it('headline entry with a non-http URL or no dek', () => {
    const entry = { kicker: 'Speed Read', title: 'T', dek: 'D' };
    expect(failingFields(headlineEntrySchema, { ...entry, url: 'javascript:alert(1)' })).toEqual(['url']);
    expect(failingFields(headlineEntrySchema, { ...entry, url: 'https://example.org/story' })).toEqual([]);
    expect(failingFields(headlineEntrySchema, { ...entry, dek: undefined })).toEqual(['dek']);
  });
});

describe('headline file reading', () => {
  const read = (text: string) => readHeadlineFile(text, 'h.yaml');

  it('gives each entry the slug of its title as id, and its line', () => {
    const { entries } = read('- kicker: A\n  title: Dutch government falls\n  dek: D\n- kicker: B\n  title: Second\n  dek: D\n');
    expect(entries.map(({ id, line }) => ({ id, line }))).toEqual([
      { id: 'dutch-government-falls', line: 1 },
      { id: 'second', line: 4 },
    ]);
  });

  it('names the file and line of invalid YAML', () => {
    expect(read('- kicker: A\n  title: [unclosed\n').problems).toMatchObject([{ file: 'h.yaml', field: '(file)', wrong: expect.stringMatching(/^invalid YAML/) }]);
  });

  it('reports two entries with the same headline, keeping the first', () => {
    const { entries, problems } = read('- title: Same\n- title: same\n');
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([{ file: 'h.yaml', line: 2, field: 'title', wrong: 'same headline as the entry at line 1', expected: 'each story listed once' }]);
  });

  it('reports a file that is not a list, and entries that are not sets of fields', () => {
    expect(read('title: x\n').problems).toMatchObject([{ line: 1, field: '(file)', wrong: 'not a list' }]);
    expect(read('- just text\n').problems).toMatchObject([{ line: 1, field: 'entry 1', wrong: 'not a set of fields' }]);
  });

  it('resolves YAML aliases, within an entry and across entries', () => {
    const { entries, problems } = read('- kicker: &k Speed Read\n  title: &t Same words\n  dek: *t\n- kicker: *k\n  title: Other\n  dek: D\n');
    expect(problems).toEqual([]);
    expect(entries.map(({ data }) => data)).toEqual([
      { kicker: 'Speed Read', title: 'Same words', dek: 'Same words' },
      { kicker: 'Speed Read', title: 'Other', dek: 'D' },
    ]);
  });

  it('names the line of an alias with no anchor, and refuses an alias bomb', () => {
    expect(read('- kicker: A\n  title: T\n  dek: *nowhere\n').problems).toMatchObject([{ line: 3, field: '(file)', wrong: expect.stringMatching(/^invalid YAML: Unresolved alias.*nowhere/) }]);
    const bomb = ['- a: &a [x, x, x, x, x, x, x, x, x]', '  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', '  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', '  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'];
    expect(read(`${bomb.join('\n')}\n`).problems).toMatchObject([{ field: '(file)', wrong: expect.stringMatching(/^invalid YAML: Excessive alias count/) }]);
  });

  it('reads an empty file as no entries', () => {
    expect(read('# nothing yet\n')).toEqual({ entries: [], problems: [] });
  });
});

describe('headline entries that could not get an id', () => {
  it('are reported, never dropped', () => {
    const { entries, problems } = readHeadlineFile('- kicker: A\n  dek: D\n- kicker: B\n  title: "<>"\n  dek: D\n', 'h.yaml');
    expect(entries).toEqual([]);
    expect(problems).toEqual([
      { file: 'h.yaml', line: 1, field: 'title', wrong: 'missing', expected: 'a headline of 1–200 characters' },
      { file: 'h.yaml', line: 4, field: 'title', wrong: '"<>" has no letters or digits to make an id from', expected: 'a headline of 1–200 characters' },
    ]);
  });
});
