import { describe, expect, it } from 'vitest';
import { lastModified, shareLinks } from '../../src/lib/site/article-meta';

describe('lastModified', () => {
  const date = (iso: string) => new Date(iso);
  it('is the latest of updated and the notes, or nothing', () => {
    expect(lastModified({ updates: [] })).toBeUndefined();
    expect(lastModified({ updated: date('2024-01-02T00:00:00Z'), updates: [] })).toEqual(date('2024-01-02T00:00:00Z'));
    expect(
      lastModified({ updated: date('2024-01-02T00:00:00Z'), updates: [{ date: date('2024-01-05T00:00:00Z') }, { date: date('2024-01-03T00:00:00Z') }] }),
    ).toEqual(date('2024-01-05T00:00:00Z'));
  });
});

describe('shareLinks', () => {
  it('are plain URLs carrying the page address and title, encoded', () => {
    const links = shareLinks('https://example.org/articles/a/', 'Putin & “Biden”');
    expect(links.map((link) => link.label)).toEqual(['Email', 'Bluesky', 'X', 'Facebook', 'LinkedIn']);
    for (const { href } of links) expect(href).toContain(encodeURIComponent('https://example.org/articles/a/'));
    expect(links[0].href).toBe('mailto:?subject=Putin%20%26%20%E2%80%9CBiden%E2%80%9D&body=https%3A%2F%2Fexample.org%2Farticles%2Fa%2F');
  });
});
