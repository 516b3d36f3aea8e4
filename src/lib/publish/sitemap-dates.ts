import type { HeadlinesJson } from './headlines-json';

/** Sitemap `lastmod` for each article URL: when it was updated, else published. */
export function lastmodByUrl(index: HeadlinesJson): Map<string, string> {
  return new Map(
    index.headlines.flatMap(({ url, updated, date }) => (url && date ? [[url, updated ?? date] as [string, string]] : [])),
  );
}
