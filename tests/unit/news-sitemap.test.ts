import { describe, expect, it } from 'vitest';
import { displayText } from '../../src/lib/content/fields';
import { NEWS_SITEMAP_SIZE, newsLanguage, newsSitemapUrls, urlsetXml } from '../../src/lib/publish/sitemap';
import { buildHeadlineIndex } from '../../src/lib/site/headlines';
import { buildTime } from '../../src/lib/publish/build-time';
import { withBase } from '../../src/lib/util/urls';
import { CONTROL_CHARACTERS, vectors } from '../support/hostile-content';
import { newsSitemapErrors, textsOf, wellFormedErrors } from '../support/xmllint';

const now = new Date('2024-03-03T12:00:00.000Z');
const site = { name: 'Broadsheet', lang: 'en', url: 'https://example.org' };
const HOUR = 3_600_000;
const before = (ms: number) => new Date(now.getTime() - ms);

const story = (id: string, published: Date, title = `Story ${id}`) => ({ url: `/articles/${id}/`, title, published });
const locs = (urls: { loc: string }[]) => urls.map((url) => url.loc.replace('https://example.org/articles/', ''));

/** Articles as site data lists them: read back from the headline index, which sorts them newest first. */
const inSiteOrder = (stories: ReturnType<typeof story>[]) =>
  buildHeadlineIndex(
    stories.map((entry) => ({ ...entry, id: entry.url, kicker: 'K', dek: 'D', tags: [], section: 'world', authors: ['peter'] })),
    [],
  ).filter((headline) => headline.kind === 'article');

describe('the News sitemap', () => {
  it('lists the articles of the 48 hours before the build, both ends included, and those dated after it', () => {
    const articles = [
      story('ahead', new Date(now.getTime() + 3 * HOUR)),
      story('now', now),
      story('47h', before(47 * HOUR)),
      story('48h', before(48 * HOUR)),
      story('48h-and-a-millisecond', before(48 * HOUR + 1)),
      story('3-days', before(72 * HOUR)),
    ];
    expect(locs(newsSitemapUrls(articles, site, now))).toEqual(['ahead/', 'now/', '47h/', '48h/']);
    // An hour later, the article of 47 hours before is 48 hours old, and the one of 48 hours gone.
    expect(locs(newsSitemapUrls(articles, site, new Date(now.getTime() + HOUR)))).toEqual(['ahead/', 'now/', '47h/']);
  });

  it('lists them newest first, as site data orders articles, and only the newest 1,000', () => {
    const minutes = Array.from({ length: NEWS_SITEMAP_SIZE + 5 }, (_, index) => index);
    // Written in no particular order: the headline index sorts them.
    const shuffled = minutes.map((minute) => story(`m${minute}`, before(minute * 60_000))).sort((a, b) => a.title.localeCompare(b.title));
    const urls = newsSitemapUrls(inSiteOrder(shuffled), site, now);
    expect(locs(urls)).toEqual(minutes.slice(0, NEWS_SITEMAP_SIZE).map((minute) => `m${minute}/`));
    expect(newsSitemapErrors(urlsetXml(urls))).toEqual([]);
  });

  it('gives each article its absolute URL, under the base path', () => {
    const [url] = newsSitemapUrls([{ ...story('a', now), url: withBase('/articles/a/', '/news/') }], { ...site, url: 'https://news.example.org' }, now);
    expect(url.loc).toBe('https://news.example.org/news/articles/a/');
  });

  it('is written in Google’s format: publication name and language, W3C date-time, title; valid against Google’s schema', () => {
    const xml = urlsetXml(newsSitemapUrls([story('a', new Date('2024-03-03T06:30:00-05:00'), 'Rhinos, dehorned')], site, now));
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">' +
        '<url><loc>https://example.org/articles/a/</loc><news:news><news:publication><news:name>Broadsheet</news:name><news:language>en</news:language></news:publication>' +
        '<news:publication_date>2024-03-03T11:30:00.000Z</news:publication_date><news:title>Rhinos, dehorned</news:title></news:news></url></urlset>',
    );
    expect(newsSitemapErrors(xml)).toEqual([]);
  });

  it('escapes hostile titles and names: well-formed, valid, and each reads back as the content schema handed it on', () => {
    const written = [
      ...vectors.slice(0, 40).map((vector) => vector.payload.slice(0, 140)),
      'Tom & Jerry’s "quotes" and \'apostrophes\' <b>bold</b> &amp; ]]> <![CDATA[x]]>',
      'مرحبا بالعالم — שלום עולם: right-to-left, with \u200F marks \u200E and 😀',
      ...CONTROL_CHARACTERS.map((char) => `Control${char} character ${char}in a title`),
    ];
    const titleSchema = displayText('title', 140);
    const titles = written.map((title) => titleSchema.parse(title));
    const xml = urlsetXml(newsSitemapUrls(titles.map((title, index) => story(`s${index}`, now, title)), { ...site, name: 'News & <Views> "Daily"' }, now));
    expect(newsSitemapErrors(xml)).toEqual([]);
    // XML reads every line break as a line feed (one vector has a CR LF).
    expect(textsOf(xml, 'title')).toEqual(titles.map((title) => title.replace(/\r\n?/g, '\n')));
    expect(new Set(textsOf(xml, 'name'))).toEqual(new Set(['News & <Views> "Daily"']));
  });

  it('with no article in the window is an empty urlset: well-formed; the Sitemap schema’s one objection is the <url> it requires', () => {
    const xml = urlsetXml(newsSitemapUrls([story('old', before(49 * HOUR))], site, now));
    expect(xml).toMatch(/<urlset [^>]*><\/urlset>$/);
    expect(wellFormedErrors(xml)).toEqual([]);
    expect(newsSitemapErrors(xml)).toEqual([expect.stringMatching(/element urlset: .* Missing child element\(s\)\. Expected is one of .*\}url \)\.$/)]);
  });

  it('names the language as Google News does: ISO 639, but zh-cn or zh-tw for Chinese', () => {
    const cases = { en: 'en', 'en-GB': 'en', 'pt-BR': 'pt', fil: 'fil', zh: 'zh-cn', 'zh-CN': 'zh-cn', 'zh-Hans': 'zh-cn', 'zh-TW': 'zh-tw', 'zh-HK': 'zh-tw', 'zh-Hant': 'zh-tw' };
    expect(Object.fromEntries(Object.keys(cases).map((lang) => [lang, newsLanguage(lang)]))).toEqual(cases);
    const xml = urlsetXml(newsSitemapUrls([story('a', now)], { ...site, lang: 'zh-Hant-HK' }, now));
    expect(xml).toContain('<news:language>zh-tw</news:language>');
    expect(newsSitemapErrors(xml)).toEqual([]);
  });
});

describe('the build time', () => {
  it('is SOURCE_DATE_EPOCH when set, else the clock', () => {
    expect(buildTime({ SOURCE_DATE_EPOCH: '1709380800' }).toISOString()).toBe('2024-03-02T12:00:00.000Z');
    const clock = Date.now();
    expect(buildTime({}).getTime()).toBeGreaterThanOrEqual(clock);
    expect(buildTime({ SOURCE_DATE_EPOCH: '' }).getTime()).toBeGreaterThanOrEqual(clock);
  });

  it('refuses a SOURCE_DATE_EPOCH that is not whole seconds, naming it', () => {
    for (const epoch of ['2024-03-02', '1709380800.5', '-1', ' 1709380800']) {
      expect(() => buildTime({ SOURCE_DATE_EPOCH: epoch }), epoch).toThrow(`SOURCE_DATE_EPOCH — "${epoch}" is not a whole number of seconds since 1970-01-01 UTC`);
    }
  });
});
