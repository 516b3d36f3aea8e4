import { afterEach, describe, expect, it, vi } from 'vitest';
import { languages, listParts, messagesFor, type Translation } from '../../src/lib/util/messages';
import { fillTemplate, templateParts } from '../../src/lib/util/template';

/** Every message of a table as its path and the text it gives (a function called with 2, 3, …: a number or a name). */
function texts(messages: object, path = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]): [string, string][] => {
    const at = `${path}${key}`;
    if (typeof value === 'string') return [[at, value]];
    if (typeof value === 'function') return [[at, value(...Array.from({ length: value.length }, (_, index) => index + 2))]];
    return texts(value, `${at}.`);
  });
}

describe('messagesFor', () => {
  it('has every message, none empty, in every language', () => {
    const english = texts(messagesFor('en'));
    for (const lang of languages) {
      const messages = texts(messagesFor(lang));
      // Plural templates follow each language's own categories (checked below, with the search page's).
      const paths = (entries: [string, string][]) => entries.map(([path]) => path).filter((path) => !/^search\.matches(AtLeast)?\./.test(path));
      expect(paths(messages), lang).toEqual(paths(english));
      for (const [path, text] of messages) expect(text.trim(), `${lang}: ${path}`).not.toBe('');
    }
  });

  it('a language without every message does not compile', () => {
    // @ts-expect-error `moreStories` and the rest are missing
    const incomplete: Translation = () => ({ by: 'By' });
    expect(incomplete).toBeTypeOf('function');
  });

  it('writes the English interface as it always read', () => {
    const en = messagesFor('en');
    expect(en.readingTime(5)).toBe('5 min read');
    expect(en.pagination.status(2, 3)).toBe('Page 2 of 3');
    expect(en.titleWithPage('World', 2, 3)).toBe('World (page 2 of 3)');
    expect(en.noteLabels).toEqual({ update: 'Update', correction: 'Correction' });
    expect(en.storyCount(1200)).toBe('(1,200)');
  });

  it('writes Arabic with its plural forms, and the digits of the exact tag', () => {
    const ar = messagesFor('ar');
    expect([1, 2, 3, 11].map(ar.readingTime)).toEqual(['مدة القراءة: دقيقة', 'مدة القراءة: دقيقتان', 'مدة القراءة: 3 دقائق', 'مدة القراءة: 11 دقيقة']);
    expect(ar.pagination.status(2, 3)).toBe('الصفحة 2 من 3');
    expect(messagesFor('ar-EG').pagination.status(2, 3)).toBe('الصفحة ٢ من ٣');
    expect(messagesFor('ar-EG').moreStories).toBe(ar.moreStories);
  });

  it('takes a regional tag’s language table, and stops the build on a language it has no words for, naming the setting', () => {
    expect(messagesFor('en-GB').moreStories).toBe('More stories');
    expect(() => messagesFor('fr')).toThrow('lang in src/config.ts (or SITE_LANG) is "fr", but src/lib/util/messages.ts has no messages in that language: it has en, ar');
    expect(() => messagesFor('not a tag')).toThrow('lang in src/config.ts (or SITE_LANG) is "not a tag", which is not a BCP 47 language tag');
  });

  it('takes a tag only from the tables themselves: `toString` and `valueOf`, valid tags, name no language it has', () => {
    // They once found Object.prototype's methods, and the build died rendering a page, on a TypeError naming no setting.
    for (const tag of ['toString', 'valueOf']) expect(() => messagesFor(tag)).toThrow(`lang in src/config.ts (or SITE_LANG) is "${tag}", but src/lib/util/messages.ts has no messages in that language`);
  });
});

describe('templateParts', () => {
  it('splits a template into its text and its blanks, in order', () => {
    expect(templateParts('by {section}, {topic} and the {archive}.')).toEqual([
      { text: 'by ' },
      { blank: 'section' },
      { text: ', ' },
      { blank: 'topic' },
      { text: ' and the ' },
      { blank: 'archive' },
      { text: '.' },
    ]);
  });

  it.each(languages)('%s: the search page’s templates have exactly the blanks the page and its script fill', (lang) => {
    const { search } = messagesFor(lang);
    const blanks = (template: string) => templateParts(template).flatMap((part) => ('blank' in part ? [part.blank] : [])).sort();
    expect(blanks(search.noScript)).toEqual(['archive', 'section', 'topic']);
    expect(blanks(search.none)).toEqual(['query']);
    for (const template of [...Object.values(search.matches), ...Object.values(search.matchesAtLeast)]) {
      expect(blanks(template).filter((blank) => blank !== 'count')).toEqual(['query']);
    }
    // Every plural category the language has gets a template; "at least" counts a page of results, never zero.
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    expect(categories.filter((category) => !(category in search.matches))).toEqual([]);
    expect(categories.filter((category) => category !== 'zero' && !(category in search.matchesAtLeast))).toEqual([]);
  });
});

describe('fillTemplate', () => {
  it('fills each blank it is given as text, once, and leaves a blank it is not given as written', () => {
    expect(fillTemplate('{count} stories match “{query}”.', { query: 'council', count: '1,234' })).toBe('1,234 stories match “council”.');
    // A query that looks like a blank is the reader's text, not a template.
    expect(fillTemplate('No stories match “{query}”.', { query: '{count}', count: '2' })).toBe('No stories match “{count}”.');
    expect(fillTemplate('{query} and {other}', { query: 'a' })).toBe('a and {other}');
  });
});

describe('listParts', () => {
  it('joins items as English joins a list, keeping each item', () => {
    const parts = listParts([{ name: 'A' }, { name: 'B' }, { name: 'C' }], (item) => item.name);
    expect(parts).toEqual([{ item: { name: 'A' } }, { text: ', ' }, { item: { name: 'B' } }, { text: ', and ' }, { item: { name: 'C' } }]);
    expect(listParts(['A', 'B'], String)).toEqual([{ item: 'A' }, { text: ' and ' }, { item: 'B' }]);
  });
});

describe('a site built in Arabic (SITE_LANG=ar, SITE_DIR=rtl)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('reads language and direction from the environment, and speaks Arabic', async () => {
    vi.stubEnv('SITE_LANG', 'ar');
    vi.stubEnv('SITE_DIR', 'rtl');
    vi.resetModules();
    const { site } = await import('../../src/config');
    const { ui, listParts: arabicList } = await import('../../src/lib/util/messages');
    expect([site.lang, site.dir]).toEqual(['ar', 'rtl']);
    expect(ui.moreStories).toBe('مزيد من القصص');
    expect(arabicList(['A', 'B'], String)).toEqual([{ item: 'A' }, { text: ' و' }, { item: 'B' }]);
  });

  it('refuses a direction other than ltr or rtl, naming SITE_DIR', async () => {
    vi.stubEnv('SITE_DIR', 'right-to-left');
    vi.resetModules();
    await expect(import('../../src/config')).rejects.toThrow('SITE_DIR (the site\'s `dir` in src/config.ts) must be "ltr" or "rtl", not "right-to-left"');
  });

  const counts = [
    ['SEARCH_SHARD_PAGES', 'searchShardPages'],
    ['LISTING_PAGE_SIZE', 'listingPageSize'],
  ].flatMap(([name, field]) => ['abc', '-5', '2.5', '0'].map((value) => [name, field, value]));
  it.each(counts)('refuses %s=%s, naming it and its field', async (name, field, value) => {
    vi.stubEnv(name, value);
    vi.resetModules();
    await expect(import('../../src/config')).rejects.toThrow(`${name} (the site's \`${field}\` in src/config.ts) must be a whole number above 0, not "${value}"`);
  });

  it('takes LISTING_PAGE_SIZE and SEARCH_SHARD_PAGES from the environment, else its own', async () => {
    vi.stubEnv('LISTING_PAGE_SIZE', '');
    vi.stubEnv('SEARCH_SHARD_PAGES', '');
    vi.resetModules();
    expect((await import('../../src/config')).site).toMatchObject({ listingPageSize: 20, searchShardPages: 1500 });
    vi.stubEnv('LISTING_PAGE_SIZE', '2');
    vi.stubEnv('SEARCH_SHARD_PAGES', '3');
    vi.resetModules();
    expect((await import('../../src/config')).site).toMatchObject({ listingPageSize: 2, searchShardPages: 3 });
  });
});
