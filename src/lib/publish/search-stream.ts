/**
 * The search index's shards, told while the article pages are still being rendered, so each can be indexed
 * on the other core while the pages after it render (src/integrations/pagefind.ts). Astro renders the article
 * route's pages in the order of its `getStaticPaths`, newest first (site-data.ts sorts the articles once);
 * pages come here with their place in that order and are taken in it, whatever order they finish in.
 *
 * A month is complete when a page of an older month comes. A shard's bounds depend only on the number of
 * pages before each month (`shardMonths`), and with the number of article pages known, that is known for
 * every complete month: the pages not yet taken are all older. So every shard of complete months is final as
 * soon as its oldest month is complete, except the oldest shard seen, which older months may still join
 * (unless it is a month bigger than a shard, alone in its own); and every shard is final once the last page
 * is taken.
 *
 * What the build then writes is checked again from the built pages (search-shards.ts): a shard told here is
 * only indexed early, into the cache, under the digest of what it holds. A place never given (its page was
 * restored from Astro's cache, not rendered) stalls the stream there, and a page without search content, a
 * month out of order or an undated page ends it; what it did not tell is indexed after the build.
 */
import { inIndexOrder, shardMonths } from './search-months';
import { UNDATED } from './search-manifest';
import type { SearchDocument } from './search-pages';

/** An article page's path in the built site (`articles/x/index.html`) and what search indexes of it. */
export interface StreamedPage extends SearchDocument {
  path: string;
}

/** Stands for the pages not yet taken, all older than those taken: sorts before every month. */
const OLDER = '0000-00';

/**
 * Takes `total` article pages, newest first, and calls `onShard` with each shard of `shardPages` as soon as
 * it is final: its name and its pages, in the order the built site's index takes them (`inIndexOrder`).
 * `total` must be the number of article pages the built site's index takes: a place that never brings a page
 * to index (a page without search content, or never written) ends the stream, but the shards told before it
 * were bounded as if it would, and are then indexed again after the build under their right bounds.
 */
export function shardStream(total: number, shardPages: number, onShard: (name: string, pages: StreamedPage[]) => void) {
  const waiting = new Map<number, StreamedPage | undefined>();
  /** The pages of each month taken whose shard is not told yet, newest month first. */
  const pagesOf = new Map<string, StreamedPage[]>();
  /** The number of pages of each complete month. */
  const counts = new Map<string, number>();
  const told = new Set<string>();
  let next = 0;
  let taken = 0;
  let current: string | undefined;
  let ended = false;

  const end = () => {
    ended = true;
    waiting.clear();
    pagesOf.clear();
  };

  /** Tells every shard that is final now and was not told before. */
  const tellFinal = (all: boolean) => {
    const months = new Map(counts);
    // Older months may still join the oldest month's shard, unless it is a month alone (bigger than a shard).
    const oldest = [...counts.keys()].at(-1);
    const open = !all && oldest !== undefined && counts.get(oldest)! <= shardPages ? oldest : undefined;
    if (!all) months.set(OLDER, total - taken);
    for (const [name, group] of shardMonths(months, shardPages)) {
      if (told.has(name) || group.includes(OLDER) || (open !== undefined && group.includes(open))) continue;
      told.add(name);
      const pages = inIndexOrder(group, (month) => pagesOf.get(month)!);
      for (const month of group) pagesOf.delete(month);
      onShard(name, pages);
    }
  };

  const complete = (month: string) => {
    const count = pagesOf.get(month)!.length;
    counts.set(month, count);
    taken += count;
  };

  const take = (page: StreamedPage | undefined) => {
    if (!page || page.month === UNDATED) return end();
    if (page.month !== current) {
      if (current !== undefined) {
        if (page.month > current) return end(); // not newest first: nothing here can be trusted
        complete(current);
        tellFinal(false);
      }
      current = page.month;
      pagesOf.set(current, []);
    }
    pagesOf.get(current)!.push(page);
    if (next === total) {
      complete(current);
      tellFinal(true);
      end();
    }
  };

  return {
    /**
     * The page at `position` (0 for the newest) rendered; `page` undefined when it has nothing search indexes.
     * Positions outside 0 to total − 1, and one given again, are ignored.
     */
    add(position: number, page: StreamedPage | undefined) {
      if (ended || position < next || position >= total || waiting.has(position)) return;
      waiting.set(position, page);
      while (!ended && waiting.has(next)) {
        const taking = waiting.get(next);
        waiting.delete(next);
        next++;
        take(taking);
      }
    },
  };
}
