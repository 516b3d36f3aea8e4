/**
 * The search index's shards: consecutive publication months, oldest first, about the configured number of
 * pages each (a bigger month alone), named after their first and last month, undated pages apart; bounds that
 * stay where they are when an old month gains or loses an article.
 */
import { expect, it } from 'vitest';
import { shardMonths } from '../../src/lib/publish/search-months';
import { UNDATED } from '../../src/lib/publish/search-manifest';

const months = (counts: Record<string, number>) => new Map(Object.entries(counts));

it('puts each month in the shard the number of pages before it falls in, oldest first', () => {
  const shards = shardMonths(months({ '2020-02': 40, '2019-12': 50, '2020-01': 50, '2020-03': 70, '2021-07': 5, '2021-09': 5 }), 100);
  expect([...shards]).toEqual([
    ['2019-12_2020-01', ['2019-12', '2020-01']], // 0 and 50 pages before them
    ['2020-02_2020-03', ['2020-02', '2020-03']], // 100 and 140
    ['2021-07_2021-09', ['2021-07', '2021-09']], // 210 and 215: months without pages between them are no bound
  ]);
});

it('keeps every bound when an old month gains or loses an article, where packing shard after shard moved the bounds after it', () => {
  const counts = { '2020-01': 50, '2020-02': 45, '2020-03': 60, '2020-04': 40, '2020-05': 60, '2020-06': 40 };
  const shards = [
    ['2020-01_2020-03', ['2020-01', '2020-02', '2020-03']], // 0, 50 and 95 pages before them
    ['2020-04_2020-05', ['2020-04', '2020-05']], // 155 and 195
    ['2020-06', ['2020-06']], // 255
  ];
  expect([...shardMonths(months(counts), 100)]).toEqual(shards);
  // Packed one after another, 2020-03 and 2020-04 filled a shard to 100 exactly: one more page moved every later bound.
  expect([...shardMonths(months({ ...counts, '2020-03': 61 }), 100)]).toEqual(shards);
  expect([...shardMonths(months({ ...counts, '2020-01': 49 }), 100)]).toEqual(shards);
});

it('gives a month bigger than the size a shard of its own, and undated pages theirs', () => {
  const shards = shardMonths(months({ [UNDATED]: 3, '2019-01': 10, '2019-02': 250, '2019-03': 10 }), 100);
  expect([...shards.keys()]).toEqual(['2019-01', '2019-02', '2019-03', UNDATED]);
});

it('changes only the newest shard as articles are published', () => {
  const before = shardMonths(months({ '2024-01': 60, '2024-02': 60, '2024-03': 30 }), 100);
  const after = shardMonths(months({ '2024-01': 60, '2024-02': 60, '2024-03': 39, '2024-04': 1 }), 100);
  expect([...before]).toEqual([['2024-01_2024-02', ['2024-01', '2024-02']], ['2024-03', ['2024-03']]]);
  expect([...after]).toEqual([['2024-01_2024-02', ['2024-01', '2024-02']], ['2024-03_2024-04', ['2024-03', '2024-04']]]);
});
