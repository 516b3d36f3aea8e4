/**
 * The search index, split into shards that change rarely — each a Pagefind index of the pages of some
 * consecutive publication months, about `searchShardPages` (src/config.ts) of them, in
 * `<site>/pagefind/<first month>_<last month>/` — behind a small vocabulary index, the primary bundle at
 * `<site>/pagefind/`, which tells the search page which shards can hold a match for a query
 * (search-vocabulary.ts says how, and why that finds what one index would). `<site>/pagefind/shards.json`
 * lists the shards. Months are taken oldest first, so publishing changes only the newest shard.
 *
 * A shard is indexed again only when its pages changed: each shard's bundle is kept in a cache folder, with
 * its vocabulary (read from the bundle once, when it is written, before its fragments are slimmed to what a
 * result shows: search-fragments.ts), under a digest of its input — its page paths and the very document
 * Pagefind is given for each (see search-pages.ts) — and of the indexer (Pagefind's version, its settings,
 * the format of search-bundles.ts). An edit changes its shard's digest and no other; so do an added or a removed page,
 * unless the count before a bound passes a multiple of the shard size (see shardMonths). Shards are indexed
 * one at a time, each in a fresh Pagefind process that is closed before the next, so memory stays bounded by
 * the largest shard (two at a time, measured at 10,000 articles, saved a few percent of the wall time for
 * half as much memory again), and pages are read one by one, never held together. Where a build renders every
 * article page (a cold one), each shard is indexed as soon as its pages have rendered, beside Astro, which
 * renders on one core (search-beside.ts); this step then finds them in the cache.
 * The vocabulary index, small, is written anew every build from the kept vocabularies.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { site as siteConfig } from '../../config';
import { indexVocabulary, keepShard, pageDigest, shardDigest } from './search-bundles';
import { UNDATED, type ShardManifest } from './search-manifest';
import { inIndexOrder, shardMonths } from './search-months';
import { articlePages, searchDocument } from './search-pages';
import type { Vocabulary } from './search-vocabulary';

export interface SearchIndexReport {
  pages: number;
  shards: number;
  /** The shards indexed in this build, while the pages rendered (`whileRendering`) or after. */
  reindexed: number;
  whileRendering: number;
  /** Wall time of the whole step. */
  seconds: number;
  /** The tokens in the vocabulary index's records (each shard's distinct tokens, summed), and the time it took. */
  vocabulary: { tokens: number; milliseconds: number };
}

/** Newest shard first (a shard's name starts with its first month), `undated` last. */
const newestFirst = (a: string, b: string) => (a === UNDATED ? 1 : b === UNDATED ? -1 : b.localeCompare(a));

/** Each shard's page paths and the digest of its input, reading one page at a time. */
function planShards(site: string): Map<string, { pages: string[]; digest: string }> {
  // Each page's path and a digest of what Pagefind is given for it, by month.
  const months = new Map<string, { path: string; digest: string }[]>();
  for (const path of articlePages(site)) {
    const document = searchDocument(readFileSync(join(site, path), 'utf8'));
    if (!document) continue;
    let pages = months.get(document.month);
    if (!pages) months.set(document.month, (pages = []));
    pages.push({ path, digest: pageDigest(path, document) });
  }
  const counts = new Map([...months].map(([month, pages]) => [month, pages.length]));
  const shards = new Map<string, { pages: string[]; digest: string }>();
  for (const [shard, monthsOfShard] of shardMonths(counts, siteConfig.searchShardPages)) {
    const pages = inIndexOrder(monthsOfShard, (month) => months.get(month)!);
    shards.set(shard, { pages: pages.map((page) => page.path), digest: shardDigest(pages) });
  }
  return shards;
}

/**
 * Writes the sharded search index of the built site `site` into `<site>/pagefind/`, indexing only the shards
 * whose digest has no entry in `cache` (a folder of its own for this output folder) and keeping there the
 * entries of this build alone: `<shard>-<digest>/bundle/` and `<shard>-<digest>/vocabulary.json`.
 * `indexedBefore` names the entries search-beside.ts wrote in this build, so the report counts them as indexed.
 */
export async function writeSearchIndex(site: string, cache: string, indexedBefore: ReadonlySet<string> = new Set()): Promise<SearchIndexReport> {
  const start = performance.now();
  const plan = planShards(site);
  const shards = [...plan.keys()].sort(newestFirst);
  const output = join(site, 'pagefind');
  rmSync(output, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const kept = new Map<string, string>();
  const vocabularies = new Map<string, Vocabulary>();
  let reindexed = 0;
  let whileRendering = 0;
  let pages = 0;
  const documentOf = async (path: string) => {
    const document = searchDocument(await readFile(join(site, path), 'utf8'));
    if (!document) throw new Error(`search: ${path} lost its data-pagefind-body while being indexed`);
    return document;
  };
  for (const shard of shards) {
    const { pages: paths, digest } = plan.get(shard)!;
    const { entry, indexed } = await keepShard(cache, shard, digest, paths, documentOf);
    const early = indexedBefore.has(entry);
    if (indexed || early) reindexed++;
    if (early) whileRendering++;
    kept.set(shard, entry);
    vocabularies.set(shard, JSON.parse(readFileSync(join(entry, 'vocabulary.json'), 'utf8')) as Vocabulary);
    pages += paths.length;
  }
  const entries = new Set([...kept.values()]);
  for (const entry of readdirSync(cache)) if (!entries.has(join(cache, entry))) rmSync(join(cache, entry), { recursive: true, force: true });

  const vocabularyStart = performance.now();
  if (shards.length > 0) await indexVocabulary(vocabularies, output); // no page, no index to search
  const milliseconds = Math.round(performance.now() - vocabularyStart);
  // After the primary: the shards are folders inside it.
  for (const [shard, cached] of kept) cpSync(join(cached, 'bundle'), join(output, shard), { recursive: true });
  const manifest: ShardManifest = { shards };
  mkdirSync(output, { recursive: true });
  writeFileSync(join(output, 'shards.json'), JSON.stringify(manifest));
  const tokens = [...vocabularies.values()].reduce((sum, vocabulary) => sum + Object.values(vocabulary).reduce((count, words) => count + words.length, 0), 0);
  const seconds = (performance.now() - start) / 1000;
  return { pages, shards: shards.length, reindexed, whileRendering, seconds, vocabulary: { tokens, milliseconds } };
}
