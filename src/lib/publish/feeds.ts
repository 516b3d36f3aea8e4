/**
 * Feed items from articles: RSS 2.0 items (for @astrojs/rss) and a JSON Feed 1.1 document.
 * Content is the article's rendered HTML, already sanitized by the Markdown pipeline.
 */
import type { RSSFeedItem } from '@astrojs/rss';

export interface FeedArticle {
  /** Absolute URL of the article page. */
  url: string;
  title: string;
  dek: string;
  contentHtml: string;
  published: Date;
  updated?: Date;
  sectionName: string;
  tags: string[];
  authors: { name: string; url: string }[];
}

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the page the feed stands for (site front page or section front). */
  homeUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  lang: string;
}

const XML_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/**
 * Text escaped for XML (and HTML) with the five predefined entities. Named, not numeric: @astrojs/rss re-parses
 * `customData` and writes it out again escaped, and its parser decodes only these, so `&#38;` would come out
 * as `&amp;#38;`.
 */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => XML_ENTITIES[char]);
}

/** RSS `author` must be an e-mail address; names go in `dc:creator` (declared by `rssNamespaces`). */
export const rssNamespaces = { dc: 'http://purl.org/dc/elements/1.1/' };

export function rssItem(article: FeedArticle): RSSFeedItem {
  return {
    title: article.title,
    link: article.url,
    // Feed readers take an item's description for HTML: the dek is text, so it goes escaped (then @astrojs/rss escapes it for XML).
    description: escapeXml(article.dek),
    content: article.contentHtml,
    pubDate: article.published,
    categories: [article.sectionName, ...article.tags],
    customData: article.authors.map((author) => `<dc:creator>${escapeXml(author.name)}</dc:creator>`).join(''),
  };
}

export function jsonFeed(channel: FeedChannel, articles: readonly FeedArticle[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    description: channel.description,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrl,
    language: channel.lang,
    items: articles.map((article) => ({
      id: article.url,
      url: article.url,
      title: article.title,
      summary: article.dek,
      content_html: article.contentHtml,
      date_published: article.published.toISOString(),
      ...(article.updated && { date_modified: article.updated.toISOString() }),
      authors: article.authors,
      tags: [article.sectionName, ...article.tags],
    })),
  };
}
