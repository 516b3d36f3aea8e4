/**
 * The sitemap, in the shape and file names @astrojs/sitemap gave it: `sitemap-index.xml` naming
 * `sitemap-0.xml`, `sitemap-1.xml`… of at most 45,000 URLs each, sorted, with `lastmod` for articles.
 * Made from the page list of site data (src/lib/site/site-pages.ts) by the routes `src/pages/sitemap-*.xml.ts`.
 * Beside it, Google's News sitemap (`news-sitemap.xml`): the articles of the last 48 hours, written the same way.
 */
import type { SiteConfig } from '../../config';
import type { ArticleView } from '../site/article-view';
import type { SitePage } from '../site/site-pages';
import { absoluteUrl } from '../util/urls';
import { escapeXml } from './feeds';

export const SITEMAP_SIZE = 45_000;

/** Google News reads the stories of the last two days from a News sitemap, at most 1,000 of them. */
const NEWS_WINDOW_HOURS = 48;
export const NEWS_SITEMAP_SIZE = 1_000;

/** A story as a News sitemap describes it (`<news:news>`). */
export interface NewsStory {
  publication: { name: string; language: string };
  /** W3C date-time. */
  publicationDate: string;
  title: string;
}

export interface SitemapUrl {
  loc: string;
  lastmod?: string;
  news?: NewsStory;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const NAMESPACES = {
  '': 'http://www.sitemaps.org/schemas/sitemap/0.9',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
  xhtml: 'http://www.w3.org/1999/xhtml',
  image: 'http://www.google.com/schemas/sitemap-image/1.1',
  video: 'http://www.google.com/schemas/sitemap-video/1.1',
};

/** The pages' absolute URLs in the sitemap's order (numbers compared as numbers), in files of `size`. */
export function sitemapFiles(pages: readonly SitePage[], site: string, size = SITEMAP_SIZE): SitemapUrl[][] {
  const urls = pages
    .map(({ path, lastmod }) => ({ loc: absoluteUrl(path, site), lastmod: lastmod?.toISOString() }))
    .sort((a, b) => a.loc.localeCompare(b.loc, 'en', { numeric: true }));
  return Array.from({ length: Math.ceil(urls.length / size) }, (_, index) => urls.slice(index * size, (index + 1) * size));
}

/**
 * The articles Google News may take, in the order given (site data's: newest first): those published at most
 * 48 hours before `now`, or after it (the content check lets a date run up to a day ahead, and the article is
 * live already), the newest 1,000 of them.
 */
export function newsSitemapUrls(
  articles: readonly Pick<ArticleView, 'url' | 'title' | 'published'>[],
  site: Pick<SiteConfig, 'name' | 'lang' | 'url'>,
  now: Date,
): SitemapUrl[] {
  const since = now.getTime() - NEWS_WINDOW_HOURS * 3_600_000;
  const publication = { name: site.name, language: newsLanguage(site.lang) };
  return articles
    .filter((article) => article.published.getTime() >= since)
    .slice(0, NEWS_SITEMAP_SIZE)
    .map(({ url, title, published }) => ({ loc: absoluteUrl(url, site.url), news: { publication, publicationDate: published.toISOString(), title } }));
}

/** A BCP 47 tag as Google News names languages: ISO 639 (`en-GB` → `en`), but `zh-cn` or `zh-tw` for Chinese by script. */
export function newsLanguage(lang: string): string {
  const locale = new Intl.Locale(lang).maximize();
  if (locale.language === 'zh') return locale.script === 'Hant' ? 'zh-tw' : 'zh-cn';
  return locale.language;
}

const newsXml = ({ publication, publicationDate, title }: NewsStory) =>
  `<news:news><news:publication><news:name>${escapeXml(publication.name)}</news:name><news:language>${escapeXml(publication.language)}</news:language></news:publication>` +
  `<news:publication_date>${publicationDate}</news:publication_date><news:title>${escapeXml(title)}</news:title></news:news>`;

const entry = (tag: string, { loc, lastmod, news }: SitemapUrl) =>
  `<${tag}><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}${news ? newsXml(news) : ''}</${tag}>`;

/** A sitemap file (a News sitemap too); with no URLs, an empty `urlset`. */
export function urlsetXml(urls: readonly SitemapUrl[]): string {
  const xmlns = Object.entries(NAMESPACES)
    .map(([prefix, uri]) => `xmlns${prefix && `:${prefix}`}="${uri}"`)
    .join(' ');
  return `${XML_DECLARATION}<urlset ${xmlns}>${urls.map((url) => entry('url', url)).join('')}</urlset>`;
}

/** The index: each file's URL with the latest `lastmod` among its pages. */
export function sitemapIndexXml(files: readonly SitemapUrl[][], fileUrl: (index: number) => string): string {
  const sitemaps = files.map((urls, index) => ({
    loc: fileUrl(index),
    lastmod: urls.reduce<string | undefined>((latest, { lastmod }) => (lastmod && (!latest || lastmod > latest) ? lastmod : latest), undefined),
  }));
  return `${XML_DECLARATION}<sitemapindex xmlns="${NAMESPACES['']}">${sitemaps.map((sitemap) => entry('sitemap', sitemap)).join('')}</sitemapindex>`;
}

/** How every sitemap route answers. */
export const xmlResponse = (xml: string) => new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
