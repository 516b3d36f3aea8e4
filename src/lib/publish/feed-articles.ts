/** Articles as feeds see them: absolute URLs, author names and pages, section names, rendered HTML. */
import { site } from '../../config';
import { bodyHtml } from '../site/body-html';
import type { ArticleView, Note } from '../site/article-view';
import { formatDate } from '../util/dates';
import { absoluteUrl } from '../util/urls';
import { authorCredits } from './credits';
import { escapeXml, type FeedArticle } from './feeds';

/** Updates and corrections lead the feed item, as they lead the page. */
function notesHtml(notes: readonly Note[]): string {
  return notes.map(({ date, label, note }) => `<p><strong>${label} (${formatDate(date)}):</strong> ${escapeXml(note)}</p>`).join('');
}

export async function toFeedArticle(article: ArticleView): Promise<FeedArticle> {
  return {
    url: absoluteUrl(article.url, site.url),
    title: article.title,
    dek: article.dek,
    // The body as the page shows it, with root-relative addresses made absolute, as feed readers need.
    contentHtml: notesHtml(article.notes) + (await bodyHtml(article.data.renderedBody, { absoluteUnder: site.url })),
    published: article.published,
    updated: article.updated,
    sectionName: article.sectionName,
    tags: article.tags,
    authors: authorCredits(article.byline, site.url),
  };
}
