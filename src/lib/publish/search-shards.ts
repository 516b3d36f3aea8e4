/**
 * The search index, split into shards that change rarely: one Pagefind index per publication year. The
 * newest year's is the primary bundle at `<site>/pagefind/` (the search page loads its `pagefind.js`), every
 * other year's sits in `<site>/pagefind/<year>/`, and `<site>/pagefind/shards.json` lists them for the page
 * to merge into the primary (Pagefind's multisite `mergeIndex`).
 *
 * A shard is indexed again only when its pages changed: each shard's written files are kept in a cache
 * folder under a digest of its input — the sorted page paths and the very document Pagefind is given for
 * each (see search-pages.ts) — and of the indexer (Pagefind's version, its settings, this file's format).
 * An edit, an added or a removed page changes its year's digest and no other. Shards are indexed one at a
 * time, each in a fresh Pagefind process that is closed before the next, so memory stays bounded by the
 * largest year, and pages are read one by one, never held together.
 */
import { createHash, type Hash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { articlePages, searchDocument, UNDATED } from './search-pages';

/**
 * Pagefind's index chunk size, in word positions (its default: 20,000). A query loads one chunk per shard
 * for each word, so smaller chunks keep a rare word cheap across many shards; a common word's chunk is its
 * own postings whatever this is.
 */
export const CHUNK_SIZE = 4000;
/** Bumped whenever what a shard's digest covers, or how a shard is written, changes. */
const FORMAT = 'broadsheet-search-shards-1';
/** The files of a Pagefind bundle the search page needs; the rest (Pagefind's own UIs) is left out. */
const NEEDED = /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta|index|fragment|filter)$/;

export interface ShardManifest {
  /** The year of the primary bundle, at `pagefind/`; null when no page is searchable (and no bundle written). */
  primary: string | null;
  /** The other shards, newest first: each a folder of `pagefind/`. */
  shards: string[];
}

export interface SearchIndexReport {
  pages: number;
  shards: number;
  reindexed: number;
}

/** Newest year first, `undated` last. */
const newestFirst = (a: string, b: string) => (a === UNDATED ? 1 : b === UNDATED ? -1 : b.localeCompare(a));

/** Each shard's sorted page paths and the digest of its input, reading one page at a time. */
function planShards(site: string): Map<string, { pages: string[]; digest: Hash }> {
  const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')).version;
  const shards = new Map<string, { pages: string[]; digest: Hash }>();
  for (const path of articlePages(site)) {
    const document = searchDocument(readFileSync(join(site, path), 'utf8'));
    if (!document) continue;
    let shard = shards.get(document.shard);
    if (!shard) shards.set(document.shard, (shard = { pages: [], digest: createHash('sha256').update(`${FORMAT}\0pagefind ${version}\0chunks ${chunkSize()}\0`) }));
    shard.pages.push(path);
    shard.digest.update(`${path}\0${document.html}\0`);
  }
  return shards;
}

function chunkSize(): string {
  return process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE || String(CHUNK_SIZE);
}

/** Indexes `pages` of the built site into a Pagefind bundle at `outputPath`, in a Pagefind process of its own. */
async function indexShard(site: string, pages: string[], outputPath: string): Promise<void> {
  // Pagefind reads the chunk size from its environment when its process starts (createIndex starts it).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = chunkSize();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const add = async (path: string) => {
      const document = searchDocument(await readFile(join(site, path), 'utf8'));
      if (!document) throw new Error(`search: ${path} lost its data-pagefind-body while being indexed`);
      // A relative source path: Pagefind makes the result URL from it (`articles/x/index.html` → `/articles/x/`).
      const added = await index.addHTMLFile({ sourcePath: path, content: document.html });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${path}: ${added.errors.join('; ')}`);
    };
    for (let start = 0; start < pages.length; start += 32) await Promise.all(pages.slice(start, start + 32).map(add));
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close(); // ends the process: the next shard starts with none of this one's memory
  }
  for (const entry of readdirSync(outputPath)) if (!NEEDED.test(entry)) rmSync(join(outputPath, entry), { recursive: true });
}

/**
 * Writes the sharded search index of the built site `site` into `<site>/pagefind/`, indexing only the shards
 * whose digest has no bundle in `cache` (a folder of its own for this output folder) and keeping there the
 * bundles of this build alone.
 */
export async function writeSearchIndex(site: string, cache: string): Promise<SearchIndexReport> {
  const plan = planShards(site);
  const years = [...plan.keys()].sort(newestFirst);
  const output = join(site, 'pagefind');
  rmSync(output, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const kept = new Set<string>();
  let reindexed = 0;
  let pages = 0;
  for (const year of years) {
    const { pages: paths, digest } = plan.get(year)!;
    const bundle = `${year}-${digest.digest('hex').slice(0, 24)}`;
    const cached = join(cache, bundle);
    if (!existsSync(cached)) {
      const fresh = join(cache, `${bundle}.partial`);
      rmSync(fresh, { recursive: true, force: true });
      await indexShard(site, paths, fresh);
      renameSync(fresh, cached); // whole or not at all: a build stopped half-way leaves only a .partial
      reindexed++;
    }
    kept.add(bundle);
    pages += paths.length;
    // The primary first: the others are folders inside it.
    cpSync(cached, year === years[0] ? output : join(output, year), { recursive: true });
  }
  for (const entry of readdirSync(cache)) if (!kept.has(entry)) rmSync(join(cache, entry), { recursive: true, force: true });
  const manifest: ShardManifest = { primary: years[0] ?? null, shards: years.slice(1) };
  mkdirSync(output, { recursive: true });
  writeFileSync(join(output, 'shards.json'), JSON.stringify(manifest));
  return { pages, shards: years.length, reindexed };
}
