import { describe, expect, it } from 'vitest';
import type { ArticleView } from '../../src/lib/site/article-view';
import type { ArticleHeadline } from '../../src/lib/site/headlines';
import { buildListings } from '../../src/lib/site/listings';
import { listingPaths, sitePages } from '../../src/lib/site/site-pages';
import { sitemapFiles, sitemapIndexXml, urlsetXml } from '../../src/lib/publish/sitemap';

const article = (id: string, published: string, updated?: string) =>
  ({ id, kind: 'article', url: `/articles/${id}/`, kicker: 'K', title: id, dek: id, date: new Date(published), published: new Date(published), updated: updated ? new Date(updated) : undefined, section: 'world', tags: ['russia'], authors: ['peter'] }) as ArticleView & ArticleHeadline;

describe('site pages', () => {
  it('page a listing as paginate() does: page 1 at its path, page n at <path><n>/, one page when empty', () => {
    expect(listingPaths('/tags/x/', 0, 20)).toEqual(['/tags/x/']);
    expect(listingPaths('/tags/x/', 20, 20)).toEqual(['/tags/x/']);
    expect(listingPaths('/tags/x/', 41, 20)).toEqual(['/tags/x/', '/tags/x/2/', '/tags/x/3/']);
  });

  it('are the fixed pages, every article, and every page of every listing', () => {
    const articles = [article('b', '2020-02-01T00:00:00.000Z'), article('a', '2020-01-01T00:00:00.000Z')];
    const listings = buildListings([...articles, { id: 'x', kind: 'extra', kicker: 'K', title: 'x', dek: 'x', tags: ['extra-tag'] }], 'UTC');
    const authors = new Map([['peter', {}], ['ann', {}]]) as unknown as Parameters<typeof sitePages>[0]['authors'];
    const paths = sitePages({ articles, authors, listings }, [{ id: 'world' }, { id: 'science' }], 1).map((page) => page.path);
    expect(paths.sort()).toEqual(
      [
        '/', '/search/', '/tags/', '/archive/', '/articles/a/', '/articles/b/',
        '/sections/world/', '/sections/world/2/', '/sections/science/',
        '/tags/russia/', '/tags/russia/2/', '/tags/extra-tag/',
        '/authors/peter/', '/authors/peter/2/', '/authors/ann/',
        '/archive/2020/02/', '/archive/2020/01/',
      ].sort(),
    );
  });
});

describe('sitemap lastmod', () => {
  it('is the update time, else the publication time, for stories with a URL', () => {
    const articles = [article('a', '2020-01-01T00:00:00.000Z', '2020-02-01T00:00:00.000Z'), article('b', '2020-01-01T00:00:00.000Z')];
    const [urls] = sitemapFiles(sitePages({ articles, authors: new Map(), listings: buildListings(articles, 'UTC') }, [], 20), 'https://e.org');
    const lastmods = new Map(urls.filter((url) => url.lastmod).map((url) => [url.loc, url.lastmod]));
    expect(lastmods).toEqual(
      new Map([
        ['https://e.org/articles/a/', '2020-02-01T00:00:00.000Z'],
        ['https://e.org/articles/b/', '2020-01-01T00:00:00.000Z'],
      ]),
    );
  });
});

describe('sitemap files', () => {
  const pages = ['/tags/x/10/', '/', '/tags/x/2/', '/articles/a/'].map((path) => ({ path, lastmod: path === '/articles/a/' ? new Date('2020-01-01T00:00:00Z') : undefined }));

  it('sort URLs with numbers compared as numbers, and split them into files', () => {
    expect(sitemapFiles(pages, 'https://e.org').map((urls) => urls.map((url) => url.loc))).toEqual([
      ['https://e.org/', 'https://e.org/articles/a/', 'https://e.org/tags/x/2/', 'https://e.org/tags/x/10/'],
    ]);
    expect(sitemapFiles(pages, 'https://e.org', 3).map((urls) => urls.length)).toEqual([3, 1]);
  });

  it('are written as @astrojs/sitemap wrote them; the index carries each file’s latest lastmod', () => {
    const files = sitemapFiles(pages, 'https://e.org', 3);
    expect(urlsetXml(files[1])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1"><url><loc>https://e.org/tags/x/10/</loc></url></urlset>',
    );
    expect(urlsetXml(files[0])).toContain('<url><loc>https://e.org/articles/a/</loc><lastmod>2020-01-01T00:00:00.000Z</lastmod></url>');
    expect(sitemapIndexXml(files, (index) => `https://e.org/sitemap-${index}.xml`)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://e.org/sitemap-0.xml</loc><lastmod>2020-01-01T00:00:00.000Z</lastmod></sitemap><sitemap><loc>https://e.org/sitemap-1.xml</loc></sitemap></sitemapindex>',
    );
  });
});
