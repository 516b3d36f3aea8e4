import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { sectionName, site } from '../../../config';
import { toFeedArticle } from '../../../lib/publish/feed-articles';
import { rssItem, rssNamespaces } from '../../../lib/publish/feeds';
import { getSiteData } from '../../../lib/site/site-data';
import { sectionPath } from '../../../lib/util/urls';

export const getStaticPaths = (() => site.sections.map((section) => ({ params: { section: section.id } }))) satisfies GetStaticPaths;

/** One section's newest articles, with full content. */
export const GET: APIRoute = async ({ params }) => {
  const { articles } = await getSiteData();
  const id = params.section!;
  return rss({
    title: `${site.name}: ${sectionName(id)}`,
    description: `The latest ${sectionName(id)} stories from ${site.name}.`,
    site: new URL(sectionPath(id), site.url),
    xmlns: rssNamespaces,
    customData: `<language>${site.lang}</language>`,
    items: await Promise.all(
      articles
        .filter((article) => article.section === id)
        .slice(0, site.feedSize)
        .map(async (article) => rssItem(await toFeedArticle(article))),
    ),
  });
};
