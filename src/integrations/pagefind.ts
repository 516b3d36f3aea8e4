/**
 * Builds the search index into `<outDir>/pagefind/` after every `astro build`, so search works in whatever
 * folder (tests, benchmarks) the site was built into. Only article pages are read, and in them only the
 * element marked `data-pagefind-body`. The index is split into shards of consecutive publication months,
 * behind a vocabulary index that says which shards can hold a match. Only shards whose pages changed are
 * indexed again: the others come from Astro's cache folder (`node_modules/.astro/broadsheet/pagefind/<output
 * folder's key>/`); see src/lib/publish/search-shards.ts.
 *
 * Astro renders pages on one thread. This integration wraps its prerenderer so that each shard is indexed on
 * the other core as soon as all its pages have rendered, while the rest render
 * (src/lib/publish/search-beside.ts): at 10,000 articles, a cold build's search step, about 40 s after the
 * pages, then mostly overlaps them. Astro keeps one prerenderer, the last set: this assumes no adapter sets
 * its own (a static site has none).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { site } from '../config';
import { indexShardsWhileRendering, type WhileRendering } from '../lib/publish/search-beside';
import { writeSearchIndex } from '../lib/publish/search-shards';
import { withTrailingSlash } from '../lib/util/urls';

/** Where the search shards of the site built into `outDir` are kept: one folder an output folder, so test sites built from other content in one checkout never share shards. */
export function searchCacheFolder(cacheDir: URL, outDir: URL): string {
  const key = createHash('sha256').update(fileURLToPath(outDir)).digest('hex').slice(0, 16);
  return fileURLToPath(new URL(`broadsheet/pagefind/${key}/`, cacheDir));
}

export function pagefindIndex(): AstroIntegration {
  let cache: string;
  let base: string;
  let directoryFormat: boolean;
  let whileRendering: WhileRendering | undefined;

  return {
    name: 'broadsheet:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = searchCacheFolder(config.cacheDir, config.outDir);
        base = withTrailingSlash(config.base);
        directoryFormat = config.build.format === 'directory';
      },
      'astro:build:start': ({ setPrerenderer }) => {
        // Article pages are told by the file names the 'directory' format gives them (search-pages.ts).
        if (!directoryFormat) return;
        setPrerenderer((standard) => {
          whileRendering = indexShardsWhileRendering(standard, { cache, base, shardPages: site.searchShardPages });
          return whileRendering.prerenderer;
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Indexing while the pages rendered only saves time: what it could not do, the step after the build does.
        const indexedBefore = await (whileRendering?.finished() ?? Promise.resolve(new Set<string>())).catch((error: Error) => {
          logger.warn(`search shards could not be indexed while the pages rendered, so all are indexed now: ${error.message}`);
          return new Set<string>();
        });
        const report = await writeSearchIndex(fileURLToPath(dir), cache, indexedBefore);
        logger.info(`indexed ${report.pages} pages for search in ${report.seconds.toFixed(1)} s after the pages: ${report.reindexed} of ${report.shards} shards re-indexed (${report.whileRendering} while the pages rendered), the others kept from the cache`);
        logger.info(`vocabulary index: ${report.vocabulary.tokens} tokens of the shards in ${report.vocabulary.milliseconds} ms`);
      },
    },
  };
}
