/**
 * schema.org JSON-LD for article pages (NewsArticle, BreadcrumbList), built from plain data, and its safe
 * embedding in a `<script>` element.
 */

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  published: Date;
  updated?: Date;
  section: string;
  tags: string[];
  authors: { name: string; url: string }[];
  publisher: { name: string; url: string };
}

export function newsArticleJsonLd(article: NewsArticleInput) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.description,
    datePublished: article.published.toISOString(),
    dateModified: (article.updated ?? article.published).toISOString(),
    author: article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: author.url })),
    publisher: { '@type': 'Organization', name: article.publisher.name, url: article.publisher.url },
    articleSection: article.section,
    keywords: article.tags,
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    url: article.url,
  };
}

export function breadcrumbJsonLd(trail: { name: string; url: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url })),
  };
}

/** Several schema.org objects as one document, so a page carries a single JSON-LD block. */
export function jsonLdGraph(...nodes: Record<string, unknown>[]) {
  return { '@context': 'https://schema.org', '@graph': nodes.map(({ '@context': _context, ...node }) => node) };
}

/**
 * JSON for inside `<script type="application/ld+json">`: `<` is escaped so that no value (a headline
 * containing `</script>` or `<!--`) can end the element; U+2028/2029 for old JavaScript parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
