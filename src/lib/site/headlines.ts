/**
 * The headline index: every published article plus the extra entries of `headlines.yaml`, newest first.
 * Built once per build (see `site-data.ts`); the sidebar, the front page, the listings, the sitemap and
 * `/headlines.json` read it.
 */

interface Story {
  id: string;
  kicker: string;
  title: string;
  dek: string;
  tags: string[];
}

/** A page on this site. */
export interface ArticleHeadline extends Story {
  kind: 'article';
  /** Base-aware path of the article page. */
  url: string;
  /** Publication. */
  date: Date;
  /** When the article last changed, if after publication. */
  updated?: Date;
  section: string;
  /** Author ids. */
  authors: string[];
}

/** An entry of the headline file, maybe linking elsewhere. */
export interface ExtraHeadline extends Story {
  kind: 'extra';
  /** Absolute http(s) URL, if the entry links anywhere. */
  url?: string;
  date?: Date;
  section?: string;
}

export type Headline = ArticleHeadline | ExtraHeadline;

/** What the index needs of a published article. */
export type ArticleSummary = Omit<ArticleHeadline, 'kind' | 'date'> & { published: Date };

/** An entry of the headline file, with its id. */
export type ExtraEntry = Omit<ExtraHeadline, 'kind'>;

/**
 * Dated entries newest first, ties broken by id; undated ones after them. The sort is stable, so undated
 * entries (extras only) stay in the order they were written.
 */
function byNewest(a: Headline, b: Headline): number {
  if (a.date && b.date) return b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id);
  return Number(!a.date) - Number(!b.date);
}

/**
 * The index, sorted once: articles and extras together. An article's headline keeps everything its summary
 * carried (site-data.ts hands in whole article views, and reads its newest-first article list back from here).
 */
export function buildHeadlineIndex<Article extends ArticleSummary>(
  articles: readonly Article[],
  extras: readonly ExtraEntry[],
): (ExtraHeadline | (Article & ArticleHeadline))[] {
  const articleIds = new Set(articles.map((article) => article.id));
  const clash = extras.find((extra) => articleIds.has(extra.id));
  if (clash) {
    throw new Error(
      `headlines.yaml: entry "${clash.title}" has the id "${clash.id}" of an article in articles/ — remove one of the two`,
    );
  }
  return [
    ...articles.map((article) => ({ ...article, kind: 'article' as const, date: article.published })),
    ...extras.map((extra) => ({ ...extra, kind: 'extra' as const })),
  ].sort(byNewest);
}
