/**
 * The search index's shards: consecutive publication months, oldest first, each up to the configured number
 * of pages (a bigger month alone), named after their first and last month, undated pages apart.
 */
import { expect, it } from 'vitest';
import { shardMonths } from '../../src/lib/publish/search-shards';
import { UNDATED } from '../../src/lib/publish/search-pages';

const months = (counts: Record<string, number>) => new Map(Object.entries(counts));

it('groups the months that follow one another, oldest first, until the next would pass the size', () => {
  const shards = shardMonths(months({ '2020-02': 40, '2019-12': 50, '2020-01': 50, '2020-03': 70, '2021-07': 5 }), 100);
  expect([...shards]).toEqual([
    ['2019-12_2020-01', ['2019-12', '2020-01']],
    ['2020-02', ['2020-02']], // 2020-03 would take it to 110
    ['2020-03_2021-07', ['2020-03', '2021-07']], // months without pages between them are no bound
  ]);
});

it('gives a month bigger than the size a shard of its own, and undated pages theirs', () => {
  const shards = shardMonths(months({ [UNDATED]: 3, '2019-01': 10, '2019-02': 250, '2019-03': 10 }), 100);
  expect([...shards.keys()]).toEqual(['2019-01', '2019-02', '2019-03', UNDATED]);
});

it('changes only the newest shard as articles are published', () => {
  const before = shardMonths(months({ '2024-01': 60, '2024-02': 60, '2024-03': 30 }), 100);
  const after = shardMonths(months({ '2024-01': 60, '2024-02': 60, '2024-03': 39, '2024-04': 1 }), 100);
  expect([...before]).toEqual([['2024-01', ['2024-01']], ['2024-02_2024-03', ['2024-02', '2024-03']]]);
  expect([...after]).toEqual([['2024-01', ['2024-01']], ['2024-02_2024-04', ['2024-02', '2024-03', '2024-04']]]);
});
