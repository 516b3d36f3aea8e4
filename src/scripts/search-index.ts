/**
 * Loads the site's search index in the browser: the primary Pagefind bundle at `<base>pagefind/` (the newest
 * year's articles) and every other year's shard merged into it (Pagefind's `mergeIndex`), as
 * `pagefind/shards.json` lists them (src/lib/publish/search-shards.ts writes both). Pagefind searches all the
 * shards at once and ranks their results together. Every address starts from the site's base path.
 */

export interface SearchHit<Data> {
  data(): Promise<Data>;
}

export interface SearchIndex<Data> {
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: SearchHit<Data>[] }>;
}

interface Pagefind<Data> extends SearchIndex<Data> {
  options(options: { baseUrl: string }): Promise<void>;
  mergeIndex(bundlePath: string, options: { baseUrl: string }): Promise<void>;
}

/** What search-shards.ts writes to `pagefind/shards.json`. */
interface ShardManifest {
  primary: string | null;
  shards: string[];
}

/** The search index of the site at `base` (ending in `/`); result URLs start with `base` too. */
export async function loadSearchIndex<Data>(base: string): Promise<SearchIndex<Data>> {
  const response = await fetch(`${base}pagefind/shards.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`search index list: HTTP ${response.status}`);
  const manifest = (await response.json()) as ShardManifest;
  // No article to search: no bundle was written.
  if (manifest.primary === null) return { search: async () => ({ results: [] }) };
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind<Data>;
  await pagefind.options({ baseUrl: base });
  await Promise.all(manifest.shards.map((shard) => pagefind.mergeIndex(`${base}pagefind/${shard}/`, { baseUrl: base })));
  return pagefind;
}
