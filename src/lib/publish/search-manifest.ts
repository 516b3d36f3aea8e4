/**
 * What the build and the search page agree on about the sharded search index (search-shards.ts writes it,
 * src/scripts/search-index.ts reads it): the list of shards in `pagefind/shards.json`, and the two Pagefind
 * filters that tell the vocabulary index's records and the shards' pages apart. No Node here: the search
 * page's script imports it.
 */

/** `pagefind/shards.json`. */
export interface ShardManifest {
  /** Every shard, newest first (`undated` last): each a Pagefind bundle in `pagefind/<shard>/`. */
  shards: string[];
}

/** The vocabulary index's filter: the record of a shard's words carries the shard's name in it. */
export const VOCABULARY_FILTER = 'shard_words';

/** The filter the search page gives every page of a shard as it merges the shard (Pagefind's `mergeFilter`). */
export const SHARD_FILTER = 'shard';
