/**
 * The headline index: every published article plus the extra entries of `headlines.yaml`, newest first.
 * Built once per build (see `site-data.ts`); the sidebar, the front page and `/headlines.json` read it.
 */

export interface Headline {
  id: string;
  /** `article`: a page on this site; `extra`: an entry of the headline file (maybe linking elsewhere). */
  kind: 'article' | 'extra';
  kicker: string;
  title: string;
  dek: string;
  /** Base-aware path for articles, absolute http(s) URL or nothing for extra entries. */
  url?: string;
  date?: Date;
  /** Articles only: when the article last changed, if after publication. */
  updated?: Date;
  section?: string;
  tags: string[];
  /** Articles only: author ids. */
  authors?: string[];
}

/** What the index needs of a published article. */
export type ArticleSummary = Omit<Headline, 'kind' | 'url' | 'date' | 'section' | 'authors'> & {
  url: string;
  published: Date;
  section: string;
  authors: string[];
};

/** An entry of the headline file, with its id. */
export type ExtraEntry = Omit<Headline, 'kind' | 'updated' | 'authors'>;

/** Dated entries newest first, then undated ones in the order they were written; ties broken by id. */
function byNewest(a: Headline & { order: number }, b: Headline & { order: number }): number {
  if (a.date && b.date) return b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id);
  if (a.date) return -1;
  if (b.date) return 1;
  return a.order - b.order;
}

export function buildHeadlineIndex(articles: ArticleSummary[], extras: ExtraEntry[]): Headline[] {
  const articleIds = new Set(articles.map((article) => article.id));
  const clash = extras.find((extra) => articleIds.has(extra.id));
  if (clash) {
    throw new Error(
      `headlines.yaml: entry "${clash.title}" has the id "${clash.id}" of an article in articles/ — remove one of the two`,
    );
  }
  const fromArticles = articles.map(({ published, ...article }, order) => ({
    ...article,
    kind: 'article' as const,
    date: published,
    order,
  }));
  const fromExtras = extras.map((extra, order) => ({ ...extra, kind: 'extra' as const, order: articles.length + order }));
  return [...fromArticles, ...fromExtras].sort(byNewest).map(({ order: _order, ...headline }) => headline);
}
