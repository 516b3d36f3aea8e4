/**
 * Builds the search index into `<outDir>/pagefind/` after every `astro build`, so search works in whatever
 * folder (tests, benchmarks) the site was built into. Only article pages are read, and in them only the
 * element marked `data-pagefind-body`. The index is split into shards of consecutive publication months,
 * behind a vocabulary index that says which shards can hold a match. Only shards whose pages changed are
 * indexed again: the others come from Astro's cache folder (`node_modules/.astro/broadsheet/pagefind/<output
 * folder's key>/`); see src/lib/publish/search-shards.ts.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { writeSearchIndex } from '../lib/publish/search-shards';

export function pagefindIndex(): AstroIntegration {
  let cache: string;
  return {
    name: 'broadsheet:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        // One cache a output folder: test sites built from other content in one checkout never share shards.
        const key = createHash('sha256').update(fileURLToPath(config.outDir)).digest('hex').slice(0, 16);
        cache = fileURLToPath(new URL(`broadsheet/pagefind/${key}/`, config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await writeSearchIndex(fileURLToPath(dir), cache);
        logger.info(`indexed ${report.pages} pages for search in ${report.seconds.toFixed(1)} s: ${report.reindexed} of ${report.shards} shards re-indexed, the others kept from the cache`);
        logger.info(`vocabulary index: ${report.vocabulary.tokens} tokens of the shards in ${report.vocabulary.milliseconds} ms`);
      },
    },
  };
}
