import { describe, expect, it } from 'vitest';
import { buildHeadlineIndex, type ArticleSummary, type ExtraEntry } from '../../src/lib/site/headlines';
import { toHeadlinesJson } from '../../src/lib/publish/headlines-json';

const article = (id: string, published: string, more: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id,
  url: `/articles/${id}/`,
  kicker: 'Speed Read',
  title: `Title ${id}`,
  dek: `Dek ${id}`,
  published: new Date(published),
  section: 'world',
  tags: [],
  authors: ['peter'],
  ...more,
});
const extra = (id: string, more: Partial<ExtraEntry> = {}): ExtraEntry => ({
  id,
  kicker: 'speed read',
  title: `Extra ${id}`,
  dek: `Dek ${id}`,
  tags: [],
  ...more,
});

describe('buildHeadlineIndex', () => {
  it('lists articles and extra entries newest first, undated entries last in written order', () => {
    const index = buildHeadlineIndex(
      [article('old', '2020-01-01T00:00:00Z'), article('new', '2021-01-01T00:00:00Z')],
      [extra('undated-b'), extra('dated', { date: new Date('2020-06-01T00:00:00Z') }), extra('undated-a')],
    );
    expect(index.map((headline) => headline.id)).toEqual(['new', 'dated', 'old', 'undated-b', 'undated-a']);
    expect(index[0]).toMatchObject({ kind: 'article', url: '/articles/new/', date: new Date('2021-01-01T00:00:00Z') });
    expect(index[3]).toMatchObject({ kind: 'extra' });
    expect(index[3].url).toBeUndefined();
    expect(index[3].date).toBeUndefined();
  });

  it('breaks ties between equal dates by id, so builds are deterministic', () => {
    const same = '2020-01-01T00:00:00Z';
    const index = buildHeadlineIndex([article('b', same), article('a', same), article('c', same)], []);
    expect(index.map((headline) => headline.id)).toEqual(['a', 'b', 'c']);
  });

  it('refuses an extra entry with the id of an article', () => {
    expect(() => buildHeadlineIndex([article('same', '2020-01-01T00:00:00Z')], [extra('same')])).toThrow(
      /headlines\.yaml: entry "Extra same" has the id "same" of an article/,
    );
  });
});

describe('toHeadlinesJson', () => {
  it('publishes absolute URLs, ISO dates and null for what a story lacks', () => {
    const index = buildHeadlineIndex(
      [article('a', '2020-11-23T05:00:00Z', { tags: ['russia'], updated: new Date('2020-11-24T05:00:00Z') })],
      [extra('x', { url: 'https://example.com/x' }), extra('y')],
    );
    const json = toHeadlinesJson(index, { name: 'Site', url: 'https://news.example.org' });
    expect(json.site).toEqual({ name: 'Site', url: 'https://news.example.org/' });
    expect(json.headlines).toEqual([
      { id: 'a', kicker: 'Speed Read', title: 'Title a', dek: 'Dek a', url: 'https://news.example.org/articles/a/', date: '2020-11-23T05:00:00.000Z', updated: '2020-11-24T05:00:00.000Z', section: 'world', tags: ['russia'] },
      { id: 'x', kicker: 'speed read', title: 'Extra x', dek: 'Dek x', url: 'https://example.com/x', date: null, updated: null, section: null, tags: [] },
      { id: 'y', kicker: 'speed read', title: 'Extra y', dek: 'Dek y', url: null, date: null, updated: null, section: null, tags: [] },
    ]);
  });
});
