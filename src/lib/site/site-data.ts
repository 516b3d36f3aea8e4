/**
 * Site-wide data, read from the content collections once per build and shared by every page.
 * Pages import `getSiteData()`; nothing else calls `getCollection`. The content was checked as a whole
 * before the build began (src/lib/content/check.ts), so references here resolve.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { site } from '../../config';
import { lastModified } from './article-meta';
import { buildHeadlineIndex, type Headline } from './headlines';
import { buildListings, type Listings } from './listings';
import { createRanker, type Ranker } from './ranking';
import { articlePath } from '../util/urls';

export type Article = CollectionEntry<'articles'>;
export type Author = CollectionEntry<'authors'>;

export interface SiteData {
  /** Published articles, newest first (drafts only in `astro dev`). */
  articles: Article[];
  authors: Map<string, Author>;
  headlines: Headline[];
  listings: Listings;
  /** Picks an article's "More stories" from the headline index. */
  rankMoreStories: Ranker;
}

async function loadSiteData(): Promise<SiteData> {
  const [allArticles, authorEntries, extras] = await Promise.all([
    getCollection('articles', ({ data }) => import.meta.env.DEV || !data.draft),
    getCollection('authors'),
    getCollection('headlines'),
  ]);
  const articles = allArticles.sort(
    (a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id),
  );
  const authors = new Map(authorEntries.map((author) => [author.id, author]));

  const headlines = buildHeadlineIndex(
    articles.map(({ id, data }) => ({
      id,
      url: articlePath(id),
      kicker: data.kicker,
      title: data.title,
      dek: data.dek,
      published: data.published,
      updated: lastModified(data),
      section: data.section,
      tags: data.tags,
      authors: data.authors.map((author) => author.id),
    })),
    extras.sort((a, b) => a.data.order - b.data.order).map(({ id, data: { order: _order, ...data } }) => ({ id, ...data })),
  );
  return { articles, authors, headlines, listings: buildListings(headlines, site.timeZone), rankMoreStories: createRanker(headlines) };
}

let cached: Promise<SiteData> | undefined;

export function getSiteData(): Promise<SiteData> {
  // In `astro dev` content changes while the server runs, so only a build keeps the first result.
  if (import.meta.env.DEV) return loadSiteData();
  return (cached ??= loadSiteData());
}
