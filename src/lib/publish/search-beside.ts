/**
 * Indexes the search shards while Astro renders the pages. Astro renders pages on one thread, and Pagefind
 * indexes in a process of its own: wrapping Astro's prerenderer (src/integrations/pagefind.ts sets it), this
 * picks out of each article page, as it is rendered, what search indexes, tells `shardStream` (search-stream.ts)
 * and has each shard it tells complete indexed into the cache of search-shards.ts, one at a time, while the
 * pages after it render: Pagefind's work then runs on the other core. That step after the build still checks
 * every shard from the built pages, finds these kept, and indexes whatever is missing. (Handing the pages to a
 * worker thread instead, to spare this thread its share, saved a few seconds at 10,000 articles for about
 * 200 MB more at the build's peak, past the memory target: not kept.) *
 * Astro starts rendering pages in the order of `getStaticPaths`, newest article first (a render is started
 * with nothing awaited before it); a page it restores from its cache is never rendered. So an article page
 * that starts out of turn shows an earlier one was skipped: the stream ends there, and nothing more is
 * picked out or handed over (a warm build that restores most pages costs next to nothing here).
 */
import { availableParallelism } from 'node:os';
import type { AstroPrerenderer } from 'astro';
import { keepShard, pageDigest, shardDigest } from './search-bundles';
import { articleFile, searchDocument } from './search-pages';
import { shardStream, type StreamedPage } from './search-stream';

export interface WhileRendering {
  prerenderer: AstroPrerenderer;
  /** Waits for the shards told so far to be indexed: the cache entries written, or the first error. */
  finished(): Promise<Set<string>>;
}

/**
 * Indexes each shard handed over into `cache`, one at a time, behind the pages being rendered: `finished`
 * waits for the last and gives the cache entries written, or the first error.
 */
function shardQueue(cache: string) {
  const indexed = new Set<string>();
  let queue = Promise.resolve();
  let failure: { error: unknown } | undefined;
  return {
    add(shard: string, pages: StreamedPage[]) {
      const documents = new Map(pages.map((page) => [page.path, page]));
      const digest = shardDigest(pages.map((page) => ({ path: page.path, digest: pageDigest(page.path, page) })));
      queue = queue.then(async () => {
        if (failure) return;
        try {
          const kept = await keepShard(cache, shard, digest, [...documents.keys()], async (path) => documents.get(path)!);
          if (kept.indexed) indexed.add(kept.entry);
        } catch (error) {
          failure = { error };
        }
      });
    },
    async finished(): Promise<Set<string>> {
      await queue;
      if (failure) throw failure.error;
      return indexed;
    },
  };
}

/**
 * Astro's prerenderer `standard`, handing each article page it renders to `shardStream`, whose shards are
 * indexed as they complete. Nothing is streamed on one core (no core to spare) or for a site without
 * articles. `base` is the site's base path (`/`, `/news/`); `cores`, the machine's.
 */
export function indexShardsWhileRendering(standard: AstroPrerenderer, setup: { cache: string; base: string; shardPages: number; cores?: number }): WhileRendering {
  /** Each article page's file in the built site, and its place among them, newest first. */
  const places = new Map<string, number>();
  let nextPlace = 0;
  let streaming = false;
  const queue = shardQueue(setup.cache);
  let stream: ReturnType<typeof shardStream> | undefined;

  const prerenderer: AstroPrerenderer = {
    name: standard.name,
    setup: standard.setup && (() => standard.setup!()),
    collectStaticImages: standard.collectStaticImages && (() => standard.collectStaticImages!()),
    teardown: standard.teardown && (() => standard.teardown!()),
    async getStaticPaths() {
      const paths = await standard.getStaticPaths();
      for (const { pathname } of paths) {
        const file = articleFile(pathname); // without the base path here
        if (file && !places.has(file)) places.set(file, places.size);
      }
      streaming = places.size > 0 && (setup.cores ?? availableParallelism()) > 1;
      return paths;
    },
    async render(request, options) {
      const { pathname } = new URL(request.url);
      const file = streaming && pathname.startsWith(setup.base) ? articleFile(pathname.slice(setup.base.length - 1)) : undefined;
      const place = file === undefined ? undefined : places.get(file);
      if (file === undefined || place === undefined) return standard.render(request, options);
      if (place !== nextPlace) {
        // An earlier article page was restored, not rendered: what comes after it cannot complete a shard.
        streaming = false;
        stream?.add(nextPlace, undefined);
        return standard.render(request, options);
      }
      nextPlace++;
      stream ??= shardStream(places.size, setup.shardPages, queue.add);
      const rendered = await standard.render(request, options);
      const response = rendered instanceof Response ? rendered : rendered.response;
      const document = searchDocument(await response.clone().text());
      stream.add(place, document && { ...document, path: file });
      return rendered;
    },
  };
  return { prerenderer, finished: queue.finished };
}
