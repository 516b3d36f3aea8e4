/**
 * What the build and the search page agree on about the sharded search index (search-shards.ts writes it,
 * src/scripts/search-index.ts reads it): the list of shards in `pagefind/shards.json`, the two Pagefind
 * filters that tell the vocabulary index's records and the shards' pages apart, and the sort key that puts a
 * shard's pages newest first. No Node here: the search page's script imports it.
 */

/** The month, and the shard, of pages that carry no publication date (search-pages.ts). */
export const UNDATED = 'undated';

/** `pagefind/shards.json`. */
export interface ShardManifest {
  /** Every shard, newest first (`undated` last): each a Pagefind bundle in `pagefind/<shard>/`. */
  shards: string[];
}

/** The vocabulary index's filter: the record of a shard's words carries the shard's name in it. */
export const VOCABULARY_FILTER = 'shard_words';

/** The filter the search page gives every page of a shard as it merges the shard (Pagefind's `mergeFilter`). */
export const SHARD_FILTER = 'shard';

/**
 * An article's publication time, ISO 8601 in UTC, under this name: the Pagefind sort key its page gives it
 * (`data-pagefind-sort`, in ArticleHeader; sorting the text sorts the times), and the metadata of its result,
 * which the search page shows (written into the fragment after indexing, so it is not a word search finds).
 * Pagefind leaves a page without the key out of a sorted search, so the undated shard is searched unsorted.
 */
export const PUBLISHED = 'published';
