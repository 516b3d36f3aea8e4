import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { readHeadlineFile } from '../../src/lib/headlines-loader';
import { articleSchema, authorSchema, headlineEntrySchema } from '../../src/lib/schemas';
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

  it('accepts a quoted date-time with zone, and defaults tags, related and draft', () => {
    const { tags: _tags, ...withoutTags } = seedArticle;
    const parsed = article.parse({ ...withoutTags, published: '2020-11-23T09:30:00+01:00' });
    expect(parsed.published.toISOString()).toBe('2020-11-23T08:30:00.000Z');
    expect(parsed).toMatchObject({ tags: [], related: [], draft: false });
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
