import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readHeadlineFile } from '../../src/lib/content/headlines-loader';
import { parseScrape, ScrapeError } from '../../src/lib/importer/parse-scrape';
import { diffLines } from '../../src/lib/importer/diff-lines';
import { ImportError, markdownDocument, planImport } from '../../src/lib/importer/plan-import';
import { slugify } from '../../src/lib/content/slugs';
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

describe('planImport writes only where it should', () => {
  const scrape = parseScrape(seedText, kickers);
  const slug = 'russias-putin-says-he-still-isnt-ready-to-acknowledge-trumps-loss';
  const paths = (plan: { files: { path: string }[] }) => plan.files.map((file) => file.path);
  /** A `read` over the given files (path relative to the content folder → text). */
  const existing = (files: Record<string, string>) => (path: string) => files[path];

  it.each(['../../x', 'authors/x', 'Peter', 'a--b', '-a', 'a.b', ''])('refuses --author %j, naming the flag', (author) => {
    expect(() => planImport(scrape, { ...flags, author }, nothingExists)).toThrow(
      new ImportError(`--author "${author}" is not an id: it must be lowercase letters, digits and single hyphens, e.g. peter`),
    );
  });

  it('refuses an author id from the bio that is not a slug, asking for --author', () => {
    const bio = 'Zoë Brontë has worked as a reporter at The Paper since 2001.';
    expect(() => planImport({ ...scrape, bio }, flags, nothingExists)).toThrow(
      new ImportError('the name "Zoë Brontë" in the bio makes the author id "zoë-brontë", not lowercase letters, digits and single hyphens — pass --author <id>'),
    );
    expect(paths(planImport({ ...scrape, bio }, { ...flags, author: 'zoe-bronte' }, nothingExists))[0]).toBe('authors/zoe-bronte.md');
  });

  it.each(['!!!', '🎉🎉', '— …'])('refuses a title with nothing to make a file name from: %j', (title) => {
    expect(() => planImport({ ...scrape, title }, flags, nothingExists)).toThrow(
      new ImportError(`the title "${title}" has no letters or digits to make the article's file name from`),
    );
  });

  it('refuses a title whose slug is not a file name the content check takes', () => {
    expect(() => planImport({ ...scrape, title: 'Café society' }, flags, nothingExists)).toThrow(
      new ImportError('the title "Café society" makes the file name "café-society", not lowercase letters, digits and single hyphens'),
    );
  });

  it('replaces the headline entry the article now has a file for, and says so', () => {
    const headlines = `# Kept\n- kicker: Speed Read\n  title: "Russia's Putin says he still isn't ready to acknowledge Trump's loss"\n  dek: Listed by another scrape\n`;
    const plan = planImport(scrape, flags, existing({ 'headlines.yaml': headlines }));
    const written = plan.files.find((file) => file.path === 'headlines.yaml')!.content;
    expect(written.startsWith('# Kept\n')).toBe(true);
    expect(written).not.toContain('Listed by another scrape');
    expect(plan.replacedHeadlines).toEqual(["Russia's Putin says he still isn't ready to acknowledge Trump's loss"]);
  });

  it('keeps the comments written above a replaced entry', () => {
    const entry = (title: string) => `- kicker: Speed Read\n  title: "${title}"\n  dek: A dek\n`;
    const article = "Russia's Putin says he still isn't ready to acknowledge Trump's loss";
    for (const [headlines, kept] of [
      [`# Header\n${entry(article)}# About B\n${entry('B')}`, '# Header\n# About B\n- kicker: Speed Read\n  title: "B"\n'],
      [`${entry('B')}# About the article\n${entry(article)}`, 'dek: A dek\n# About the article\n'],
      [`# Header\n${entry(article)}`, '# Header\n'],
    ]) {
      const plan = planImport({ ...scrape, stories: [] }, flags, existing({ 'headlines.yaml': headlines }));
      const written = plan.files.find((file) => file.path === 'headlines.yaml')!.content;
      expect(written).toContain(kept);
      expect(readHeadlineFile(written, 'headlines.yaml').problems).toEqual([]);
      expect(written).not.toContain(article);
    }
  });

  it('does not list a story under "more stories" that has an article file here', () => {
    const plan = planImport(scrape, flags, existing({ 'articles/dehorning-rhinos-sharply-cuts-poaching-study-finds.md': '---\n---\n' }));
    expect(plan.files.find((file) => file.path === 'headlines.yaml')!.content).not.toContain('Dehorning');
    expect(plan).toMatchObject({ storiesAdded: 10, storiesAlreadyListed: 0, storiesWithArticle: 1 });
  });

  it('writes the headline file only when something in it changes', () => {
    const plan = planImport({ ...scrape, stories: [] }, flags, nothingExists);
    expect(paths(plan)).toEqual(['authors/peter.md', `articles/${slug}.md`]);
  });

  it.each([
    ['a set of fields', '# Our entries\nstories:\n  - title: A\n', 'headlines.yaml:2 (file) — not a list'],
    ['a single text', 'just some text\n', 'headlines.yaml:1 (file) — not a list'],
    ['invalid YAML', '- kicker: Speed Read\n  title: [unclosed\n  dek: x\n', 'headlines.yaml:3 (file) — invalid YAML: '],
  ])('refuses a headline file that is %s, rather than rewrite it', (_name, headlines, message) => {
    expect(() => planImport(scrape, flags, existing({ 'headlines.yaml': headlines }))).toThrow(ImportError);
    expect(() => planImport(scrape, flags, existing({ 'headlines.yaml': headlines }))).toThrow(message);
  });

  it('takes an empty or comment-only headline file as an empty list', () => {
    for (const headlines of ['', '# Nothing yet\n']) {
      const plan = planImport(scrape, flags, existing({ 'headlines.yaml': headlines }));
      expect(plan.storiesAdded).toBe(11);
      expect(plan.files.find((file) => file.path === 'headlines.yaml')!.content.startsWith(headlines)).toBe(true);
    }
  });
});

describe('planImport compares what files say and finds a story already here', () => {
  const scrape = parseScrape(seedText, kickers);
  const title = "Russia's Putin says he still isn't ready to acknowledge Trump's loss";
  const own = `articles/${slugify(title)}.md`;
  const planned = new Map(planImport(scrape, flags, nothingExists).files.map((file) => [file.path, file.content]));
  /** A `read` and a `list` over the given files (path relative to the content folder → text). */
  const folder = (files: Record<string, string>) =>
    [(path: string) => files[path], (dir: string) => Object.keys(files).filter((path) => path.startsWith(`${dir}/`)).map((path) => path.slice(dir.length + 1))] as const;
  /** The planned article, written as an editor might: comments, other key order, flow lists, spacing. */
  const rewritten = (text: string) =>
    text
      .replace('---\ntitle: ', '---\n# Imported from the seed; checked by the desk.\ntitle: ')
      .replace('authors:\n  - peter\n', 'authors: [peter] # the bio\n')
      .replace(/^(kicker: .*)\n(section: .*)$/m, '$2\n$1')
      .replace(/\n\n/g, '\n\n\n')
      .concat('\n\n');

  it('counts a file that differs only by YAML comments or formatting as unchanged', () => {
    const [read] = folder({
      'authors/peter.md': planned.get('authors/peter.md')!.replace('---\nname: Peter\n', '---\n# From the bio.\nname: "Peter"\n'),
      [own]: rewritten(planned.get(own)!),
    });
    const plan = planImport(scrape, flags, read);
    expect(plan.files.map(({ path, state }) => `${state} ${path}`)).toEqual(['unchanged authors/peter.md', `unchanged ${own}`, 'new headlines.yaml']);
  });

  it('still counts a changed field or body as a conflict, naming the story', () => {
    for (const edit of [(text: string) => text.replace('section: world', 'section: us'), (text: string) => text.replace('Putin isn', 'Editor: Putin isn')]) {
      const [read] = folder({ [own]: edit(planned.get(own)!) });
      const article = planImport(scrape, flags, read).files[1];
      expect(article).toMatchObject({ path: own, state: 'changed', conflict: `already has this story ("${title}")` });
    }
    const [read] = folder({ 'authors/peter.md': planned.get('authors/peter.md')!.replace('role: News', 'role: Chief news') });
    expect(planImport(scrape, flags, read).files[0]).toMatchObject({ state: 'changed', conflict: 'already exists with other content' });
  });

  it('finds the story under another file name by its headline, and plans that file, not a second copy', () => {
    const renamed = planned.get(own)!.replace(/^dek: .*$/m, 'dek: An editor wrote this dek.');
    const [read, list] = folder({ 'articles/putin-renamed.md': renamed, 'articles/other.md': '---\ntitle: Other\n---\n\nOther.\n' });
    const plan = planImport(scrape, flags, read, list);
    expect(plan.files[1]).toMatchObject({ path: 'articles/putin-renamed.md', state: 'changed', existing: renamed, conflict: `already has this story ("${title}")` });
    expect(plan.files.map((file) => file.path)).not.toContain(own);
  });

  it('finds it by its source, the same opening paragraph, under an edited headline', () => {
    const [read, list] = folder({ 'articles/putin-edited.md': planned.get(own)!.replace(`title: ${title}`, 'title: Putin holds out on Biden') });
    expect(planImport(scrape, flags, read, list).files[1]).toMatchObject({ path: 'articles/putin-edited.md', state: 'changed' });
  });

  it('is unchanged when the story under another file name says the same', () => {
    const [read, list] = folder({ 'articles/putin-renamed.md': rewritten(planned.get(own)!) });
    expect(planImport(scrape, flags, read, list).files[1]).toMatchObject({ path: 'articles/putin-renamed.md', state: 'unchanged' });
  });

  it('does not list a "more stories" entry whose article has another file name', () => {
    const [read, list] = folder({ 'articles/rhinos.md': '---\ntitle: "Dehorning rhinos sharply cuts poaching, study finds"\n---\n\nRhinos.\n' });
    expect(planImport(scrape, flags, read, list)).toMatchObject({ storiesAdded: 10, storiesWithArticle: 1 });
  });
});

describe('diffLines', () => {
  it('shows each changed line with one line of context, under unified-style hunk headers', () => {
    const before = ['---', '# a comment', 'title: T', 'dek: Old', 'kicker: K', '---', '', 'Body one.', '', 'Body two.', ''].join('\n');
    const after = ['---', 'title: T', 'dek: New', 'kicker: K', '---', '', 'Body one.', '', 'Body two.', '', 'Body three.', ''].join('\n');
    expect(diffLines(before, after)).toEqual(['@@ -1,5 +1,4 @@', ' ---', '-# a comment', ' title: T', '-dek: Old', '+dek: New', ' kicker: K', '@@ -10,1 +9,3 @@', ' Body two.', '+', '+Body three.']);
  });

  it('is empty for the same text', () => {
    expect(diffLines('a\nb\n', 'a\nb\n')).toEqual([]);
  });
});
