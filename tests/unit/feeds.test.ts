import { getRssString } from '@astrojs/rss';
import { parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { escapeXml, jsonFeed, rssItem, rssNamespaces, type FeedArticle } from '../../src/lib/publish/feeds';

const article: FeedArticle = {
  url: 'https://example.org/articles/a/',
  title: 'Title & more',
  dek: 'Dek <b>',
  contentHtml: '<p>Body</p>',
  published: new Date('2020-11-23T05:00:00Z'),
  sectionName: 'World',
  tags: ['russia'],
  authors: [{ name: 'Peter <Editor>', url: 'https://example.org/authors/peter/' }],
};

describe('RSS items', () => {
  it('carry link, dek, full content, date, categories and the author as dc:creator', () => {
    expect(rssItem(article)).toEqual({
      title: 'Title & more',
      link: 'https://example.org/articles/a/',
      description: 'Dek &lt;b&gt;',
      content: '<p>Body</p>',
      pubDate: article.published,
      categories: ['World', 'russia'],
      customData: '<dc:creator>Peter &lt;Editor&gt;</dc:creator>',
    });
  });

  it('carry the dek as text, since readers take the description for HTML', async () => {
    const xml = await getRssString({ title: 'Site', description: 'D', site: 'https://example.org/', items: [rssItem({ ...article, dek: '<img src=x onerror=alert(1)> & more' })] });
    expect(xml).toContain('<description>&amp;lt;img src=x onerror=alert(1)&amp;gt; &amp;amp; more</description>');
  });

  it('escape XML in names', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('show author names in the built feed exactly as written, escaped once', async () => {
    const authors = [{ name: `Smith & Jones <Ed> "Q" O'Neil`, url: 'https://example.org/authors/a/' }, { name: 'Peter', url: 'https://example.org/authors/peter/' }];
    const xml = await getRssString({ title: 'Site', description: 'D', site: 'https://example.org/', xmlns: rssNamespaces, items: [rssItem({ ...article, authors })] });
    expect(parseRssFeed(xml).items?.[0].dc?.creators).toEqual([`Smith & Jones <Ed> "Q" O'Neil`, 'Peter']);
    expect(xml).toContain('<dc:creator>Smith &amp; Jones &lt;Ed&gt; &quot;Q&quot; O&apos;Neil</dc:creator>');
  });
});

describe('JSON Feed', () => {
  it('is version 1.1 with one item per article', () => {
    const feed = jsonFeed(
      { title: 'Site', description: 'D', homeUrl: 'https://example.org/', feedUrl: 'https://example.org/feed.json', lang: 'en' },
      [article, { ...article, url: 'https://example.org/articles/b/', updated: new Date('2020-11-24T00:00:00Z') }],
    );
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items[0]).toEqual({
      id: 'https://example.org/articles/a/',
      url: 'https://example.org/articles/a/',
      title: 'Title & more',
      summary: 'Dek <b>',
      content_html: '<p>Body</p>',
      date_published: '2020-11-23T05:00:00.000Z',
      authors: [{ name: 'Peter <Editor>', url: 'https://example.org/authors/peter/' }],
      tags: ['World', 'russia'],
    });
    expect(feed.items[1].date_modified).toBe('2020-11-24T00:00:00.000Z');
  });
});
