/**
 * Every page the build writes, listed from site data (the sitemap is made from this list, not from the
 * built folder): the fixed pages, each article, and every page of each listing as the listing routes page
 * them with Astro's `paginate()` (page 1 at the listing's path, page n at `<path><n>/`, one page for an
 * empty listing). The 404 page is left out, as sitemaps leave it. tests/e2e/discovery.spec.ts checks the
 * list against the pages in the built folder.
 */
import type { Section } from '../../config';
import type { SiteData } from './site-data';
import { archivePath, authorPath, sectionPath, tagPath, withBase } from '../util/urls';

export interface SitePage {
  /** Base-aware path. */
  path: string;
  /** Articles: when the article last changed, else when it was published. */
  lastmod?: Date;
}

/** The paths of a listing of `count` stories, `pageSize` a page. */
export function listingPaths(path: string, count: number, pageSize: number): string[] {
  const pages = Math.max(1, Math.ceil(count / pageSize));
  return Array.from({ length: pages }, (_, index) => (index === 0 ? path : `${path}${index + 1}/`));
}

export function sitePages(
  { articles, authors, listings }: Pick<SiteData, 'articles' | 'authors' | 'listings'>,
  sections: readonly Pick<Section, 'id'>[],
  pageSize: number,
): SitePage[] {
  const listing = (path: string, stories: readonly unknown[] = []) => listingPaths(path, stories.length, pageSize);
  return [
    ...[withBase('/'), withBase('/search/'), withBase('/tags/'), archivePath()].map((path) => ({ path })),
    ...articles.map((article) => ({ path: article.url, lastmod: article.updated ?? article.published })),
    ...[
      ...sections.flatMap(({ id }) => listing(sectionPath(id), listings.bySection.get(id))),
      ...[...listings.byTag].flatMap(([tag, stories]) => listing(tagPath(tag), stories)),
      ...[...authors.keys()].flatMap((id) => listing(authorPath(id), listings.byAuthor.get(id))),
      ...[...listings.byMonth].flatMap(([month, stories]) => listing(archivePath(month), stories)),
    ].map((path) => ({ path })),
  ];
}
