/**
 * Indexes the search shards while Astro renders the pages, on a worker thread (search-beside-worker.ts):
 * Astro renders pages on one thread, which then only picks out of each article page what search indexes and
 * hands it over (the whole page over, the worker's memory grew by 200–300 MB at 10,000 articles).
 * What it writes goes into the cache of search-shards.ts, which checks every shard from the built pages
 * after the build as always, finds these kept, and indexes whatever is missing.
 */
import { Worker } from 'node:worker_threads';
import type { BesideReply, BesideSetup } from './search-beside-worker.ts';
import type { StreamedPage } from './search-stream.ts';

export interface SearchBeside {
  /** The article page at `place` (0 for the newest) rendered, with what search indexes of it (undefined: nothing). */
  page(place: number, page: StreamedPage | undefined): void;
  /** Waits for the shards told so far to be indexed; the cache entries written, or the first error. */
  finished(): Promise<Set<string>>;
}

export function searchBeside(setup: BesideSetup): SearchBeside {
  const worker = new Worker(new URL('./search-beside-worker.ts', import.meta.url), { workerData: setup });
  // A build that stops before the end must not be kept running by the worker.
  worker.unref();
  const reply = new Promise<Set<string>>((resolve, reject) => {
    worker.once('message', (message: BesideReply) => ('error' in message ? reject(new Error(message.error)) : resolve(new Set(message.indexed))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search indexer beside the pages stopped (exit code ${code})`)));
  });
  reply.catch(() => undefined); // told by finished(), not as an unhandled rejection in between
  return {
    page(place, page) {
      worker.postMessage({ place, page });
    },
    async finished() {
      worker.ref();
      worker.postMessage({ done: true });
      try {
        return await reply;
      } finally {
        await worker.terminate();
      }
    },
  };
}
