/**
 * The search index is split into shards of consecutive publication months (two pages each here), and its
 * cache is honest: a rebuild with no change indexes no shard again, an edit indexes only its shard and search
 * finds the edit, a removed article is found no more (its shard, and the months after it, regrouped); a
 * build that renders every page indexes the shards while they render. And the search page, which asks the
 * vocabulary index which shards to load, finds what one index over the same pages finds (built here with
 * Pagefind's Node API, as the site did before the split), also where Pagefind falls back to a shorter word or
 * leaves a word out, and loads only the shards that can match; it lists them newest first, a page at a time
 * (two results here), loading older shards only when asked to.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import { afterAll, expect, it } from 'vitest';
import { searchCacheFolder } from '../../src/integrations/pagefind';
import { buildSite, outputRoot, projectRoot, writeContent } from '../support/build-site';
import { portOffsets, testPort } from '../support/ports';
import { openSearch, type SearchSession } from '../support/search-queries';

const content = join(outputRoot, 'search-shards-content');
const outDir = join(outputRoot, 'search-shards-site');
const port = await testPort(portOffsets.searchShards);
const seed = readFileSync(join(projectRoot, 'content/articles/putin-not-ready-to-acknowledge-trump-loss.md'), 'utf8');

/** The seed article as another story: its title, date, section and a last sentence of its own. */
function fixture(title: string, published: string, section: string, sentence: string): string {
  return `${seed
    .replace(/^title: .*$/m, `title: ${title} (test fixture)`)
    .replace(/^published: .*$/m, `published: ${published}`)
    .replace(/^section: .*$/m, `section: ${section}`)}\n${sentence}\n`;
}

const articles = {
  // 7351 is a prefix of 73519: where one index finds 73519, the 2019 shard alone would fall back to 7351.
  'articles/fixture-2019-a.md': fixture('A first 2019 story', '2019-03-01T09:00:00Z', 'world', 'The lighthouse keeper counted quokkas on pier 7351.'),
  'articles/fixture-2019-b.md': fixture('A second 2019 story', '2019-07-01T09:00:00Z', 'business', 'The harbour board met the lighthouse keeper.'),
  'articles/fixture-2021-a.md': fixture('A first 2021 story', '2021-05-01T09:00:00Z', 'business', 'A wombat crossed the harbour.'),
  'articles/fixture-2021-b.md': fixture('A second 2021 story', '2021-06-01T09:00:00Z', 'world', 'Pelicans nested by the harbour on pier 73519.'),
};

/**
 * At most two pages a shard: the months 2019-03 and 2019-07, then 2020-11 (the seed) and 2021-05, then 2021-06;
 * and two search results (and listed stories) a page.
 */
const smallSite = { SEARCH_SHARD_PAGES: '2', LISTING_PAGE_SIZE: '2' };

/** Builds the site; the shards indexed again (`2 of 3`) and of those the ones indexed while the pages rendered. */
function build(command: 'build' | 'rebuild' = 'build', env: Record<string, string> = {}): { reindexed: string; whileRendering: string; meta: (shard: string) => string } {
  const result = buildSite(content, outDir, { ...smallSite, ...env }, command);
  expect(result.status, result.output).toBe(0);
  const [, reindexed, whileRendering] = /(\d+ of \d+) shards re-indexed \((\d+) while the pages rendered\)/.exec(result.output) ?? ['', `no shard line in:\n${result.output}`, ''];
  // A shard's metadata file is named after its content's hash.
  const meta = (shard: string) => readFileSync(join(outDir, 'pagefind', shard, 'pagefind-entry.json'), 'utf8');
  return { reindexed, whileRendering, meta };
}

let search: SearchSession | undefined;
afterAll(() => search?.close());

it('indexes again only the shard whose pages changed, and search sees every change', async () => {
  writeContent(content, articles, join(projectRoot, 'content'));
  build(); // the cache may hold shards from an earlier run: this build indexes what differs from them
  const shards = ['2021-06', '2020-11_2021-05', '2019-03_2019-07'];
  expect(JSON.parse(readFileSync(join(outDir, 'pagefind/shards.json'), 'utf8'))).toEqual({ shards });

  const unchanged = build();
  expect(unchanged.reindexed).toBe('0 of 3');
  const before = shards.map(unchanged.meta);

  writeFileSync(join(content, 'articles/fixture-2019-a.md'), `${articles['articles/fixture-2019-a.md']}\nA marmalade correction was added.\n`);
  const edited = build();
  expect(edited.reindexed).toBe('1 of 3');
  expect(shards.map((shard, index) => edited.meta(shard) === before[index])).toEqual([true, true, false]);

  search = await openSearch(outDir, port);
  expect(await search.searchPage('marmalade')).toEqual({ status: '1 story matches “marmalade”.', urls: ['/articles/fixture-2019-a/'], older: false, shards: ['2019-03_2019-07'] });
  expect((await search.searchPage('wombat')).urls).toEqual(['/articles/fixture-2021-a/']);
  await search.close();
  search = undefined;

  // Without 2021-05, the seed's shard takes 2021-06 too.
  rmSync(join(content, 'articles/fixture-2021-a.md'));
  expect(build().reindexed).toBe('1 of 2');
  expect(JSON.parse(readFileSync(join(outDir, 'pagefind/shards.json'), 'utf8'))).toEqual({ shards: ['2020-11_2021-06', '2019-03_2019-07'] });
  search = await openSearch(outDir, port);
  expect((await search.searchPage('wombat')).status).toBe('No stories match “wombat”.');
  expect((await search.searchPage('harbour')).urls).toEqual(['/articles/fixture-2021-b/', '/articles/fixture-2019-b/']);
  await search.close();
  search = undefined;

  // A build that renders every page, with no shard kept, indexes every shard while the pages render, under a
  // base path too (when each is told is search-stream's unit test), and a build after it finds them all kept.
  // The next test searches this index.
  const shardCache = searchCacheFolder(pathToFileURL(join(projectRoot, 'node_modules/.astro/')), pathToFileURL(`${outDir}/`));
  for (const base of ['/news/', '/']) {
    rmSync(shardCache, { recursive: true, force: true });
    const cold = build('rebuild', { BASE_PATH: base });
    expect([base, cold.reindexed, cold.whileRendering]).toEqual([base, '2 of 2', '2']);
  }
  expect(build()).toMatchObject({ reindexed: '0 of 2', whileRendering: '0' });
});

it('finds what one index over the same pages finds, loading only the shards that can match', async () => {
  // One index over every article page, read whole from the built folder, as the site was indexed before.
  const { index } = await pagefind.createIndex({});
  await index!.addDirectory({ path: outDir, glob: 'articles/**/*.html' });
  await index!.writeFiles({ outputPath: join(outDir, 'pagefind-single') });
  await pagefind.close();

  search ??= await openSearch(outDir, port);
  const single = (query: string, section?: string) => search!.searchIndex(query, '/pagefind-single/', section);
  /** Every result the search page lists, page after page, checked against one index's; the shards it loaded. */
  const sameAsOneIndex = async (query: string, section?: string) => {
    const { urls, shards } = await search!.searchPage(query, section, true);
    expect([...urls].sort(), `${query} ${section ?? ''}`).toEqual(await single(query, section));
    return { urls, shards };
  };

  // Words in every article, in some years, in one article; a stem; a title word; a prefix; a phrase; none.
  const queries = ['Putin', 'harbour', 'lighthouse keeper', 'lighthouse keep', '"lighthouse keeper"', 'harb', 'quokkas', 'marmalade', 'elections', 'recognized', 'Yashar Ali', 'fixture', 'zyzzyva'];
  for (const query of queries) await sameAsOneIndex(query);
  for (const section of ['World', 'Business']) await sameAsOneIndex('harbour', section);

  // Where a shard alone would fall back to a shorter word, or leave a word out, one index does not.
  expect(await sameAsOneIndex('73519')).toEqual({ urls: ['/articles/fixture-2021-b/'], shards: ['2020-11_2021-06'] });
  expect(await sameAsOneIndex('735192')).toEqual({ urls: ['/articles/fixture-2021-b/'], shards: ['2020-11_2021-06'] }); // falls back to 73519
  expect(await sameAsOneIndex('7351')).toEqual({ urls: ['/articles/fixture-2021-b/', '/articles/fixture-2019-a/'], shards: ['2019-03_2019-07', '2020-11_2021-06'] });
  expect(await sameAsOneIndex('73519', 'World')).toEqual({ urls: ['/articles/fixture-2021-b/'], shards: ['2020-11_2021-06'] });
  expect(await sameAsOneIndex('quokkas pelicans')).toEqual({ urls: [], shards: [] }); // each in another year
  expect(await sameAsOneIndex('harbour zyzzyva')).toEqual(await sameAsOneIndex('harbour')); // a word in no year is left out
  expect((await sameAsOneIndex('harbour zyzzyva')).urls).toHaveLength(2);
});

it('lists a word in every article newest first, a page at a time, loading an older shard only when asked', async () => {
  search ??= await openSearch(outDir, port);
  const newestFirst = ['/articles/fixture-2021-b/', '/articles/putin-not-ready-to-acknowledge-trump-loss/', '/articles/fixture-2019-b/', '/articles/fixture-2019-a/'];
  // The newest shard holds a page of results: the older one is not loaded, and the count is a floor.
  expect(await search.searchPage('Putin')).toEqual({ status: 'At least 2 stories match “Putin”.', urls: newestFirst.slice(0, 2), older: true, shards: ['2020-11_2021-06'] });
  expect(await search.searchPage('Putin', undefined, true)).toEqual({ status: '4 stories match “Putin”.', urls: newestFirst, older: false, shards: ['2019-03_2019-07', '2020-11_2021-06'] });
  // A word in one shard: once it is searched, the count is whole.
  expect(await search.searchPage('pelicans')).toEqual({ status: '1 story matches “pelicans”.', urls: ['/articles/fixture-2021-b/'], older: false, shards: ['2020-11_2021-06'] });
});
