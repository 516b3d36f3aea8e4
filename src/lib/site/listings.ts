/**
 * The site's listings — sections, tags, authors, archive months — grouped once per build from the headline
 * index. Each group keeps the index's order (newest first).
 */
import type { ArticleHeadline, Headline } from './headlines';

export function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

const yearMonthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * `2020/11`: year and month of `date` in `timeZone`, as the archive's URL segment. Written in `en-US` whatever
 * the site's language, for ASCII digits in URLs; readers see the month as formatMonth (../util/dates.ts) writes it.
 */
export function monthKey(date: Date, timeZone: string): string {
  let format = yearMonthFormats.get(timeZone);
  if (!format) yearMonthFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' })));
  const parts = format.formatToParts(date);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)!.value;
  return `${part('year')}/${part('month')}`;
}

export interface Listings<Story extends Headline = Headline> {
  bySection: Map<string, Story[]>;
  byTag: Map<string, Story[]>;
  byAuthor: Map<string, Extract<Story, ArticleHeadline>[]>;
  /** Archive months (`2020/11`), newest first, each with its articles. */
  byMonth: Map<string, Extract<Story, ArticleHeadline>[]>;
}

export function buildListings<Story extends Headline>(headlines: readonly Story[], timeZone: string): Listings<Story> {
  const articles = headlines.filter((headline): headline is Extract<Story, ArticleHeadline> => headline.kind === 'article');
  return {
    bySection: groupBy(headlines, (headline) => (headline.section ? [headline.section] : [])),
    byTag: groupBy(headlines, (headline) => headline.tags),
    byAuthor: groupBy(articles, (headline) => headline.authors),
    byMonth: groupBy(articles, (headline) => [monthKey(headline.date, timeZone)]),
  };
}
