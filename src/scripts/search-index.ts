/**
 * The site's search index in the browser: the vocabulary index, the primary Pagefind bundle at
 * `<base>pagefind/`, and the shards (of consecutive publication months) in `pagefind/<shard>/` that
 * `pagefind/shards.json` lists, newest first (src/lib/publish/search-shards.ts writes them). A search first
 * asks the vocabulary which shards can hold a match for the whole query: what those find is what one index
 * over every page would find (src/lib/publish/search-vocabulary.ts says why). It then merges and searches
 * them one at a time, newest first, each with its pages sorted by publication time (Pagefind's `mergeIndex`,
 * each shard's pages tagged with its name), and stops once it has as many results as asked for: a word in
 * every article loads the newest shard, not all of them. Every address starts from the site's base path.
 */
import { PUBLISHED_SORT, SHARD_FILTER, UNDATED, VOCABULARY_FILTER, type ShardManifest } from '../lib/publish/search-manifest';

export interface SearchHit<Data> {
  data(): Promise<Data>;
}

/** What a search found. */
export interface SearchFound<Data> {
  /** Newest first. */
  results: SearchHit<Data>[];
  /** Whether every shard that can match was searched: then `results` is every match, and its length their count. */
  complete: boolean;
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
  if (shards.length === 0) return { search: async () => ({ results: [], complete: true }) };
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
      const results: SearchHit<Data>[] = [];
      for (const shard of shards.filter((name) => (matching[name] ?? 0) > 0)) {
        if (results.length >= atLeast) return { results, complete: false };
        await merge(shard);
        signal?.throwIfAborted();
        // One shard at a time: a sorted search scores a page by its place in its own index's order, which
        // does not compare across indexes. The shard filter leaves out the vocabulary's records and the other
        // shards merged.
        const found = await pagefind.search(query, {
          filters: { ...filters, [SHARD_FILTER]: shard },
          // Pagefind leaves out of a sorted search the pages without the key: the undated pages have none.
          sort: shard === UNDATED ? {} : { [PUBLISHED_SORT]: 'desc' },
        });
        signal?.throwIfAborted();
        results.push(...found.results);
      }
      return { results, complete: true };
    },
  };
}
