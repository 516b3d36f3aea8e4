/**
 * The search page's walk over the shards, around a stand-in for Pagefind: it asks the vocabulary which shards
 * can match, then merges and searches them one at a time, newest first, each sorted newest first (the undated
 * shard unsorted, as Pagefind would drop its pages), and stops once it has the results asked for — so a word in
 * every article loads only the newest shards. What Pagefind finds in a shard, and which shards the vocabulary
 * names, are the real Pagefind's in tests/build/search-shards.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PUBLISHED, SHARD_FILTER, UNDATED, VOCABULARY_FILTER } from '../../src/lib/publish/search-manifest';
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

/** Pagefind as the page uses it: a query's words must all be in a story (or, for the vocabulary, in a shard). */
function standIn(onSearch: (shard: string) => void = () => {}) {
  const merged: string[] = [];
  /** What Pagefind was asked, in order: `merge <shard>`, `search <shard>` (with the sort, if any), `vocabulary`. */
  const asked: string[] = [];
  const pagefind: Pagefind<string> = {
    async mergeIndex(path, { mergeFilter }) {
      expect(path).toBe(`/news/pagefind/${mergeFilter[SHARD_FILTER]}/`);
      asked.push(`merge ${mergeFilter[SHARD_FILTER]}`);
      await Promise.resolve(); // a fetch: merges started together are under way together
      merged.push(mergeFilter[SHARD_FILTER]);
    },
    async search(query, { filters, sort }) {
      const terms = query.toLowerCase().split(' ');
      const holds = (words: string[]) => terms.every((term) => words.includes(term));
      if (VOCABULARY_FILTER in filters) {
        asked.push('vocabulary');
        const counts = Object.entries(shards).filter(([, stories]) => holds(stories.flatMap((story) => story.words)));
        return { results: [], filters: { [VOCABULARY_FILTER]: Object.fromEntries(counts.map(([shard]) => [shard, 1])) } };
      }
      const shard = filters[SHARD_FILTER] as string;
      expect(merged, 'a shard is merged before it is searched').toContain(shard);
      asked.push(`search ${shard}${sort?.[PUBLISHED] ? ` by ${PUBLISHED} ${sort[PUBLISHED]}` : ''}`);
      onSearch(shard);
      let found = shards[shard].filter((story) => holds(story.words) && (!filters.section || story.section === filters.section));
      if (sort?.[PUBLISHED]) found = found.filter((story) => story.published).sort((a, b) => b.published!.localeCompare(a.published!));
      return { results: found.map((story) => ({ data: async () => story.url })), filters: {} as Record<string, Record<string, number>> };
    },
  };
  return { index: shardedIndex(pagefind, manifest, '/news/'), merged, asked };
}

const urls = async (found: { results: { data(): Promise<string> }[] }) => Promise.all(found.results.map((result) => result.data()));
const [newest, november, older] = manifest;

describe('shardedIndex', () => {
  it('finds every match, newest first, shard after shard, the undated last and unsorted', async () => {
    const { index, asked } = standIn();
    const found = await index.search('harbour');
    expect(found.complete).toBe(true);
    expect(await urls(found)).toEqual(['/b/', '/c/', '/a/', '/d/', '/f/', '/e/', '/g/', '/h/']);
    expect(asked.filter((question) => question.startsWith('search'))).toEqual([
      ...[newest, november, older].map((shard) => `search ${shard} by ${PUBLISHED} desc`),
      `search ${UNDATED}`,
    ]);
  });

  it('stops once it has the results asked for: a word in every shard loads the newest; `more` goes on from there', async () => {
    const { index, merged, asked } = standIn();
    const page = await index.search('harbour', { atLeast: 3 });
    expect({ complete: page.complete, urls: await urls(page), merged }).toEqual({ complete: false, urls: ['/b/', '/c/', '/a/'], merged: [newest] });
    const next = await page.more(5);
    expect({ complete: next.complete, urls: await urls(next), merged }).toEqual({ complete: false, urls: ['/b/', '/c/', '/a/', '/d/', '/f/', '/e/'], merged: [newest, november, older] });
    // Asked for more than there are, it searches every shard that can match and says the count is whole.
    const all = await next.more(9);
    expect([all.complete, all.results.length]).toEqual([true, 8]);
    // The vocabulary was asked once, and no shard merged or searched twice.
    expect(asked.filter((question) => question === 'vocabulary')).toHaveLength(1);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('merges at once as many shards as the matches so far say a page needs, and searches them one by one', async () => {
    const { index, asked } = standIn();
    // Three matches in the first shard: five more need two shards at that rate.
    await index.search('harbour', { atLeast: 8 });
    const sorted = ` by ${PUBLISHED} desc`;
    expect(asked).toEqual(['vocabulary', `merge ${newest}`, `search ${newest}${sorted}`, `merge ${november}`, `merge ${older}`, `search ${november}${sorted}`, `search ${older}${sorted}`, `merge ${UNDATED}`, `search ${UNDATED}`]);
  });

  it('where no shard has held a match yet, merges as many again as it searched', async () => {
    const { index, asked } = standIn();
    const found = await index.search('harbour', { filters: { section: 'Culture' }, atLeast: 20 });
    expect([found.complete, found.results]).toEqual([true, []]);
    expect(asked.filter((question) => question.startsWith('merge'))).toEqual([`merge ${newest}`, `merge ${november}`, `merge ${older}`, `merge ${UNDATED}`]);
    expect(asked.indexOf(`merge ${UNDATED}`)).toBeLessThan(asked.indexOf(`search ${older} by ${PUBLISHED} desc`));
  });

  it('merges only the shards the vocabulary names, and applies the section filter in each', async () => {
    const { index, merged } = standIn();
    expect(await urls(await index.search('pelicans'))).toEqual(['/a/', '/h/']);
    expect(merged).toEqual([newest, UNDATED]);
    expect(await urls(await index.search('harbour', { filters: { section: 'Business' } }))).toEqual(['/b/', '/e/']);
    const none = await index.search('zyzzyva', { atLeast: 1 });
    expect([none.complete, none.results]).toEqual([true, []]);
  });

  it('a shard that matches no page in the section counts as searched, and the search goes on past it', async () => {
    const { index, asked } = standIn();
    const found = await index.search('harbour', { filters: { section: 'Business' }, atLeast: 2 });
    // One match in two shards: the one more needed takes two at that rate, the last two, each searched whole.
    expect([found.complete, await urls(found)]).toEqual([true, ['/b/', '/e/']]);
    expect(asked.filter((question) => question.startsWith('search')).map((question) => question.split(' ')[1])).toEqual([newest, november, older, UNDATED]);
  });

  it('calls of `more` made together take turns: nothing is searched twice, nor found twice', async () => {
    const { index, asked } = standIn();
    const page = await index.search('harbour', { atLeast: 1 });
    const [first, second] = await Promise.all([page.more(4), page.more(6)]);
    expect(await urls(first)).toEqual(['/b/', '/c/', '/a/', '/d/']);
    expect(await urls(second)).toEqual(['/b/', '/c/', '/a/', '/d/', '/f/', '/e/']);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('aborted, it merges and searches no more shards; `more` goes on where it stopped', async () => {
    const before = standIn();
    const controller = new AbortController();
    controller.abort();
    await expect(before.index.search('harbour', { signal: controller.signal })).rejects.toThrow();
    expect(before.asked).toEqual(['vocabulary']);

    // Aborted while the first shard of two merged together is searched: the second is never searched.
    const during = new AbortController();
    const { index, asked } = standIn((shard) => shard === november && during.abort());
    const page = await index.search('harbour', { atLeast: 3 });
    await expect(page.more(8, during.signal)).rejects.toThrow();
    expect(asked.filter((question) => question.startsWith('search')).map((question) => question.split(' ')[1])).toEqual([newest, november]);
    const rest = await page.more(8);
    expect(await urls(rest)).toEqual(['/b/', '/c/', '/a/', '/d/', '/f/', '/e/', '/g/', '/h/']);
  });
});
