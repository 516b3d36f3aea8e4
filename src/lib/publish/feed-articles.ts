/** Articles as feeds see them: absolute URLs, author names and pages, section names, rendered HTML. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import MarkdownBody from '../../components/MarkdownBody.astro';
import { site } from '../../config';
import type { ArticleView, Note } from '../site/article-view';
import { formatDate } from '../util/dates';
import { absoluteUrl } from '../util/urls';
import { authorCredits } from './credits';
import { escapeXml, type FeedArticle } from './feeds';

/** Updates and corrections lead the feed item, as they lead the page. */
function notesHtml(notes: readonly Note[]): string {
  return notes.map(({ date, label, note }) => `<p><strong>${label} (${formatDate(date)}):</strong> ${escapeXml(note)}</p>`).join('');
}

let container: Promise<AstroContainer> | undefined;

/**
 * The article body as the page shows it — pictures in place of the rendering's markers, resolved to their
 * optimised files — with root-relative addresses made absolute, as feed readers need.
 */
async function bodyHtml(article: ArticleView): Promise<string> {
  const html = await (await (container ??= AstroContainer.create())).renderToString(MarkdownBody, { props: { entry: article } });
  return withAbsoluteUrls(html, new URL(site.url).origin);
}

const isRootRelative = (url: string) => url.startsWith('/') && !url.startsWith('//');

/** Root-relative `src`, `href` and `srcset` addresses made absolute, on the tree (text that shows an address stays as written). */
function withAbsoluteUrls(html: string, origin: string): string {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', ({ properties }) => {
    for (const name of ['src', 'href', 'srcSet']) {
      const value = properties[name];
      if (typeof value === 'string' && isRootRelative(value)) properties[name] = origin + value;
      // srcset is a list of candidates, each "address width"
      if (Array.isArray(value)) properties[name] = value.map((candidate) => (typeof candidate === 'string' && isRootRelative(candidate) ? origin + candidate : candidate));
    }
  });
  return toHtml(tree);
}

export async function toFeedArticle(article: ArticleView): Promise<FeedArticle> {
  return {
    url: absoluteUrl(article.url, site.url),
    title: article.title,
    dek: article.dek,
    contentHtml: notesHtml(article.notes) + (await bodyHtml(article)),
    published: article.published,
    updated: article.updated,
    sectionName: article.sectionName,
    tags: article.tags,
    authors: authorCredits(article.byline, site.url),
  };
}
