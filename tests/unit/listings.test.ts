import { describe, expect, it } from 'vitest';
import type { Headline } from '../../src/lib/site/headlines';
import { buildListings, groupBy, monthKey } from '../../src/lib/site/listings';

const story = (id: string, more: Partial<Headline>): Headline => ({ id, kind: 'article', kicker: 'K', title: id, dek: id, tags: [], ...more }) as Headline;

describe('listings', () => {
  it('groups keep the index order and count an item once per key', () => {
    expect(groupBy(['a1', 'b1', 'a2'], (value) => [value[0], value[0]])).toEqual(
      new Map([
        ['a', ['a1', 'a2']],
        ['b', ['b1']],
      ]),
    );
  });

  it('puts an article in the month of its date in the newsroom’s time zone', () => {
    // 03:00 UTC on 1 December is still 30 November in New York.
    expect(monthKey(new Date('2020-12-01T03:00:00Z'), 'America/New_York')).toBe('2020/11');
    expect(monthKey(new Date('2020-12-01T03:00:00Z'), 'UTC')).toBe('2020/12');
  });

  it('groups sections and tags from the whole index, authors and months from articles only', () => {
    const headlines = [
      story('a', { date: new Date('2024-03-01T12:00:00Z'), section: 'world', tags: ['russia'], authors: ['peter'] }),
      story('extra', { kind: 'extra', section: 'world', tags: ['russia'] }),
      story('b', { date: new Date('2024-02-01T12:00:00Z'), section: 'science', authors: ['peter', 'ann'] }),
    ];
    const listings = buildListings(headlines, 'UTC');
    const ids = (map: Map<string, Headline[]>) => Object.fromEntries([...map].map(([key, items]) => [key, items.map((item) => item.id)]));
    expect(ids(listings.bySection)).toEqual({ world: ['a', 'extra'], science: ['b'] });
    expect(ids(listings.byTag)).toEqual({ russia: ['a', 'extra'] });
    expect(ids(listings.byAuthor)).toEqual({ peter: ['a', 'b'], ann: ['b'] });
    expect(ids(listings.byMonth)).toEqual({ '2024/03': ['a'], '2024/02': ['b'] });
  });
});
