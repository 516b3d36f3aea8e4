/**
 * Builds the search index into `<outDir>/pagefind/` after every `astro build`, so search works in whatever
 * folder (tests, benchmarks) the site was built into. Only article pages are read, and in them only the
 * element marked `data-pagefind-body`. The index is split into shards of consecutive publication months,
 * behind a vocabulary index that says which shards can hold a match. Only shards whose pages changed are
 * indexed again: the others come from Astro's cache folder (`node_modules/.astro/broadsheet/pagefind/<output
 * folder's key>/`); see src/lib/publish/search-shards.ts.
 *
 * Astro renders pages on one thread. Wrapping its prerenderer, this integration hands each article page, as
 * it is rendered, to a worker thread that indexes each shard as soon as all its pages have rendered
 * (src/lib/publish/search-beside.ts), on the other core, while the rest render: at 10,000 articles, a cold
 * build's search step, about 40 s after the pages, then mostly overlaps them.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { site } from '../config';
import { searchBeside, type SearchBeside } from '../lib/publish/search-beside';
import { searchDocument } from '../lib/publish/search-pages';
import { writeSearchIndex } from '../lib/publish/search-shards';

/** Where the search shards of the site built into `outDir` are kept: one folder an output folder, so test sites built from other content in one checkout never share shards. */
export function searchCacheFolder(cacheDir: URL, outDir: URL): string {
  const key = createHash('sha256').update(fileURLToPath(outDir)).digest('hex').slice(0, 16);
  return fileURLToPath(new URL(`broadsheet/pagefind/${key}/`, cacheDir));
}

/** An article page's path in the built site (`articles/x/index.html`) from its URL path; undefined for other pages. */
function articlePath(pathname: string, base: string): string | undefined {
  const path = `${pathname.replace(/\/?$/, '/')}index.html`;
  const inSite = path.startsWith(base) ? path.slice(base.length) : undefined;
  return inSite?.startsWith('articles/') ? inSite : undefined;
}

export function pagefindIndex(): AstroIntegration {
  let cache: string;
  let base: string;
  let beside: SearchBeside | undefined;

  /** Astro's prerenderer, handing each rendered article page, with its place among them, to `searchBeside`. */
  const indexingBeside = (standard: AstroPrerenderer): AstroPrerenderer => {
    const places = new Map<string, number>();
    return {
      name: standard.name,
      setup: standard.setup && (() => standard.setup!()),
      collectStaticImages: standard.collectStaticImages && (() => standard.collectStaticImages!()),
      teardown: standard.teardown && (() => standard.teardown!()),
      async getStaticPaths() {
        const paths = await standard.getStaticPaths();
        for (const { pathname } of paths) {
          const path = articlePath(pathname, base);
          if (path && !places.has(path)) places.set(path, places.size);
        }
        beside = searchBeside({ cache, total: places.size, shardPages: site.searchShardPages });
        return paths;
      },
      async render(request, options) {
        const rendered = await standard.render(request, options);
        const path = articlePath(new URL(request.url).pathname, base);
        const place = path === undefined ? undefined : places.get(path);
        if (beside && path !== undefined && place !== undefined) {
          const response = rendered instanceof Response ? rendered : rendered.response;
          const document = searchDocument(await response.clone().text());
          beside.page(place, document && { ...document, path });
        }
        return rendered;
      },
    };
  };

  return {
    name: 'broadsheet:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = searchCacheFolder(config.cacheDir, config.outDir);
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:start': ({ setPrerenderer }) => setPrerenderer(indexingBeside),
      'astro:build:done': async ({ dir, logger }) => {
        const indexedBefore = (await beside?.finished()) ?? new Set<string>();
        const report = await writeSearchIndex(fileURLToPath(dir), cache, indexedBefore);
        logger.info(`indexed ${report.pages} pages for search in ${report.seconds.toFixed(1)} s after the pages: ${report.reindexed} of ${report.shards} shards re-indexed (${report.whileRendering} while the pages rendered), the others kept from the cache`);
        logger.info(`vocabulary index: ${report.vocabulary.tokens} tokens of the shards in ${report.vocabulary.milliseconds} ms`);
      },
    },
  };
}
