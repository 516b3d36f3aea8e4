/** Articles as feeds see them: absolute URLs, author names and pages, section names, rendered HTML. */
import { sectionName, site } from '../config';
import { lastModified } from './article-meta';
import { formatDate } from './dates';
import { escapeXml, type FeedArticle } from './feeds';
import type { Article, Author } from './site-data';
import { absoluteUrl, articlePath, authorPath } from './urls';

/** Updates and corrections lead the feed item, as they lead the page. */
function notesHtml(updates: Article['data']['updates']): string {
  return updates
    .map(({ date, kind, note }) => `<p><strong>${kind === 'correction' ? 'Correction' : 'Update'} (${formatDate(date)}):</strong> ${escapeXml(note)}</p>`)
    .join('');
}

export function toFeedArticle(article: Article, authors: Map<string, Author>): FeedArticle {
  const { data } = article;
  return {
    url: absoluteUrl(articlePath(article.id), site.url),
    title: data.title,
    dek: data.dek,
    contentHtml: notesHtml(data.updates) + (article.rendered?.html ?? ''),
    published: data.published,
    updated: lastModified(data),
    sectionName: sectionName(data.section),
    tags: data.tags,
    authors: data.authors.map(({ id }) => ({ name: authors.get(id)!.data.name, url: absoluteUrl(authorPath(id), site.url) })),
  };
}
