import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../config';
import { sitemapFiles, urlsetXml, xmlResponse } from '../lib/publish/sitemap';
import { getSiteData } from '../lib/site/site-data';
import { sitePages } from '../lib/site/site-pages';

/** One file of the sitemap: every page the build writes, from site data, with `lastmod` for articles. */
export const getStaticPaths = (async () => {
  const files = sitemapFiles(sitePages(await getSiteData(), site.sections, site.listingPageSize), site.url);
  return files.map((urls, index) => ({ params: { file: String(index) }, props: { urls } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => xmlResponse(urlsetXml(props.urls));
