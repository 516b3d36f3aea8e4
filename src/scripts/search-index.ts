/**
 * The site's search index in the browser: the vocabulary index, the primary Pagefind bundle at
 * `<base>pagefind/`, and the shards (of consecutive publication months) in `pagefind/<shard>/` that
 * `pagefind/shards.json` lists, newest first (src/lib/publish/search-shards.ts writes them). A search first
 * asks the vocabulary which shards can hold a match for the whole query: what those find is what one index
 * over every page would find (src/lib/publish/search-vocabulary.ts says why). It then merges them newest
 * first (Pagefind's `mergeIndex`, each shard's pages tagged with its name), searches each with its pages sorted
 * by publication time, and stops once it has as many results as asked for: a word in every article loads the
 * newest shard, not all of them. Every address starts from the site's base path.
 */
import { PUBLISHED, SHARD_FILTER, UNDATED, VOCABULARY_FILTER, type ShardManifest } from '../lib/publish/search-manifest';

export interface SearchHit<Data> {
  data(): Promise<Data>;
}

/** What a search found so far. */
export interface SearchFound<Data> {
  /** Newest first. */
  results: SearchHit<Data>[];
  /** Whether every shard that can match was searched: then `results` is every match, and its length their count. */
  complete: boolean;
  /**
   * Searches on, in older shards, until `atLeast` results are found in all or none is left; the results found
   * so far keep their places. One at a time: a call waits for the one before.
   */
  more(atLeast: number, signal?: AbortSignal): Promise<SearchFound<Data>>;
}

export interface SearchOptions {
  filters?: Record<string, string>;
  /** Stop once this many results are found (all of them, without it). */
  atLeast?: number;
  /** Aborts a search that a newer one made pointless: it merges no more shards, nor searches them. */
  signal?: AbortSignal;
}

export interface SearchIndex<Data> {
  search(query: string, options?: SearchOptions): Promise<SearchFound<Data>>;
}

/** The part of Pagefind's API used here (its `createInstance`: an instance of its own, not the module's). */
export interface Pagefind<Data> {
  mergeIndex(bundlePath: string, options: { baseUrl: string; mergeFilter: Record<string, string> }): Promise<void>;
  search(
    query: string,
    options: { filters: Record<string, string | { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: SearchHit<Data>[]; filters: Record<string, Record<string, number>> }>;
}

interface PagefindModule {
  createInstance<Data>(options: { basePath: string; baseUrl: string }): Pagefind<Data>;
}

/** The search index of the site at `base` (ending in `/`); result URLs start with `base` too. */
export async function loadSearchIndex<Data>(base: string): Promise<SearchIndex<Data>> {
  const response = await fetch(`${base}pagefind/shards.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`search index list: HTTP ${response.status}`);
  const { shards } = (await response.json()) as ShardManifest;
  // No article to search: no index was written.
  if (shards.length === 0) {
    const nothing: SearchFound<Data> = { results: [], complete: true, more: async () => nothing };
    return { search: async () => nothing };
  }
  const { createInstance } = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
  return shardedIndex(createInstance<Data>({ basePath: `${base}pagefind/`, baseUrl: base }), shards, base);
}

/** Search over `shards` (newest first) with `pagefind`, the instance of the vocabulary index. */
export function shardedIndex<Data>(pagefind: Pagefind<Data>, shards: string[], base: string): SearchIndex<Data> {
  const merged = new Map<string, Promise<void>>();
  const merge = (shard: string) => {
    let merging = merged.get(shard);
    if (!merging) merged.set(shard, (merging = pagefind.mergeIndex(`${base}pagefind/${shard}/`, { baseUrl: base, mergeFilter: { [SHARD_FILTER]: shard } })));
    return merging;
  };

  return {
    async search(query, { filters = {}, atLeast = Infinity, signal } = {}) {
      // Without quotes: an exact search would look for the words side by side in the vocabulary's records.
      const vocabulary = await pagefind.search(query.replaceAll('"', ''), { filters: { [VOCABULARY_FILTER]: { any: shards } } });
      signal?.throwIfAborted();
      const matching = vocabulary.filters[VOCABULARY_FILTER] ?? {};
      const waiting = shards.filter((shard) => (matching[shard] ?? 0) > 0);
      const results: SearchHit<Data>[] = [];
      let searched = 0;

      const searchOn = async (atLeast: number, signal?: AbortSignal): Promise<SearchFound<Data>> => {
        while (waiting.length > 0 && results.length < atLeast) {
          const batch = waiting.slice(0, batchSize(atLeast - results.length, results.length, searched));
          // In parallel: each shard's index is fetched before it is searched, a few requests one after another.
          await Promise.all(batch.map(merge));
          signal?.throwIfAborted();
          for (const shard of batch) {
            // One shard at a time: a sorted search scores a page by its place in its own index's order, which
            // does not compare across indexes. The shard filter leaves out the vocabulary's records and the
            // other shards merged.
            const found = await pagefind.search(query, { filters: { ...filters, [SHARD_FILTER]: shard }, sort: shard === UNDATED ? {} : { [PUBLISHED]: 'desc' } });
            signal?.throwIfAborted();
            results.push(...found.results);
            waiting.shift();
            searched += 1;
          }
        }
        return { results: [...results], complete: waiting.length === 0, more };
      };
      let walking: Promise<unknown> = Promise.resolve();
      const more = (atLeast: number, signal?: AbortSignal) => {
        const next = walking.then(() => searchOn(atLeast, signal));
        walking = next.catch(() => undefined);
        return next;
      };
      return more(atLeast, signal);
    },
  };
}

/**
 * How many shards to merge at once, `needed` results short of a page, with `found` in the `searched` shards
 * so far: one to start with; then as many as the matches a shard has held so far says are needed; where none
 * has held a match, as many again as were searched.
 */
function batchSize(needed: number, found: number, searched: number): number {
  if (searched === 0) return 1;
  return found === 0 ? searched : Math.ceil(needed / (found / searched));
}
