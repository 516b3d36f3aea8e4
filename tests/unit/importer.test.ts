import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseScrape, ScrapeError } from '../../src/lib/importer/parse-scrape';
import { ImportError, markdownDocument, planImport } from '../../src/lib/importer/plan-import';
import { seedBio, seedBodyParagraphs, seedHeadline, seedMoreStories, seedText } from '../support/seed';

const kickers = ['Speed Read', 'Instant Opinion'];
const flags = { section: 'world', kicker: 'Speed Read', published: '2020-11-23T00:00:00-05:00' };
const nothingExists = () => undefined;

describe('parseScrape on the seed', () => {
  const scrape = parseScrape(seedText, kickers);

  it('finds the headline, the body paragraphs, the bio and the eleven stories', () => {
    expect(scrape.title).toBe(seedHeadline);
    expect(scrape.paragraphs).toEqual(seedBodyParagraphs);
    expect(scrape.bio).toBe(seedBio);
    expect(scrape.stories).toEqual(seedMoreStories);
  });

  it('leaves out the furniture and lists every line it left out', () => {
    expect(scrape.dropped.map(({ line, why }) => `${line} ${why}`)).toEqual([
      '7 page furniture (sign-up or subscribe box)',
      '8 blurb of a sign-up or subscribe box',
      '10 page furniture (sign-up or subscribe box)',
      '11 blurb of a sign-up or subscribe box',
      '12 repeat of an earlier line',
      '13 page furniture (sign-up or subscribe box)',
      '14 blurb of a sign-up or subscribe box',
    ]);
    // Every line of the text is kept or reported: none is lost silently.
    const accounted = scrape.dropped.length + 1 + scrape.paragraphs.length + 1 + scrape.stories.length * 3;
    expect(accounted).toBe(seedText.split('\n').filter((line) => line.trim()).length);
  });
});

describe('parseScrape refuses what it cannot read', () => {
  it.each([
    ['an empty file', '  \n\n', 'the file is empty'],
    ['a headline with no body', 'Only a headline\n', 'no article body after the headline'],
    ['a binary file', 'PNG\u0000\u0001\u0002', 'the file is not text (it holds binary data)'],
    ['a file with only furniture', 'Subscribe to The Week\nEscape your echo chamber.\n', 'no headline: the first line ("Subscribe to The Week") is page furniture'],
    ['a headline and only furniture', 'A headline\nSubscribe to The Week\nEscape your echo chamber.\n', 'no article body: every line after the headline is page furniture'],
    ['a broken story list', 'A headline\nBody.\n-\nA story without a kicker line\n', '"more stories" entry at line 3 is not "-", a headline, then a kicker (Speed Read, Instant Opinion) and its dek'],
  ])('%s', (_name, text, message) => {
    expect(() => parseScrape(text, kickers)).toThrow(new ScrapeError(message));
  });
});

describe('markdownDocument', () => {
  it('escapes Markdown-significant characters so the text re-parses to itself', () => {
    const tricky = [
      'Stars *not emphasis* and _underscores_ and **double**',
      '[brackets](not-a-link) and ![bang](x) and <b>tags</b> and `ticks`',
      '# not a heading',
      '1. not a list',
      '- not a bullet either',
      '> not a quote',
      'Back\\slash, pipes | and ~~tildes~~ and &amp; entities',
      '"Quotes" and \'apostrophes\' stay as typed',
    ];
    const markdown = markdownDocument({ title: 'T' }, tricky);
    const tree = fromMarkdown(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''));
    expect(tree.children.map((node) => node.type)).toEqual(tricky.map(() => 'paragraph'));
    expect(tree.children.map((node) => toString(node))).toEqual(tricky);
  });
});

describe('planImport', () => {
  const scrape = parseScrape(seedText, kickers);

  it('plans the article, the author from the bio and the new headline entries', () => {
    const plan = planImport(scrape, flags, nothingExists);
    expect(plan.files.map(({ path, state }) => `${state} ${path}`)).toEqual([
      'new authors/peter.md',
      'new articles/russias-putin-says-he-still-isnt-ready-to-acknowledge-trumps-loss.md',
      'new headlines.yaml',
    ]);
    expect(plan.files[0].content).toContain('name: Peter\nrole: News and culture writer and editor\n');
    expect(plan).toMatchObject({ storiesAdded: 11, storiesAlreadyListed: 0 });
  });

  it('is a no-op when run again over its own output', () => {
    const first = planImport(scrape, flags, nothingExists);
    const files = new Map(first.files.map((file) => [file.path, file.content]));
    const again = planImport(scrape, flags, (path) => files.get(path));
    expect(again.files.map(({ state }) => state)).toEqual(['unchanged', 'unchanged']);
    expect(again).toMatchObject({ storiesAdded: 0, storiesAlreadyListed: 11 });
  });

  it('appends only the stories the headline file does not list yet, keeping what is there', () => {
    const existing = '# Our own comment\n- kicker: Speed Read\n  title: "Dehorning rhinos sharply cuts poaching, study finds"\n  dek: Already here\n';
    const plan = planImport(scrape, flags, (path) => (path === 'headlines.yaml' ? existing : undefined));
    const headlines = plan.files.find((file) => file.path === 'headlines.yaml')!;
    expect(headlines.content.startsWith('# Our own comment\n- kicker: Speed Read\n')).toBe(true);
    expect(headlines.content.match(/Dehorning/g)).toHaveLength(1);
    expect(plan).toMatchObject({ storiesAdded: 10, storiesAlreadyListed: 1 });
  });

  it('says which flags to pass for what the text cannot tell', () => {
    expect(() => planImport(scrape, {}, nothingExists)).toThrow(
      new ImportError('the text does not say its section, kicker, published — pass --section … --kicker … --published …'),
    );
    expect(() => planImport(scrape, { ...flags, published: '2020-11-23' }, nothingExists)).toThrow(/published \(--published\)/);
  });
});
