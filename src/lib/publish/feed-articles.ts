/** Articles as feeds see them: absolute URLs, author names and pages, section names, rendered HTML. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import MarkdownBody from '../../components/MarkdownBody.astro';
import { sectionName, site } from '../../config';
import { lastModified } from '../site/article-meta';
import { formatDate } from '../util/dates';
import { escapeXml, type FeedArticle } from './feeds';
import type { Article, Author } from '../site/site-data';
import { absoluteUrl, articlePath, authorPath } from '../util/urls';

/** Updates and corrections lead the feed item, as they lead the page. */
function notesHtml(updates: Article['data']['updates']): string {
  return updates
    .map(({ date, kind, note }) => `<p><strong>${kind === 'correction' ? 'Correction' : 'Update'} (${formatDate(date)}):</strong> ${escapeXml(note)}</p>`)
    .join('');
}

let container: Promise<AstroContainer> | undefined;

/**
 * The article body as the page shows it — pictures in place of the rendering's markers, resolved to their
 * optimised files — with root-relative addresses made absolute, as feed readers need.
 */
async function bodyHtml(article: Article): Promise<string> {
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

export async function toFeedArticle(article: Article, authors: Map<string, Author>): Promise<FeedArticle> {
  const { data } = article;
  return {
    url: absoluteUrl(articlePath(article.id), site.url),
    title: data.title,
    dek: data.dek,
    contentHtml: notesHtml(data.updates) + (await bodyHtml(article)),
    published: data.published,
    updated: lastModified(data),
    sectionName: sectionName(data.section),
    tags: data.tags,
    authors: data.authors.map(({ id }) => ({ name: authors.get(id)!.data.name, url: absoluteUrl(authorPath(id), site.url) })),
  };
}
