/**
 * Writing the search index's Pagefind bundles (search-shards.ts says what the index is): a shard's bundle,
 * kept in the cache under the digest of its input, and the vocabulary index's. Each bundle is written by a
 * Pagefind process of its own, closed before the next.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { slimFragments } from './search-fragments';
import { PUBLISHED } from './search-manifest';
import type { SearchDocument } from './search-pages';
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
const FORMAT = 'broadsheet-search-shards-4';
/** The files of a Pagefind bundle the search page needs (the rest is Pagefind's own UIs). */
const PRIMARY_FILES = /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta|index|filter)$/;
/** A merged bundle runs on the primary's script and WebAssembly: it needs only its index and its pages. */
const SHARD_FILES = /^(pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|index|fragment|filter)$/;

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** What a page adds to its shard's digest: its path and the very document Pagefind is given for it. */
export const pageDigest = (path: string, document: SearchDocument) => createHash('sha256').update(`${path}\0${document.html}`).digest('hex');

let pagefindVersion: string | undefined;

/** The digest of a shard's input: its pages (path and `pageDigest`), in the order they are indexed, and the indexer. */
export function shardDigest(pages: { path: string; digest: string }[]): string {
  pagefindVersion ??= JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')).version as string;
  const digest = createHash('sha256').update(`${FORMAT}\0pagefind ${pagefindVersion}\0chunks ${chunkSize()}\0`);
  for (const page of pages) digest.update(`${page.path}\0${page.digest}\0`);
  return digest.digest('hex');
}

/** The chunk size Pagefind is run with: its environment's, else ours. */
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

/**
 * Indexes `pages` (paths in the built site) into a shard's bundle at `outputPath`, given what search indexes of
 * each; returns, by result URL, the metadata its result shows that is not to be searched: the publication time.
 */
async function indexShard(pages: string[], documentOf: (path: string) => Promise<SearchDocument>, outputPath: string): Promise<Map<string, Record<string, string>>> {
  const shown = new Map<string, Record<string, string>>();
  await writeBundle(outputPath, SHARD_FILES, async (index) => {
    const add = async (path: string, document: SearchDocument) => {
      // A relative source path: Pagefind makes the result URL from it (`articles/x/index.html` → `/articles/x/`).
      const added = await index.addHTMLFile({ sourcePath: path, content: document.html });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${path}: ${added.errors.join('; ')}`);
      if (document.published) shown.set(added.file.url, { [PUBLISHED]: document.published });
    };
    for (let start = 0; start < pages.length; start += 32) {
      const batch = pages.slice(start, start + 32);
      const documents = await Promise.all(batch.map(documentOf));
      // Handed over in the pages' order, which Pagefind's service keeps (it takes one request at a time): the
      // same pages make the same files, whichever document was read first.
      await Promise.all(batch.map((path, offset) => add(path, documents[offset])));
    }
  });
  return shown;
}

/**
 * The cache entry of a shard (`<cache>/<shard>-<digest>/`), indexed now from `documentOf` unless the cache
 * already holds it; `indexed` says which.
 */
export async function keepShard(cache: string, shard: string, digest: string, pages: string[], documentOf: (path: string) => Promise<SearchDocument>): Promise<{ entry: string; indexed: boolean }> {
  const entry = join(cache, `${shard}-${digest.slice(0, 24)}`);
  if (existsSync(entry)) return { entry, indexed: false };
  mkdirSync(cache, { recursive: true });
  const fresh = `${entry}.partial`;
  rmSync(fresh, { recursive: true, force: true });
  const shown = await indexShard(pages, documentOf, join(fresh, 'bundle'));
  writeFileSync(join(fresh, 'vocabulary.json'), JSON.stringify(bundleVocabulary(join(fresh, 'bundle'))));
  // After its words are read from them: the publication time is shown, not searched.
  slimFragments(join(fresh, 'bundle'), shown);
  renameSync(fresh, entry); // whole or not at all: a build stopped half-way leaves only a .partial
  return { entry, indexed: true };
}

/** Writes the vocabulary index of the shards into `outputPath`. */
export function indexVocabulary(vocabularies: Map<string, Vocabulary>, outputPath: string): Promise<void> {
  return writeBundle(outputPath, PRIMARY_FILES, async (index) => {
    for (const record of vocabularyRecords(vocabularies)) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0) throw new Error(`Pagefind could not index the words of ${record.url}: ${added.errors.join('; ')}`);
    }
  });
}
