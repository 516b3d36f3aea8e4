/**
 * The search indexer beside the pages, on its worker thread: given rendered article pages in any order, it
 * writes the shards they complete into the cache, under the names and digests the build's own step looks
 * for; and a failure on the worker reaches the build instead of being lost.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { pageDigest, shardDigest } from '../../src/lib/publish/search-bundles';
import { searchBeside } from '../../src/lib/publish/search-beside';
import { searchDocument } from '../../src/lib/publish/search-pages';
import { outputRoot } from '../support/build-site';

const folder = join(outputRoot, 'search-beside');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** An article page as the site renders it, as far as search reads it: its language, date and indexed body. */
const page = (published: string, words: string) =>
  `<!doctype html><html lang="en"><head><meta property="article:published_time" content="${published}"></head>` +
  `<body><nav>Sections</nav><article data-pagefind-body><h1>${words}</h1><p>${words} again.</p></article></body></html>`;

// Newest first, as Astro renders them: 2021-06, then two of 2019-03.
const pages = [
  { path: 'articles/pelicans/index.html', html: page('2021-06-01T09:00:00.000Z', 'Pelicans nested') },
  { path: 'articles/quokkas/index.html', html: page('2019-03-02T09:00:00.000Z', 'Quokkas counted') },
  { path: 'articles/harbour/index.html', html: page('2019-03-01T09:00:00.000Z', 'Harbour board') },
];

/** The cache entry the build's step looks for: the shard's name and the digest of its pages in index order. */
const entryOf = (shard: string, paths: string[]) => {
  const digest = shardDigest(paths.map((path) => ({ path, digest: pageDigest(path, searchDocument(pages.find((p) => p.path === path)!.html)!) })));
  return `${shard}-${digest.slice(0, 24)}`;
};

it('indexes each shard its pages complete into the cache, whatever order the pages finish in', async () => {
  const cache = join(folder, 'cache');
  rmSync(cache, { recursive: true, force: true });
  const beside = searchBeside({ cache, total: 3, shardPages: 1 });
  for (const place of [2, 0, 1]) beside.page(place, { ...searchDocument(pages[place].html)!, path: pages[place].path });
  const written = await beside.finished();

  const expected = [entryOf('2019-03', ['articles/harbour/index.html', 'articles/quokkas/index.html']), entryOf('2021-06', ['articles/pelicans/index.html'])];
  expect([...written].map((entry) => entry.slice(cache.length + 1)).sort()).toEqual(expected);
  expect(readdirSync(cache).sort()).toEqual(expected);
  for (const entry of expected) expect(readdirSync(join(cache, entry)).sort()).toEqual(['bundle', 'vocabulary.json']);
});

it('reports a failure on the worker when the build waits for it', async () => {
  const blocked = join(folder, 'not-a-folder');
  mkdirSync(folder, { recursive: true });
  writeFileSync(blocked, 'a file where the cache folder would go');
  const beside = searchBeside({ cache: join(blocked, 'cache'), total: 1, shardPages: 1 });
  beside.page(0, { ...searchDocument(pages[0].html)!, path: pages[0].path });
  await expect(beside.finished()).rejects.toThrow(/ENOTDIR/);
});
