/** The rules of the search index's shards (search-shards.ts): which months a shard holds, and the order of its pages. */
import { UNDATED } from './search-manifest';

/**
 * The shards of pages published in `months` (each month, `2020-11`, and its number of pages), each named
 * after its first and last month (`2019-01_2021-03`, or `2019-01` for one): oldest first, a month goes to shard
 * ⌊pages published before it ÷ `pages`⌋, so a shard holds about `pages` pages (a month with more is a shard of
 * its own). A bound is where the count before a month passes a multiple of `pages`, and so depends on that
 * count alone: an article added to or removed from an old month moves a later bound only when that bound sat
 * within an article of its multiple, where packing shard after shard would move every bound after it. The
 * newest shard is the one still filling. Undated pages make their own.
 */
export function shardMonths(months: Map<string, number>, pages: number): Map<string, string[]> {
  const groups: { key: string; months: string[] }[] = [];
  let before = 0;
  for (const month of [...months.keys()].filter((month) => month !== UNDATED).sort()) {
    const count = months.get(month)!;
    const key = count > pages ? `alone ${month}` : String(Math.floor(before / pages));
    const last = groups.at(-1);
    if (last?.key === key) last.months.push(month);
    else groups.push({ key, months: [month] });
    before += count;
  }
  const named = groups.map(({ months: group }): [string, string[]] => [group.length === 1 ? group[0] : `${group[0]}_${group.at(-1)}`, group]);
  if (months.has(UNDATED)) named.push([UNDATED, [UNDATED]]);
  return new Map(named);
}

/**
 * A shard's pages in the order they are indexed and its digest is taken: month after month (oldest first, as
 * `shardMonths` lists a shard's months), each month's pages by path.
 */
export function inIndexOrder<Page extends { path: string }>(months: string[], pagesOf: (month: string) => Page[]): Page[] {
  return months.flatMap((month) => [...pagesOf(month)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
}
