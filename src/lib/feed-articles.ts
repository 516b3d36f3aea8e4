/** Articles as feeds see them: absolute URLs, author names and pages, section names, rendered HTML. */
import { sectionName, site } from '../config';
import type { FeedArticle } from './feeds';
import type { Article, Author } from './site-data';
import { absoluteUrl, articlePath, authorPath } from './urls';

export function toFeedArticle(article: Article, authors: Map<string, Author>): FeedArticle {
  const { data } = article;
  return {
    url: absoluteUrl(articlePath(article.id), site.url),
    title: data.title,
    dek: data.dek,
    contentHtml: article.rendered?.html ?? '',
    published: data.published,
    updated: data.updated,
    sectionName: sectionName(data.section),
    tags: data.tags,
    authors: data.authors.map(({ id }) => ({ name: authors.get(id)!.data.name, url: absoluteUrl(authorPath(id), site.url) })),
  };
}
