/** The rule that groups publication months into the search index's shards (search-shards.ts). */
import { UNDATED } from './search-pages.ts';

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
