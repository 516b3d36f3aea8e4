/**
 * Indexing search shards while the pages render, around a stand-in for Astro's prerenderer: the shards the
 * article pages complete are written into the cache under the names and digests the build's own step looks
 * for, under a base path too; a page restored from Astro's cache (never rendered) ends it; a failure to index
 * reaches the build instead of being lost.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroPrerenderer } from 'astro';
import { afterAll, expect, it } from 'vitest';
import { indexShardsWhileRendering } from '../../src/lib/publish/search-beside';
import { pageDigest, shardDigest } from '../../src/lib/publish/search-bundles';
import { PUBLISHED } from '../../src/lib/publish/search-manifest';
import { searchDocument } from '../../src/lib/publish/search-pages';
import { outputRoot } from '../support/build-site';

const folder = join(outputRoot, 'search-beside');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** An article page as the site renders it, as far as search reads it: its language, date and indexed body. */
const page = (published: string, words: string) =>
  `<!doctype html><html lang="en"><head><meta property="article:published_time" content="${published}"></head>` +
  `<body><nav>Sections</nav><article data-pagefind-body><h1>${words}</h1><p class="dateline" data-pagefind-ignore><time datetime="${published}" data-pagefind-sort="${PUBLISHED}[datetime]">${published}</time></p><p>${words} again.</p></article></body></html>`;

// Newest first, as the article route lists them: 2021-06, then two of 2019-03; and a page that is no article.
const site: Record<string, string> = {
  '/articles/pelicans': page('2021-06-01T09:00:00.000Z', 'Pelicans nested'),
  '/articles/quokkas': page('2019-03-02T09:00:00.000Z', 'Quokkas counted'),
  '/articles/harbour': page('2019-03-01T09:00:00.000Z', 'Harbour board'),
  '/sections/world': '<!doctype html><html lang="en"><body>World</body></html>',
};
const file = (pathname: string) => `${pathname.slice(1)}/index.html`;

/** Astro's prerenderer as far as this uses it: the paths (without the base path), and each page's response. */
function standIn(base: string): AstroPrerenderer & { rendered: string[] } {
  const rendered: string[] = [];
  return {
    name: 'stand-in',
    rendered,
    getStaticPaths: async () => Object.keys(site).map((pathname) => ({ pathname, route: {} as never })),
    render: async (request) => {
      const pathname = new URL(request.url).pathname.slice(base.length - 1).replace(/\/$/, '');
      rendered.push(pathname);
      return new Response(site[pathname], { headers: { 'content-type': 'text/html' } });
    },
  };
}

/** Renders `pathnames` as Astro does: each started in turn, several in flight at once. */
async function renderAll(prerenderer: AstroPrerenderer, base: string, pathnames: string[]) {
  await prerenderer.getStaticPaths();
  await Promise.all(pathnames.map((pathname) => prerenderer.render(new Request(`http://localhost${base}${pathname.slice(1)}/`), { routeData: {} as never })));
}

/** The cache entry the build's step looks for: the shard's name and the digest of its pages in index order. */
const entryOf = (shard: string, pathnames: string[]) => {
  const pages = pathnames.map((pathname) => ({ path: file(pathname), digest: pageDigest(file(pathname), searchDocument(site[pathname])!) }));
  return `${shard}-${shardDigest(pages).slice(0, 24)}`;
};

it('indexes each shard its article pages complete into the cache, under a base path too', async () => {
  const cache = join(folder, 'cache');
  rmSync(cache, { recursive: true, force: true });
  const standard = standIn('/news/');
  const whileRendering = indexShardsWhileRendering(standard, { cache, base: '/news/', shardPages: 1, cores: 2 });
  await renderAll(whileRendering.prerenderer, '/news/', Object.keys(site));
  const written = await whileRendering.finished();

  const expected = [entryOf('2019-03', ['/articles/harbour', '/articles/quokkas']), entryOf('2021-06', ['/articles/pelicans'])];
  expect([...written].map((entry) => entry.slice(cache.length + 1)).sort()).toEqual(expected);
  expect(readdirSync(cache).sort()).toEqual(expected);
  for (const entry of expected) expect(readdirSync(join(cache, entry)).sort()).toEqual(['bundle', 'vocabulary.json']);
  expect(standard.rendered).toEqual(Object.keys(site));
});

it('ends at an article page restored from the cache: nothing after it is indexed while rendering', async () => {
  const cache = join(folder, 'cache-restored');
  rmSync(cache, { recursive: true, force: true });
  const whileRendering = indexShardsWhileRendering(standIn('/'), { cache, base: '/', shardPages: 1, cores: 2 });
  // The quokkas page was restored: 2021-06 is never shown complete, 2019-03 never whole.
  await renderAll(whileRendering.prerenderer, '/', ['/articles/pelicans', '/articles/harbour', '/sections/world']);
  expect(await whileRendering.finished()).toEqual(new Set());
  expect(readdirSync(folder)).not.toContain('cache-restored');
});

it('does nothing with one core, which it would only take from the pages', async () => {
  const cache = join(folder, 'cache-one-core');
  const whileRendering = indexShardsWhileRendering(standIn('/'), { cache, base: '/', shardPages: 1, cores: 1 });
  await renderAll(whileRendering.prerenderer, '/', Object.keys(site));
  expect(await whileRendering.finished()).toEqual(new Set());
});

it('reports a failure to index when the build waits for it', async () => {
  const blocked = join(folder, 'not-a-folder');
  mkdirSync(folder, { recursive: true });
  writeFileSync(blocked, 'a file where the cache folder would go');
  const whileRendering = indexShardsWhileRendering(standIn('/'), { cache: join(blocked, 'cache'), base: '/', shardPages: 1, cores: 2 });
  await renderAll(whileRendering.prerenderer, '/', Object.keys(site));
  await expect(whileRendering.finished()).rejects.toThrow(/ENOTDIR/);
});
