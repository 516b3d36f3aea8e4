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
 * this file's format). An edit changes its shard's digest and no other; so do an added or a removed page,
 * unless the count before a bound passes a multiple of the shard size (see shardMonths). Shards are indexed
 * one at a time, each in a fresh Pagefind process that is closed before the next, so memory stays bounded by
 * the largest shard (two at a time, measured at 10,000 articles, saved a few percent of the wall time,
 * Pagefind already keeping both cores busy, for half as much memory again), and pages are read one by one,
 * never held together. The vocabulary index, small, is written anew every build from the kept vocabularies.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { site as siteConfig } from '../../config';
import type { ShardManifest } from './search-manifest';
import { slimFragments } from './search-fragments';
import { articlePages, searchDocument, UNDATED } from './search-pages';
import { bundleVocabulary, vocabularyRecords, type Vocabulary } from './search-vocabulary';

/**
 * Pagefind's index chunk size, in word positions (its default: 20,000). A query loads one chunk per shard
 * it searches for each word, so smaller chunks keep a rare word cheap across shards; a common word's chunk is
 * its own postings whatever this is.
 */
export const CHUNK_SIZE = 4000;
/**
 * Settings of the allocator of Pagefind's Linux build (jemalloc, which reads them from its environment): one
 * arena, and freed memory handed back at once. Writing its files, Pagefind's memory peaks at about three times
 * what the pages added took; with these the peak, the build's at that point, is a quarter lower for the same
 * CPU time (measured at 10,000 articles: 241 → 181 MB for shards of 1,700 pages, 167 → 125 MB for 1,100).
 */
const ALLOCATOR = 'narenas:1,dirty_decay_ms:0,muzzy_decay_ms:0';
/** Bumped whenever what a shard's digest covers, or how a shard is written or kept, changes. */
const FORMAT = 'broadsheet-search-shards-3';
/** The files of a Pagefind bundle the search page needs (the rest is Pagefind's own UIs). */
const PRIMARY_FILES = /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta|index|filter)$/;
/** A merged bundle runs on the primary's script and WebAssembly: it needs only its index and its pages. */
const SHARD_FILES = /^(pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|index|fragment|filter)$/;

export interface SearchIndexReport {
  pages: number;
  shards: number;
  reindexed: number;
  /** Wall time of the whole step. */
  seconds: number;
  /** The tokens in the vocabulary index's records (each shard's distinct tokens, summed), and the time it took. */
  vocabulary: { tokens: number; milliseconds: number };
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** Newest shard first (a shard's name starts with its first month), `undated` last. */
const newestFirst = (a: string, b: string) => (a === UNDATED ? 1 : b === UNDATED ? -1 : b.localeCompare(a));

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

/** Each shard's page paths and the digest of its input, reading one page at a time. */
function planShards(site: string): Map<string, { pages: string[]; digest: string }> {
  const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')).version;
  // Each page's path and a digest of what Pagefind is given for it, by month.
  const months = new Map<string, { path: string; digest: string }[]>();
  for (const path of articlePages(site)) {
    const document = searchDocument(readFileSync(join(site, path), 'utf8'));
    if (!document) continue;
    let pages = months.get(document.month);
    if (!pages) months.set(document.month, (pages = []));
    pages.push({ path, digest: createHash('sha256').update(`${path}\0${document.html}`).digest('hex') });
  }
  const counts = new Map([...months].map(([month, pages]) => [month, pages.length]));
  const shards = new Map<string, { pages: string[]; digest: string }>();
  for (const [shard, monthsOfShard] of shardMonths(counts, siteConfig.searchShardPages)) {
    const pages = monthsOfShard.flatMap((month) => months.get(month)!);
    const digest = createHash('sha256').update(`${FORMAT}\0pagefind ${version}\0chunks ${chunkSize()}\0`);
    for (const page of pages) digest.update(`${page.path}\0${page.digest}\0`);
    shards.set(shard, { pages: pages.map((page) => page.path), digest: digest.digest('hex') });
  }
  return shards;
}

function chunkSize(): string {
  return process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE || String(CHUNK_SIZE);
}

/**
 * Writes a Pagefind bundle to `outputPath`, keeping only the entries `files` names, with the records `fill`
 * adds, in a Pagefind process of its own that is ended after: the next bundle starts with none of its memory.
 */
async function writeBundle(outputPath: string, files: RegExp, fill: (index: PagefindIndex) => Promise<void>): Promise<void> {
  // Pagefind reads the chunk size from its environment when its process starts (createIndex starts it).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = chunkSize();
  process.env._RJEM_MALLOC_CONF = ALLOCATOR;
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    await fill(index);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  for (const entry of readdirSync(outputPath)) if (!files.test(entry)) rmSync(join(outputPath, entry), { recursive: true });
}

/** Indexes `pages` of the built site into a shard's bundle at `outputPath`. */
function indexShard(site: string, pages: string[], outputPath: string): Promise<void> {
  return writeBundle(outputPath, SHARD_FILES, async (index) => {
    const add = async (path: string) => {
      const document = searchDocument(await readFile(join(site, path), 'utf8'));
      if (!document) throw new Error(`search: ${path} lost its data-pagefind-body while being indexed`);
      // A relative source path: Pagefind makes the result URL from it (`articles/x/index.html` → `/articles/x/`).
      const added = await index.addHTMLFile({ sourcePath: path, content: document.html });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${path}: ${added.errors.join('; ')}`);
    };
    for (let start = 0; start < pages.length; start += 32) await Promise.all(pages.slice(start, start + 32).map(add));
  });
}

/** Writes the vocabulary index of the shards into `outputPath`. */
function indexVocabulary(vocabularies: Map<string, Vocabulary>, outputPath: string): Promise<void> {
  return writeBundle(outputPath, PRIMARY_FILES, async (index) => {
    for (const record of vocabularyRecords(vocabularies)) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0) throw new Error(`Pagefind could not index the words of ${record.url}: ${added.errors.join('; ')}`);
    }
  });
}

/**
 * Writes the sharded search index of the built site `site` into `<site>/pagefind/`, indexing only the shards
 * whose digest has no entry in `cache` (a folder of its own for this output folder) and keeping there the
 * entries of this build alone: `<shard>-<digest>/bundle/` and `<shard>-<digest>/vocabulary.json`.
 */
export async function writeSearchIndex(site: string, cache: string): Promise<SearchIndexReport> {
  const start = performance.now();
  const plan = planShards(site);
  const shards = [...plan.keys()].sort(newestFirst);
  const output = join(site, 'pagefind');
  rmSync(output, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const kept = new Map<string, string>();
  const vocabularies = new Map<string, Vocabulary>();
  let reindexed = 0;
  let pages = 0;
  for (const shard of shards) {
    const { pages: paths, digest } = plan.get(shard)!;
    const entry = `${shard}-${digest.slice(0, 24)}`;
    const cached = join(cache, entry);
    if (!existsSync(cached)) {
      const fresh = join(cache, `${entry}.partial`);
      rmSync(fresh, { recursive: true, force: true });
      await indexShard(site, paths, join(fresh, 'bundle'));
      writeFileSync(join(fresh, 'vocabulary.json'), JSON.stringify(bundleVocabulary(join(fresh, 'bundle'))));
      slimFragments(join(fresh, 'bundle')); // after its words are read from them
      renameSync(fresh, cached); // whole or not at all: a build stopped half-way leaves only a .partial
      reindexed++;
    }
    kept.set(shard, cached);
    vocabularies.set(shard, JSON.parse(readFileSync(join(cached, 'vocabulary.json'), 'utf8')) as Vocabulary);
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
  return { pages, shards: shards.length, reindexed, seconds, vocabulary: { tokens, milliseconds } };
}
