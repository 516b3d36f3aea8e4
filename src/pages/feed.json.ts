import type { APIRoute } from 'astro';
import { site } from '../config';
import { toFeedArticle } from '../lib/publish/feed-articles';
import { jsonFeed } from '../lib/publish/feeds';
import { getSiteData } from '../lib/site/site-data';
import { absoluteUrl, withBase } from '../lib/util/urls';

/** JSON Feed 1.1 of the whole site's newest articles. */
export const GET: APIRoute = async () => {
  const { articles } = await getSiteData();
  const feed = jsonFeed(
    {
      title: site.name,
      description: site.description,
      homeUrl: absoluteUrl(withBase('/'), site.url),
      feedUrl: absoluteUrl(withBase('/feed.json'), site.url),
      lang: site.lang,
    },
    await Promise.all(articles.slice(0, site.feedSize).map((article) => toFeedArticle(article))),
  );
  return new Response(JSON.stringify(feed), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
