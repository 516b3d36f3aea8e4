import { describe, expect, it } from 'vitest';
import { pageParam, pageUrl, paginate, paginatedPaths, titleWithPage } from '../../src/lib/site/pagination';

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('paginate', () => {
  it('splits into pages of the given size, the last one shorter', () => {
    const pages = paginate(numbers(45), 20, '/sections/world/');
    expect(pages.map((page) => page.items.length)).toEqual([20, 20, 5]);
    expect(pages.map((page) => page.items[0])).toEqual([1, 21, 41]);
    expect(pages.every((page) => page.total === 3)).toBe(true);
  });

  it('links neighbours: page 1 at the base path, page n at <base>n/', () => {
    const [first, second, third] = paginate(numbers(45), 20, '/sections/world/');
    expect(first).toMatchObject({ number: 1, url: '/sections/world/', prevUrl: undefined, nextUrl: '/sections/world/2/' });
    expect(second).toMatchObject({ number: 2, url: '/sections/world/2/', prevUrl: '/sections/world/', nextUrl: '/sections/world/3/' });
    expect(third).toMatchObject({ number: 3, url: '/sections/world/3/', prevUrl: '/sections/world/2/', nextUrl: undefined });
  });

  it('fills exact multiples without an empty last page', () => {
    expect(paginate(numbers(40), 20, '/x/')).toHaveLength(2);
    expect(paginate(numbers(1), 20, '/x/')).toHaveLength(1);
  });

  it('gives an empty listing one empty page', () => {
    expect(paginate([], 20, '/x/')).toEqual([{ items: [], number: 1, total: 1, url: '/x/', prevUrl: undefined, nextUrl: undefined }]);
  });

  it('refuses a page size that is not a whole number ≥ 1', () => {
    expect(() => paginate(numbers(3), 0, '/x/')).toThrow(RangeError);
    expect(() => paginate(numbers(3), 2.5, '/x/')).toThrow(RangeError);
  });

  it('makes Astro rest parameters and URLs that agree', () => {
    expect([1, 2, 10].map(pageParam)).toEqual([undefined, '2', '10']);
    expect(pageUrl('/tags/russia/', 1)).toBe('/tags/russia/');
    const paths = paginatedPaths(numbers(3), 2, '/tags/russia/', { tag: 'russia' });
    expect(paths.map((path) => path.params)).toEqual([{ tag: 'russia', page: undefined }, { tag: 'russia', page: '2' }]);
    expect(paths[1].props.page.items).toEqual([3]);
  });
});

describe('titleWithPage', () => {
  it('adds "page N of M" after the first page only', () => {
    expect(titleWithPage('World', { number: 1, total: 3 })).toBe('World');
    expect(titleWithPage('World', { number: 2, total: 3 })).toBe('World (page 2 of 3)');
  });
});
