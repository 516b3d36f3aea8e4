import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { site } from '../config';
import { toFeedArticle } from '../lib/publish/feed-articles';
import { rssItem, rssNamespaces } from '../lib/publish/feeds';
import { getSiteData } from '../lib/site/site-data';
import { withBase } from '../lib/util/urls';

/** The whole site's newest articles, with full content. */
export const GET: APIRoute = async () => {
  const { articles } = await getSiteData();
  return rss({
    title: site.name,
    description: site.description,
    site: new URL(withBase('/'), site.url),
    xmlns: rssNamespaces,
    customData: `<language>${site.lang}</language>`,
    items: await Promise.all(articles.slice(0, site.feedSize).map(async (article) => rssItem(await toFeedArticle(article)))),
  });
};
