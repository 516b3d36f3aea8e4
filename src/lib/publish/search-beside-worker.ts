/**
 * The worker thread of search-beside.ts: takes each rendered article page's search document with its place
 * among them, tells its shards as they complete (search-stream.ts) and indexes each into the cache, one at a
 * time, until told the pages are done; then replies with the cache entries it wrote, or the first error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { keepShard, pageDigest, shardDigest } from './search-bundles.ts';
import { shardStream, type StreamedPage } from './search-stream.ts';

/** What the worker is started with: the cache folder, the number of article pages and the shard size. */
export interface BesideSetup {
  cache: string;
  total: number;
  shardPages: number;
}
/** A rendered article page (its place, newest first, and what search indexes of it), or the end of the pages. */
export type BesideMessage = { place: number; page: StreamedPage | undefined } | { done: true };
export type BesideReply = { indexed: string[] } | { error: string };

const { cache, total, shardPages } = workerData as BesideSetup;
const indexed: string[] = [];
let queue = Promise.resolve();
let failure: Error | undefined;

const stream = shardStream(total, shardPages, (shard, pages) => {
  const documents = new Map(pages.map((page) => [page.path, page]));
  const digest = shardDigest(pages.map((page) => ({ path: page.path, digest: pageDigest(page.path, page) })));
  queue = queue.then(async () => {
    if (failure) return;
    try {
      const kept = await keepShard(cache, shard, digest, [...documents.keys()], async (path) => documents.get(path)!);
      if (kept.indexed) indexed.push(kept.entry);
    } catch (error) {
      failure = error as Error;
    }
  });
});

parentPort!.on('message', async (message: BesideMessage) => {
  if ('done' in message) {
    await queue;
    parentPort!.postMessage((failure ? { error: failure.stack ?? String(failure) } : { indexed }) satisfies BesideReply);
    return;
  }
  stream.add(message.place, message.page);
});
