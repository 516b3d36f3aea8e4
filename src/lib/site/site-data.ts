/**
 * Site-wide data, read from the content collections once per build and shared by every page.
 * Pages import `getSiteData()`; nothing else calls `getCollection`. The content was checked as a whole
 * before the build began (src/lib/content/check.ts), so references here resolve.
 */
import { getCollection } from 'astro:content';
import { site } from '../../config';
import { articleView, type Article, type ArticleView, type Author } from './article-view';
import { composeFront, type Front } from './front-page';
import { buildHeadlineIndex, type ArticleHeadline, type ExtraHeadline } from './headlines';
import { buildListings, type Listings } from './listings';
import { createRanker, type Ranker } from './ranking';
import { buildSocialCards, type SocialCard, type SocialCards } from './social-cards';

export type { Article, ArticleView, Author, SocialCard };

/** An entry of the headline index as site data holds it: an extra entry, or an article with its view data. */
export type SiteHeadline = ExtraHeadline | (ArticleView & ArticleHeadline);

export interface SiteData {
  /** Published articles as readers see them, newest first (drafts only in `astro dev`). */
  articles: ArticleView[];
  authors: Map<string, Author>;
  headlines: SiteHeadline[];
  listings: Listings<SiteHeadline>;
  /** The front page's lead, top stories, "Latest" river and section blocks. */
  front: Front<SiteHeadline>;
  /** Picks an article's "More stories" from the headline index. */
  rankMoreStories: Ranker<SiteHeadline>;
  /** The social card each page shares, and every card to draw. */
  socialCards: SocialCards;
}

async function loadSiteData(): Promise<SiteData> {
  const [entries, authorEntries, extras] = await Promise.all([
    getCollection('articles', ({ data }) => import.meta.env.DEV || !data.draft),
    getCollection('authors'),
    getCollection('headlines'),
  ]);
  const authors = new Map(authorEntries.map((author) => [author.id, author]));
  const headlines = buildHeadlineIndex(
    entries.map((entry) => articleView(entry, authors)),
    extras
      .sort((a, b) => a.data.order - b.data.order)
      .map(({ id, data: { kicker, title, dek, url, date, section, tags } }) => ({ id, kicker, title, dek, url, date, section, tags })),
  );
  // The index is the one place articles are sorted: the article list is its articles, in its order.
  const articles = headlines.filter((headline) => headline.kind === 'article');
  const listings = buildListings(headlines, site.timeZone);
  const front = composeFront(
    headlines,
    site.front,
    site.sections.map((section) => ({ section, stories: listings.bySection.get(section.id) ?? [] })),
  );
  return {
    articles,
    authors,
    headlines,
    listings,
    front,
    rankMoreStories: createRanker(headlines, { windowDays: site.sidebarWindowDays }),
    socialCards: buildSocialCards(articles, site),
  };
}

let cached: Promise<SiteData> | undefined;

export function getSiteData(): Promise<SiteData> {
  // In `astro dev` content changes while the server runs, so only a build keeps the first result.
  if (import.meta.env.DEV) return loadSiteData();
  return (cached ??= loadSiteData());
}
