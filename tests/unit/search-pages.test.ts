/**
 * What search reads of a built page: its indexed body and language, the month that picks its shard, and the
 * publication time its body gives Pagefind to sort by, which its result shows.
 */
import { expect, it } from 'vitest';
import { PUBLISHED, UNDATED } from '../../src/lib/publish/search-manifest';
import { searchDocument } from '../../src/lib/publish/search-pages';

const page = (head: string, body: string) => `<!doctype html><html lang="en"><head>${head}</head><body><nav>Sections</nav>${body}</body></html>`;
const published = '<meta property="article:published_time" content="2020-11-23T05:00:00.000Z">';

it('reads the body, the month and the publication time Pagefind sorts by', () => {
  const body = `<article data-pagefind-body><h1>Harbour</h1><p class="dateline"><time datetime="2020-11-23T05:00:00.000Z" data-pagefind-sort="${PUBLISHED}[datetime]">November 23, 2020</time> · <time datetime="2020-11-24T05:00:00.000Z">Updated</time></p></article>`;
  expect(searchDocument(page(published, body))).toEqual({
    month: '2020-11',
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${body}</body></html>`,
    published: '2020-11-23T05:00:00.000Z',
  });
});

it('a page without a publication time is undated, and shows no time; a page without a body is left out', () => {
  const body = '<article data-pagefind-body><p><time datetime="2020-11-24T05:00:00.000Z">Not the sort key</time></p></article>';
  expect(searchDocument(page('', body))).toMatchObject({ month: UNDATED, published: undefined });
  expect(searchDocument(page(published, '<article><h1>No body</h1></article>'))).toBeUndefined();
});
