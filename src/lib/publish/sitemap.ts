/**
 * The sitemap, in the shape and file names @astrojs/sitemap gave it: `sitemap-index.xml` naming
 * `sitemap-0.xml`, `sitemap-1.xml`… of at most 45,000 URLs each, sorted, with `lastmod` for articles.
 * Made from the page list of site data (src/lib/site/site-pages.ts) by the routes `src/pages/sitemap-*.xml.ts`.
 */
import type { SitePage } from '../site/site-pages';
import { absoluteUrl } from '../util/urls';
import { escapeXml } from './feeds';

export const SITEMAP_SIZE = 45_000;

export interface SitemapUrl {
  loc: string;
  lastmod?: string;
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

const entry = (tag: string, { loc, lastmod }: SitemapUrl) =>
  `<${tag}><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</${tag}>`;

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
