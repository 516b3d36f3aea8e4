import { describe, expect, it } from 'vitest';
import { articleView, type Article, type Author } from '../../src/lib/site/article-view';

const date = (iso: string) => new Date(iso);
const entry = (authors: string[]) =>
  ({
    id: 'a',
    collection: 'articles',
    data: {
      kicker: 'K', title: 'T', dek: 'D', section: 'world', tags: ['russia'],
      published: date('2024-01-01T00:00:00Z'),
      updates: [{ date: date('2024-01-02T00:00:00Z'), kind: 'update', note: 'U' }, { date: date('2024-01-03T00:00:00Z'), kind: 'correction', note: 'C' }],
      authors: authors.map((id) => ({ id, collection: 'authors' })),
    },
  }) as unknown as Article;
const peter = { id: 'peter', collection: 'authors', data: { name: 'Peter' } } as unknown as Author;

describe('articleView', () => {
  it('derives path, section name, last change, labelled notes and byline once', () => {
    const view = articleView(entry(['peter']), new Map([['peter', peter]]));
    expect(view).toMatchObject({ id: 'a', url: '/articles/a/', sectionName: 'World', updated: date('2024-01-03T00:00:00Z'), authors: ['peter'], byline: [peter] });
    expect(view.notes.map((note) => note.label)).toEqual(['Update', 'Correction']);
  });

  it('loads with an unknown author (astro dev keeps serving); showing that author fails with the problem', () => {
    const view = articleView(entry(['nobody']), new Map());
    expect(view.authors).toEqual(['nobody']);
    expect(() => view.byline[0].data).toThrow('articles/a: no author "nobody" in authors/');
  });
});
