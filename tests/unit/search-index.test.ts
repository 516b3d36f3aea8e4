/**
 * The search page's walk over the shards, around a stand-in for Pagefind: it asks the vocabulary which shards
 * can match, then merges and searches them one at a time, newest first, each sorted newest first (the undated
 * shard unsorted, as Pagefind would drop its pages), and stops once it has the results asked for — so a word in
 * every article loads only the newest shards. What Pagefind finds in a shard, and which shards the vocabulary
 * names, are the real Pagefind's in tests/build/search-shards.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PUBLISHED_SORT, SHARD_FILTER, UNDATED, VOCABULARY_FILTER } from '../../src/lib/publish/search-manifest';
import { shardedIndex, type Pagefind } from '../../src/scripts/search-index';

interface Story {
  url: string;
  published?: string;
  section: string;
  words: string[];
}

/** Each shard's stories, in the order Pagefind holds them (not by date); the manifest lists shards newest first. */
const shards: Record<string, Story[]> = {
  '2021-05_2021-06': [
    { url: '/a/', published: '2021-05-02T00:00:00.000Z', section: 'World', words: ['harbour', 'pelicans'] },
    { url: '/b/', published: '2021-06-09T00:00:00.000Z', section: 'Business', words: ['harbour'] },
    { url: '/c/', published: '2021-06-01T00:00:00.000Z', section: 'World', words: ['harbour', 'wombat'] },
  ],
  '2020-11': [{ url: '/d/', published: '2020-11-07T00:00:00.000Z', section: 'World', words: ['harbour'] }],
  '2019-03_2019-07': [
    { url: '/e/', published: '2019-03-01T00:00:00.000Z', section: 'Business', words: ['harbour', 'quokkas'] },
    { url: '/f/', published: '2019-07-01T00:00:00.000Z', section: 'World', words: ['harbour'] },
  ],
  [UNDATED]: [
    { url: '/g/', section: 'World', words: ['harbour'] },
    { url: '/h/', section: 'World', words: ['harbour', 'pelicans'] },
  ],
};
const manifest = Object.keys(shards);

type Call = { shard: string; sort?: Record<string, string> };

/** Pagefind as the page uses it: a query's words must all be in a story (or, for the vocabulary, in a shard). */
function standIn() {
  const merged: string[] = [];
  const searched: Call[] = [];
  const pagefind: Pagefind<string> = {
    async mergeIndex(path, { mergeFilter }) {
      expect(path).toBe(`/news/pagefind/${mergeFilter[SHARD_FILTER]}/`);
      merged.push(mergeFilter[SHARD_FILTER]);
    },
    async search(query, { filters, sort }) {
      const terms = query.toLowerCase().split(' ');
      const holds = (words: string[]) => terms.every((term) => words.includes(term));
      if (VOCABULARY_FILTER in filters) {
        const counts = Object.entries(shards).filter(([, stories]) => holds(stories.flatMap((story) => story.words)));
        return { results: [], filters: { [VOCABULARY_FILTER]: Object.fromEntries(counts.map(([shard]) => [shard, 1])) } };
      }
      const shard = filters[SHARD_FILTER] as string;
      expect(merged, 'a shard is merged before it is searched').toContain(shard);
      searched.push({ shard, sort });
      let found = shards[shard].filter((story) => holds(story.words) && (!filters.section || story.section === filters.section));
      if (sort?.[PUBLISHED_SORT]) found = found.filter((story) => story.published).sort((a, b) => b.published!.localeCompare(a.published!));
      return { results: found.map((story) => ({ data: async () => story.url })), filters: {} as Record<string, Record<string, number>> };
    },
  };
  return { index: shardedIndex(pagefind, manifest, '/news/'), merged, searched };
}

const urls = async (found: { results: { data(): Promise<string> }[] }) => Promise.all(found.results.map((result) => result.data()));

describe('shardedIndex', () => {
  it('finds every match, newest first, shard after shard, the undated last and unsorted', async () => {
    const { index, searched } = standIn();
    const found = await index.search('harbour');
    expect(found.complete).toBe(true);
    expect(await urls(found)).toEqual(['/b/', '/c/', '/a/', '/d/', '/f/', '/e/', '/g/', '/h/']);
    const sorted = { [PUBLISHED_SORT]: 'desc' };
    expect(searched).toEqual([...manifest.slice(0, 3).map((shard) => ({ shard, sort: sorted })), { shard: UNDATED, sort: {} }]);
  });

  it('stops once it has the results asked for: a word in every shard loads the newest', async () => {
    const { index, merged } = standIn();
    const page = await index.search('harbour', { atLeast: 3 });
    expect({ complete: page.complete, urls: await urls(page), merged }).toEqual({ complete: false, urls: ['/b/', '/c/', '/a/'], merged: ['2021-05_2021-06'] });
    // The next page goes on from there; the shards merged for the first are not merged again.
    const next = await index.search('harbour', { atLeast: 5 });
    expect({ complete: next.complete, urls: await urls(next), merged }).toEqual({
      complete: false,
      urls: ['/b/', '/c/', '/a/', '/d/', '/f/', '/e/'],
      merged: ['2021-05_2021-06', '2020-11', '2019-03_2019-07'],
    });
    // Asked for more than there are, it searches every shard that can match and says the count is whole.
    const all = await index.search('harbour', { atLeast: 9 });
    expect([all.complete, all.results.length]).toEqual([true, 8]);
  });

  it('merges only the shards the vocabulary names, and applies the section filter in each', async () => {
    const { index, merged } = standIn();
    expect(await urls(await index.search('pelicans'))).toEqual(['/a/', '/h/']);
    expect(merged).toEqual(['2021-05_2021-06', UNDATED]);
    expect(await urls(await index.search('harbour', { filters: { section: 'Business' } }))).toEqual(['/b/', '/e/']);
    const none = await index.search('zyzzyva', { atLeast: 1 });
    expect([none.complete, none.results]).toEqual([true, []]);
  });

  it('a shard that matches no page in the section counts as searched, and the search goes on past it', async () => {
    const { index, searched } = standIn();
    const found = await index.search('harbour', { filters: { section: 'Business' }, atLeast: 2 });
    expect([found.complete, await urls(found)]).toEqual([false, ['/b/', '/e/']]);
    expect(searched.map((call) => call.shard)).toEqual(['2021-05_2021-06', '2020-11', '2019-03_2019-07']);
  });

  it('aborted, it merges and searches no more shards', async () => {
    const { index, merged, searched } = standIn();
    const controller = new AbortController();
    controller.abort();
    await expect(index.search('harbour', { signal: controller.signal })).rejects.toThrow();
    expect([merged, searched]).toEqual([[], []]);
  });
});
