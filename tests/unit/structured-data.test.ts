import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, jsonLdGraph, newsArticleJsonLd, serializeJsonLd } from '../../src/lib/publish/structured-data';

const input = {
  url: 'https://example.org/articles/a/',
  headline: 'Headline',
  description: 'Dek',
  published: new Date('2020-11-23T05:00:00Z'),
  section: 'World',
  tags: ['russia'],
  authors: [{ name: 'Peter', url: 'https://example.org/authors/peter/' }],
  publisher: { name: 'Broadsheet', url: 'https://example.org/' },
};

describe('NewsArticle JSON-LD', () => {
  it('carries every field search engines read', () => {
    expect(newsArticleJsonLd(input)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Headline',
      description: 'Dek',
      datePublished: '2020-11-23T05:00:00.000Z',
      dateModified: '2020-11-23T05:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Peter', url: 'https://example.org/authors/peter/' }],
      publisher: { '@type': 'Organization', name: 'Broadsheet', url: 'https://example.org/' },
      articleSection: 'World',
      keywords: ['russia'],
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://example.org/articles/a/' },
      url: 'https://example.org/articles/a/',
    });
  });

  it('uses the update time as dateModified', () => {
    expect(newsArticleJsonLd({ ...input, updated: new Date('2020-11-24T00:00:00Z') }).dateModified).toBe('2020-11-24T00:00:00.000Z');
  });

  it('numbers breadcrumbs from 1', () => {
    expect(breadcrumbJsonLd([{ name: 'Home', url: 'https://e.org/' }, { name: 'World', url: 'https://e.org/w/' }]).itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://e.org/' },
      { '@type': 'ListItem', position: 2, name: 'World', item: 'https://e.org/w/' },
    ]);
  });
});

it('joins several objects into one @graph document', () => {
  const graph = jsonLdGraph(newsArticleJsonLd(input), breadcrumbJsonLd([]));
  expect(graph['@context']).toBe('https://schema.org');
  expect(graph['@graph'].map((node) => node['@type'])).toEqual(['NewsArticle', 'BreadcrumbList']);
  expect(graph['@graph'].some((node) => '@context' in node)).toBe(false);
});

describe('serializeJsonLd', () => {
  it('cannot end its script element, whatever the data says', () => {
    const data = newsArticleJsonLd({ ...input, headline: 'Bad </script><script>alert(1)</script> <!-- & \u2028' });
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/<|>|&|\u2028/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(data);
  });
});
