/**
 * The site's search index in the browser: the vocabulary index, the primary Pagefind bundle at
 * `<base>pagefind/`, and the shards (of consecutive publication months) in `pagefind/<shard>/` that
 * `pagefind/shards.json` lists
 * (src/lib/publish/search-shards.ts writes them). A search first asks the vocabulary which shards can hold a
 * match for the whole query, merges those it has not merged yet (Pagefind's `mergeIndex`, each shard's pages
 * tagged with its name), then searches only them: what it finds is what one index over every page would
 * find (src/lib/publish/search-vocabulary.ts says why). Results come in Pagefind's ranking order, across the
 * shards, unsorted by date. Every address starts from the site's base path.
 */
import { SHARD_FILTER, VOCABULARY_FILTER, type ShardManifest } from '../lib/publish/search-manifest';

export interface SearchHit<Data> {
  data(): Promise<Data>;
}

export interface SearchIndex<Data> {
  /** `signal` aborts a search that a newer one made pointless: it merges no more shards, nor searches them. */
  search(query: string, options?: { filters?: Record<string, string>; signal?: AbortSignal }): Promise<{ results: SearchHit<Data>[] }>;
}

/** The part of Pagefind's API used here (its `createInstance`: an instance of its own, not the module's). */
interface Pagefind<Data> {
  mergeIndex(bundlePath: string, options: { baseUrl: string; mergeFilter: Record<string, string> }): Promise<void>;
  search(
    query: string,
    options: { filters: Record<string, string | { any: string[] }> },
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
  if (shards.length === 0) return { search: async () => ({ results: [] }) };
  const { createInstance } = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
  const pagefind = createInstance<Data>({ basePath: `${base}pagefind/`, baseUrl: base });
  const merged = new Map<string, Promise<void>>();
  const merge = (shard: string) => {
    let merging = merged.get(shard);
    if (!merging) merged.set(shard, (merging = pagefind.mergeIndex(`${base}pagefind/${shard}/`, { baseUrl: base, mergeFilter: { [SHARD_FILTER]: shard } })));
    return merging;
  };

  return {
    async search(query, options = {}) {
      // Without quotes: an exact search would look for the words side by side in the vocabulary's records.
      const vocabulary = await pagefind.search(query.replaceAll('"', ''), { filters: { [VOCABULARY_FILTER]: { any: shards } } });
      options.signal?.throwIfAborted();
      const matching = vocabulary.filters[VOCABULARY_FILTER] ?? {};
      const eligible = shards.filter((shard) => (matching[shard] ?? 0) > 0);
      if (eligible.length === 0) return { results: [] };
      await Promise.all(eligible.map(merge));
      options.signal?.throwIfAborted();
      // The shard filter leaves out the vocabulary's records and the shards merged for earlier queries.
      return pagefind.search(query, { filters: { ...options.filters, [SHARD_FILTER]: { any: eligible } } });
    },
  };
}
