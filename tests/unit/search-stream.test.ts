/**
 * The shards told while pages render: the very shards, with the very pages in the very order, that the
 * index of the built site takes (shardMonths); each as soon as no page still to come can join it; and
 * nothing that a missing, undated or out-of-order page could make wrong.
 */
import { expect, it } from 'vitest';
import { UNDATED } from '../../src/lib/publish/search-manifest';
import { shardMonths } from '../../src/lib/publish/search-months';
import { shardStream, type StreamedPage } from '../../src/lib/publish/search-stream';

/** Article pages, newest first, `counts` of each month (given newest first); paths named so a month's are out of path order. */
function newestFirst(counts: [string, number][]): StreamedPage[] {
  return counts.flatMap(([month, count]) =>
    Array.from({ length: count }, (_, index) => ({ month, path: `articles/${month}-${String.fromCharCode(122 - index)}/index.html`, html: `<p>${month} ${index}</p>` })),
  );
}

/** Runs the stream over `pages`, added in the order `order` gives; which shards it told, with their pages' paths and the number of pages taken by then. */
function run(pages: (StreamedPage | undefined)[], shardPages: number, order = pages.map((_, index) => index), total = pages.length) {
  const told: { name: string; paths: string[]; after: number }[] = [];
  let added = 0;
  const stream = shardStream(total, shardPages, (name, shard) => told.push({ name, paths: shard.map((page) => page.path), after: added }));
  for (const position of order) {
    added++;
    stream.add(position, pages[position]);
  }
  return told;
}

const counts: [string, number][] = [['2021-09', 5], ['2021-07', 5], ['2020-03', 70], ['2020-02', 40], ['2020-01', 50], ['2019-12', 50]];
const pages = newestFirst(counts);

it('tells the shards of the whole site, each with its pages as the built index takes them', () => {
  const whole = shardMonths(new Map(counts), 100);
  const told = run(pages, 100);
  expect(told.map(({ name }) => name).sort()).toEqual([...whole.keys()].sort());
  for (const { name, paths } of told) {
    const expected = whole.get(name)!.flatMap((month) => pages.filter((page) => page.month === month).map((page) => page.path).sort());
    expect(paths).toEqual(expected);
  }
});

it('tells a shard as soon as a page of an older month shows it complete, the oldest at the end', () => {
  const told = run(pages, 100);
  // A shard is final when its oldest month is complete and the month after it is too, with a bound between:
  // 2021-07_2021-09 when the first 2020-02 page comes (the 81st: 2020-03 might have been small enough to join
  // it until then), 2020-02_2020-03 when the first 2019-12 page comes (the 171st), the oldest at the last page.
  expect(told).toEqual([
    expect.objectContaining({ name: '2021-07_2021-09', after: 81 }),
    expect.objectContaining({ name: '2020-02_2020-03', after: 171 }),
    expect.objectContaining({ name: '2019-12_2020-01', after: 220 }),
  ]);
});

it('takes the pages in their place whatever order they finish in', () => {
  const shuffled = pages.map((_, index) => index).sort((a, b) => (a % 7) - (b % 7) || a - b);
  expect(run(pages, 100, shuffled).map(({ name, paths }) => ({ name, paths }))).toEqual(run(pages, 100).map(({ name, paths }) => ({ name, paths })));
});

it('stops at a page that is never rendered, an undated page, one without search content or a month out of order', () => {
  const missing = pages.map((_, index) => index).filter((index) => index !== 100); // a 2020-02 page restored from the cache
  expect(run(pages, 100, missing).map(({ name }) => name)).toEqual(['2021-07_2021-09']);

  const withUndated = [...pages.slice(0, 100), { ...pages[100], month: UNDATED }, ...pages.slice(101)];
  expect(run(withUndated, 100).map(({ name }) => name)).toEqual(['2021-07_2021-09']);

  const withoutContent = [...pages.slice(0, 100), undefined, ...pages.slice(101)];
  expect(run(withoutContent, 100).map(({ name }) => name)).toEqual(['2021-07_2021-09']);

  const outOfOrder = [...pages.slice(0, 100), { ...pages[100], month: '2021-08' }, ...pages.slice(101)];
  expect(run(outOfOrder, 100).map(({ name }) => name)).toEqual(['2021-07_2021-09']);
});

it('tells a month bigger than a shard on its own', () => {
  const big = newestFirst([['2019-03', 10], ['2019-02', 250], ['2019-01', 10]]);
  expect(run(big, 100).map(({ name, after }) => ({ name, after }))).toEqual([
    { name: '2019-02', after: 261 }, // complete, and alone: nothing can join it
    { name: '2019-03', after: 261 },
    { name: '2019-01', after: 270 },
  ]);
});

it('keeps the first page given at a place: one given again, taken or still waiting, changes nothing', () => {
  const stray = { month: '2030-01', path: 'articles/stray/index.html', html: '<p>stray</p>' }; // would end the stream
  const told: string[] = [];
  const stream = shardStream(pages.length, 100, (name) => told.push(name));
  for (let place = pages.length - 1; place >= 0; place--) {
    stream.add(place, pages[place]);
    stream.add(place, stray); // waiting for every place before it, but the first
  }
  expect(told).toEqual(run(pages, 100).map(({ name }) => name));
});
